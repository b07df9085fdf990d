package kiln.api;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.dialects.torch.types.UnionType;
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptObject;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.interp.value.TypeCheck;
import kiln.runtime.interp.value.Values;

/**
 * The bridge between {@link Value}s and the values Kiln's runtime passes around ({@code kiln.runtime.interp.value}:
 * runtime tensors, boxed {@code Long}/{@code Double}/{@code Boolean}, {@code String}, {@code ScriptList}, {@code
 * ScriptTuple}, {@code ScriptDict}, {@code ScriptObject}, {@code null} for None), for code that works with the
 * runtime directly: Kiln's own tools, backends. Applications need only {@link Value}. Tensors are shared, never
 * copied; containers are converted.
 */
public final class RuntimeValues {
    private final Scope scope;
    private final Map<kiln.runtime.tensor.Tensor, Tensor> tensors = new IdentityHashMap<>();

    private RuntimeValues(Scope scope) {
        this.scope = scope;
    }

    /**
     * A runtime value as a {@link Value}; a runtime tensor that occurs twice becomes one {@link Tensor}.
     *
     * @throws IllegalArgumentException for a value with no {@link Value} kind (a future, a function)
     */
    public static Value fromRuntime(Object value) {
        return new RuntimeValues(null).convert(value);
    }

    /** {@link #fromRuntime}, with the tensors readable only while {@code scope} is open. */
    static Value fromRuntime(Object value, Scope scope) {
        return new RuntimeValues(scope).convert(value);
    }

    private Value convert(Object value) {
        return switch (value) {
            case null -> Value.NONE;
            case kiln.runtime.tensor.Tensor t -> tensors.computeIfAbsent(t,
                    x -> scope == null ? Tensor.wrap(x) : Tensor.wrap(x).scoped(scope));
            case Long l -> new Value.Int(l);
            case Double d -> new Value.Float(d);
            case Boolean b -> new Value.Bool(b);
            case String s -> new Value.Str(s);
            case ScriptList l -> new Value.List(l.items().stream().map(this::convert).toList());
            case ScriptTuple t -> new Value.Tuple(t.elements().stream().map(this::convert).toList());
            case ScriptDict d -> {
                Map<Value, Value> entries = new LinkedHashMap<>();
                d.entries().forEach((k, v) -> entries.put(convert(k), convert(v)));
                yield new Value.Dict(entries);
            }
            case ScriptObject o -> new Value.Instance(o);
            case kiln.dialects.torch.types.Device d -> new Value.Device(d.toString());
            default -> throw new IllegalArgumentException("a TorchScript " + Values.typeName(value)
                    + " cannot be handed to Java");
        };
    }

    /** {@link #toRuntime(Value, TorchType)} with no declared type: lists stay lists and ints stay ints. */
    public static Object toRuntime(Value value) {
        return toRuntime(value, null);
    }

    /**
     * {@code value} as the runtime passes a value of {@code declared} (null or {@code Any} when unknown), converting
     * as PyTorch converts Python arguments: an {@code int} where a {@code float} is declared becomes a float, a
     * list or a tuple becomes what is declared with its elements converted by the element types, a string where a
     * {@code Device} is declared names the device, and a {@code Union} or {@code Optional} takes its first member the
     * value fits. What fits no declared type is converted as it is, for the callee's type check to report.
     */
    public static Object toRuntime(Value value, TorchType declared) {
        TorchType type = declared == LeafType.ANY ? null : declared;
        if (type instanceof OptionalType o) {
            return value.isNone() ? null : toRuntime(value, o.elementType());
        }
        if (type instanceof UnionType u) {
            for (TorchType member : u.types()) {
                Object converted = toRuntime(value, member);
                if (TypeCheck.matches(converted, member)) {
                    return converted;
                }
            }
            return toRuntime(value, null);
        }
        return switch (value) {
            case Tensor t -> t.unwrap();
            case Value.Int i -> type == LeafType.FLOAT || type == LeafType.SYM_FLOAT ? (Object) (double) i.value()
                    : (Object) i.value();
            case Value.Float f -> f.value();
            case Value.Bool b -> b.value();
            case Value.Str s -> type == LeafType.DEVICE ? kiln.dialects.torch.types.Device.parse(s.value()) : s.value();
            case Value.None n -> null;
            case Value.Device d -> kiln.dialects.torch.types.Device.parse(d.name());
            case Value.List l -> sequence(l.elements(), type, false);
            case Value.Tuple t -> sequence(t.elements(), type, true);
            case Value.Dict d -> dict(d, type instanceof DictType dt ? dt : null);
            case Value.Instance o -> o.object();
        };
    }

    /** A list or tuple as what {@code type} declares (either way round, as PyTorch accepts), else as it came. */
    private static Object sequence(List<Value> elements, TorchType type, boolean tuple) {
        if (type instanceof TupleType tt && tt.elements().size() == elements.size()) {
            List<Object> out = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                out.add(toRuntime(elements.get(i), tt.elements().get(i)));
            }
            return new ScriptTuple(out);
        }
        TorchType element = type instanceof ListType lt ? lt.elementType() : null;
        List<Object> out = new ArrayList<>(elements.size());
        for (Value v : elements) {
            out.add(toRuntime(v, element));
        }
        if (tuple && !(type instanceof ListType)) {
            return new ScriptTuple(out);
        }
        // typed only when every element fits, so that the callee's type check sees a wrong element
        return ScriptList.of(allMatch(out, element) ? element : null, out);
    }

    private static ScriptDict dict(Value.Dict d, DictType type) {
        Map<Object, Object> entries = new LinkedHashMap<>();
        d.entries().forEach((k, v) -> entries.put(toRuntime(k, type == null ? null : type.keyType()),
                toRuntime(v, type == null ? null : type.valueType())));
        boolean typed = type != null && allMatch(entries.keySet(), type.keyType())
                && allMatch(entries.values(), type.valueType());
        ScriptDict out = new ScriptDict(typed ? type.keyType() : null, typed ? type.valueType() : null);
        out.putAll(entries);
        return out;
    }

    private static boolean allMatch(java.util.Collection<Object> values, TorchType type) {
        return type != null && values.stream().allMatch(v -> TypeCheck.matches(v, type));
    }
}
