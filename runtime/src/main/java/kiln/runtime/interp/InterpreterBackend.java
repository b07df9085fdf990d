package kiln.runtime.interp;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import kiln.dialects.ir.Operation;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphModule;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Capabilities;
import kiln.runtime.backend.Environment;
import kiln.runtime.backend.Executable;
import kiln.runtime.backend.InputDialects;
import kiln.runtime.backend.Outputs;
import kiln.runtime.interp.kernels.KernelRegistry;

/**
 * The reference interpreter as target {@code interp}: a backend on the torch dialect as the frontend leaves it (no
 * lowering pipeline). Every function compiles to a {@link Plan}; ops without a kernel fail when reached, so {@link
 * Session#compile} accepts any verified torch function (use {@link Session#unsupportedOps} to know in advance).
 */
public final class InterpreterBackend implements Backend {
    private final Supplier<Interpreter.Builder> configuration;

    /** The standard interpreter (standard kernels and schemas). */
    public InterpreterBackend() {
        this(Interpreter::builder);
    }

    /**
     * An interpreter configured by {@code configuration} (kernels, schemas, fork executor); each session sets the
     * environment's callables, constants, output and warnings on a fresh builder from it.
     */
    public InterpreterBackend(Supplier<Interpreter.Builder> configuration) {
        this.configuration = configuration;
    }

    @Override
    public String name() {
        return "interp";
    }

    @Override
    public String description() {
        return "the reference interpreter (CPU): every op with a kernel";
    }

    @Override
    public Capabilities capabilities() {
        Set<ScalarType> dtypes = EnumSet.of(ScalarType.Bool, ScalarType.Byte, ScalarType.Char, ScalarType.Short,
                ScalarType.Int, ScalarType.Long, ScalarType.Half, ScalarType.BFloat16, ScalarType.Float,
                ScalarType.Double);
        return new Capabilities(Set.of("cpu"), dtypes, KernelRegistry.standard().overloads());
    }

    @Override
    public Set<String> inputDialects() {
        return Set.of(TorchDialect.INSTANCE.name());
    }

    @Override
    public String loweringPipeline() {
        return "";
    }

    @Override
    public Session open(Environment environment) {
        return new InterpreterSession(this, configure(environment).build());
    }

    /**
     * A fresh builder of this backend's interpreters for a program whose environment is {@code environment} (its
     * kernels and schemas, the environment's callables, constants, output and warnings), for those who run the
     * torch dialect with more control than a session gives: the profiling executor adds its profiler and fallbacks.
     */
    public Interpreter.Builder configure(Environment environment) {
        return configuration.get().callables(environment.callables()).constants(environment.constants())
                .output(environment.output()).warnings(environment.warnings());
    }

    /** A session's one interpreter caches a plan per function body. */
    private record InterpreterSession(Backend backend, Interpreter interpreter) implements Session {
        @Override
        public Executable compile(Operation module, String function) {
            Graph graph = GraphModule.function(module, function);
            InputDialects.require(backend, module, function);
            Plan plan = interpreter.plan(function, graph);
            return new Executable() {
                @Override
                public List<Object> run(List<?> args) {
                    return plan.run(interpreter, args);
                }

                @Override
                public Outputs invoke(List<?> args) {
                    return plan.invoke(interpreter, args);
                }
            };
        }

        @Override
        public List<String> unsupportedOps(Operation module, String function) {
            List<String> outside = InputDialects.outside(backend.inputDialects(), module, function);
            return !outside.isEmpty() ? outside
                    : interpreter.plan(function, GraphModule.function(module, function)).unsupportedOps();
        }
    }
}
