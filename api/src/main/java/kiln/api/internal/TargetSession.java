package kiln.api.internal;

import java.util.List;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.SymbolTable;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphModule;
import kiln.executor.ExecutorOptions;
import kiln.executor.ProfilingExecutor;
import kiln.lowering.PassContext;
import kiln.lowering.PassManager;
import kiln.lowering.PassPipeline;
import kiln.lowering.PassRegistry;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Environment;
import kiln.runtime.backend.Executable;
import kiln.runtime.interp.InterpreterBackend;

/**
 * A backend's session for one program, compiling modules the way the backend asks: each module is lowered by the
 * backend's {@linkplain Backend#loweringPipeline() pipeline} (passes found on the class path, {@link
 * PassRegistry#discover()}) before the session compiles its function. Graphs the frontend makes are put in a module
 * of their own first ({@link GraphModule}).
 */
public final class TargetSession {
    private static final DialectRegistry REGISTRY = DialectRegistry.discover();

    private final Backend backend;
    private final Backend.Session session;
    private final PassPipeline lowering;
    private final Environment environment;
    private final ExecutorOptions optimization;

    private TargetSession(Backend backend, Backend.Session session, PassPipeline lowering, Environment environment,
                          ExecutorOptions optimization) {
        this.backend = backend;
        this.session = session;
        this.lowering = lowering;
        this.environment = environment;
        this.optimization = optimization;
    }

    /**
     * Opens a session of {@code backend} for a program whose environment is {@code environment}, optimizing as the
     * reference interpreter does by default ({@link ExecutorOptions#DEFAULT}).
     *
     * @throws IllegalArgumentException when the backend's pipeline names a pass that is not on the class path
     */
    public static TargetSession open(Backend backend, Environment environment) {
        return open(backend, environment, ExecutorOptions.DEFAULT);
    }

    /**
     * Opens a session of {@code backend}; on the reference interpreter, methods run under the profiling executor
     * with {@code optimization} (profiled, specialized under guards, optimized), or as they are when it is null.
     */
    public static TargetSession open(Backend backend, Environment environment, ExecutorOptions optimization) {
        String text = backend.loweringPipeline();
        PassPipeline lowering = text.isBlank() ? new PassPipeline(List.of())
                : PassPipeline.parse(text, PassRegistry.discover());
        return new TargetSession(backend, backend.open(environment), lowering, environment, optimization);
    }

    public Backend backend() {
        return backend;
    }

    /** Lowers {@code module} (in place) and compiles its function {@code function}. */
    public Executable compile(Operation module, String function) {
        lower(module);
        if (optimization != null && backend instanceof InterpreterBackend interpreter) {
            Operation fn = SymbolTable.lookup(module, function).orElseThrow(() -> new IllegalArgumentException(
                    "the module has no function '" + function + "'"));
            return ProfilingExecutor.of(function, Graph.of(fn.region(0)), () -> interpreter.configure(environment),
                    optimization);
        }
        return session.compile(module, function);
    }

    /** Compiles {@code graph} as function {@code name} of a module of its own. */
    public Executable compile(String name, Graph graph) {
        return compile(GraphModule.of(name, graph), name);
    }

    /** What the target cannot run in {@code graph} (give an inlined graph to include the code it calls). */
    public List<String> unsupportedOps(String name, Graph graph) {
        Operation module = GraphModule.of(name, graph);
        lower(module);
        return session.unsupportedOps(module, name);
    }

    private void lower(Operation module) {
        if (lowering.isEmpty()) {
            return;
        }
        // no IR is printed between the passes here, so the pass manager needs no printer
        new PassManager(lowering, r -> "").run(module, new PassContext(REGISTRY));
    }
}
