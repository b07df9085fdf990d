package kiln.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiln.api.spi.Program;
import kiln.dialects.torch.schema.Argument;
import kiln.dialects.torch.schema.DefaultValue;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.TorchType;
import kiln.runtime.backend.Outputs;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;

/**
 * A method of a loaded model's root module, as {@code torch::jit::Method}: {@code forward} or any other method the
 * model exports. Arguments are {@link Value}s or plain Java values (converted as {@link Value#from} does, then to
 * the declared types: an {@code int} given for a {@code float}, a Java list for a tuple); they bind to the declared
 * parameters as Python binds them: positionally, then by keyword, then from the defaults. Thread-safe: one method
 * may be called from many threads at once.
 */
public final class Method {
    private final Model model;
    private final Program program;
    private final FunctionSchema schema;

    /**
     * One declared parameter.
     *
     * @param name         its name
     * @param type         its TorchScript type, as written in a signature ({@code Tensor}, {@code int[]},
     *                     {@code Optional[str]} prints as {@code str?})
     * @param defaultValue its default, when it has one
     * @param keywordOnly  whether it comes after {@code *} and so can only be given by name
     */
    public record Parameter(String name, String type, Optional<Value> defaultValue, boolean keywordOnly) {
    }

    Method(Model model, Program program, FunctionSchema schema) {
        this.model = model;
        this.program = program;
        this.schema = schema;
    }

    /** The method's name. */
    public String name() {
        return schema.name();
    }

    /** The signature as PyTorch prints a schema, without {@code self}: {@code forward(Tensor x, int n=3) -> Tensor}. */
    public String signature() {
        return schema.toString();
    }

    /** The declared parameters, without {@code self}. */
    public List<Parameter> parameters() {
        return schema.arguments().stream().map(a -> new Parameter(a.name(), a.realType().toString(),
                a.defaultValue().map(d -> RuntimeValues.fromRuntime(defaultValue(d, a.type()))), a.kwargOnly()))
                .toList();
    }

    /** The declared return type: {@code Tensor}, {@code (Tensor, int)}. */
    public String returnType() {
        return schema.returns().size() == 1 ? schema.returns().getFirst().realType().toString()
                : schema.returns().toString();
    }

    /**
     * Calls the method with positional arguments; what it returns. The values' memory is reclaimed by the garbage
     * collector (see {@link #invoke} to hand it back at once).
     *
     * @throws ScriptError               when the program raises an error
     * @throws IllegalArgumentException  when the arguments do not fit the signature (too many, a missing one), or
     *                                   a Java value is not a TorchScript one
     * @throws IllegalStateException     when the model was closed
     */
    public Value call(Object... args) {
        return call(Arrays.asList(args), Map.of());
    }

    /** {@link #call(Object...)} with positional and keyword arguments, as Python's {@code m.forward(x, n=3)}. */
    public Value call(List<?> args, Map<String, ?> kwargs) {
        Outputs outputs = run(args, kwargs);
        return RuntimeValues.fromRuntime(single(outputs), null);
    }

    /**
     * Calls the method; a {@link Result} to close when done with it, which hands the memory the call made back
     * to the buffer pool at once. Throws as {@link #call(Object...)} does.
     */
    public Result invoke(Object... args) {
        return invoke(Arrays.asList(args), Map.of());
    }

    /** {@link #invoke(Object...)} with positional and keyword arguments. */
    public Result invoke(List<?> args, Map<String, ?> kwargs) {
        Outputs outputs = run(args, kwargs);
        Scope scope = new Scope();
        return new Result(RuntimeValues.fromRuntime(single(outputs), scope), outputs, scope);
    }

    private Outputs run(List<?> args, Map<String, ?> kwargs) {
        model.requireOpen();
        List<Object> bound = bind(args, kwargs);
        try {
            return program.invoke(name(), bound);
        } catch (ScriptException e) {
            throw new ScriptError(e);
        }
    }

    private static Object single(Outputs outputs) {
        List<Object> values = outputs.values();
        return values.size() == 1 ? values.getFirst() : new kiln.runtime.interp.value.ScriptTuple(values);
    }

    /**
     * The runtime arguments, one per declared parameter, as PyTorch's {@code createStackForSchema} binds a Python
     * call: positional ones first, keywords by name, then defaults; its messages.
     */
    private List<Object> bind(List<?> args, Map<String, ?> kwargs) {
        List<Argument> params = schema.arguments();
        long positional = params.stream().filter(a -> !a.kwargOnly()).count();
        if (args.size() > positional) {
            throw new IllegalArgumentException(name() + "() expected at most " + positional + " argument(s) but "
                    + "received " + (args.size() + kwargs.size()) + " argument(s). Declared signature: " + schema);
        }
        List<Object> out = new ArrayList<>(params.size());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < params.size(); i++) {
            Argument p = params.get(i);
            if (i < args.size()) {
                if (kwargs.containsKey(p.name())) {
                    throw new IllegalArgumentException(name() + "() got multiple values for argument '" + p.name()
                            + "'. Declared signature: " + schema);
                }
                out.add(RuntimeValues.toRuntime(Value.from(args.get(i)), p.type()));
            } else if (kwargs.containsKey(p.name())) {
                used.add(p.name());
                out.add(RuntimeValues.toRuntime(Value.from(kwargs.get(p.name())), p.type()));
            } else if (p.defaultValue().isPresent()) {
                out.add(defaultValue(p.defaultValue().get(), p.type()));
            } else {
                throw new IllegalArgumentException(name() + "() is missing value for argument '" + p.name()
                        + "'. Declared signature: " + schema);
            }
        }
        for (String key : kwargs.keySet()) {
            if (!used.contains(key)) {
                throw new IllegalArgumentException("Unknown keyword argument '" + key + "' for operator '" + name()
                        + "'. Schema: " + schema);
            }
        }
        return out;
    }

    /** A declared default as the runtime value a call passes for it (a fresh list each time). */
    private static Object defaultValue(DefaultValue d, TorchType type) {
        return switch (d) {
            case DefaultValue.None n -> null;
            case DefaultValue.IntValue i -> type == LeafType.FLOAT ? (Object) (double) i.value() : (Object) i.value();
            case DefaultValue.FloatValue f -> f.value();
            case DefaultValue.BoolValue b -> b.value();
            case DefaultValue.StrValue s -> type == LeafType.DEVICE
                    ? kiln.dialects.torch.types.Device.parse(s.value()) : s.value();
            case DefaultValue.IntListValue l -> ScriptList.of(LeafType.INT, l.values());
            case DefaultValue.FloatListValue l -> ScriptList.of(LeafType.FLOAT, l.values());
            case DefaultValue.BoolListValue l -> ScriptList.of(LeafType.BOOL, l.values());
            case DefaultValue.ComplexValue c -> throw new IllegalArgumentException("the complex default " + c
                    + " of a parameter of type " + type.annotationString() + " has no Kiln value");
        };
    }

    @Override
    public String toString() {
        return signature();
    }
}
