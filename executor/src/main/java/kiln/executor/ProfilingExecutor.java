package kiln.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphPrinter;
import kiln.dialects.torch.types.TensorType;
import kiln.lowering.PassContext;
import kiln.lowering.PassManager;
import kiln.lowering.PassPipeline;
import kiln.lowering.PassRegistry;
import kiln.runtime.backend.Executable;
import kiln.runtime.backend.Outputs;
import kiln.runtime.interp.FallbackHandler;
import kiln.runtime.interp.Interpreter;
import kiln.runtime.interp.Plan;

/**
 * PyTorch's profiling graph executor (torch/csrc/jit/runtime/profiling_graph_executor_impl.cpp) for one method: the
 * first {@link ExecutorOptions#profilingRuns()} calls run the method with a {@code prim::profile} after every tensor
 * value, on the reference interpreter; then the executor builds the guarded specialization of the method for the
 * profiled input types ({@link Specialization}), runs the optimization pipeline on it, and runs that from then on.
 * A call whose inputs fail the guard runs the fallback, which is itself a profiling executor one level deeper, so it
 * profiles and specializes again, until the {@link FusionStrategy} runs out; past that the fallback runs the
 * unspecialized method. A guard failure never changes a result: the fallback is the method itself.
 */
public final class ProfilingExecutor implements Executable {
    private final String name;
    private final Graph method;
    private final Supplier<Interpreter.Builder> interpreters;
    private final ExecutorOptions options;
    private final ExecutorStats stats;
    private final int depth;
    private final Instrumented instrumented;
    private final Profiles profiles = new Profiles();
    private final Interpreter profiling;
    private volatile Optimized optimized;
    private int profiledCalls;

    /** The specialized graph and what runs it. */
    private record Optimized(Graph graph, Interpreter interpreter, Plan plan) {
    }

    /**
     * An executor for {@code method} (a method's or function's graph, after the prepare pipeline has run on it).
     *
     * @param interpreters interpreters configured for the program (callables, constants, output), fresh each call
     */
    ProfilingExecutor(String name, Graph method, Supplier<Interpreter.Builder> interpreters, ExecutorOptions options,
                      ExecutorStats stats, int depth) {
        this.name = name;
        this.method = method;
        this.interpreters = interpreters;
        this.options = options;
        this.stats = stats;
        this.depth = depth;
        this.instrumented = Instrumented.of(method);
        this.profiling = interpreters.get().profiler(profiles).build();
    }

    /** An executor for {@code method} at the top (depth 0), running {@code options.preparePipeline()} on a copy first. */
    public static ProfilingExecutor of(String name, Graph method, Supplier<Interpreter.Builder> interpreters,
                                       ExecutorOptions options) {
        Graph prepared = copy(method);
        run(options.preparePipeline(), prepared, options);
        return new ProfilingExecutor(name, prepared, interpreters, options, new ExecutorStats(), 0);
    }

    public ExecutorStats stats() {
        return stats;
    }

    /** The graph optimized calls run (PyTorch's {@code last_executed_optimized_graph}), once there is one. */
    public Optional<Graph> optimizedGraph() {
        Optimized o = optimized;
        return o == null ? Optional.empty() : Optional.of(o.graph());
    }

    @Override
    public List<Object> run(List<?> args) {
        Optimized o = optimizedOrNull();
        if (o != null) {
            stats.optimizedRuns.incrementAndGet();
            return o.plan().run(o.interpreter(), args);
        }
        return profile(args);
    }

    @Override
    public Outputs invoke(List<?> args) {
        Optimized o = optimizedOrNull();
        if (o != null) {
            stats.optimizedRuns.incrementAndGet();
            return o.plan().invoke(o.interpreter(), args);
        }
        return Outputs.unowned(profile(args));
    }

    private List<Object> profile(List<?> args) {
        List<Object> out = profiling.plan(name, instrumented.graph()).run(profiling, args);
        stats.profiledRuns.incrementAndGet();
        synchronized (this) {
            profiledCalls++;
        }
        return out;
    }

    /** The optimized graph, made now if the profiling runs are done (so a method called once is never optimized). */
    private Optimized optimizedOrNull() {
        Optimized o = optimized;
        if (o != null) {
            return o;
        }
        synchronized (this) {
            if (optimized == null && profiledCalls >= options.profilingRuns()) {
                optimized = optimize();
            }
            return optimized;
        }
    }

    private Optimized optimize() {
        Optional<Specialization.Kind> kind = options.strategy().at(depth);
        Graph graph;
        if (kind.isPresent()) {
            graph = Specialization.of(method, inputTypes(), kind.get()).orElseGet(() -> copy(method));
            stats.specializations.incrementAndGet();
        } else {
            graph = copy(method);
        }
        run(options.optimizePipeline(), graph, options);
        Map<Operation, ProfilingExecutor> fallbacks = new ConcurrentHashMap<>();
        FallbackHandler handler = (op, args, subgraph) -> {
            stats.guardFailures.incrementAndGet();
            ProfilingExecutor next = fallbacks.computeIfAbsent(op, f -> new ProfilingExecutor(name,
                    Graph.of(f.region(0)), interpreters, options, stats, depth + 1));
            return next.run(java.util.Arrays.asList(args)).toArray();
        };
        Interpreter interpreter = interpreters.get().fallbacks(handler).build();
        return new Optimized(graph, interpreter, interpreter.plan(name, graph));
    }

    /** The profiled type of each input of the method (empty for inputs that are not tensors or were not seen). */
    private List<Optional<TensorType>> inputTypes() {
        List<Optional<TensorType>> out = new ArrayList<>();
        for (Value in : method.inputs()) {
            Optional<TensorType> t = Optional.empty();
            for (Map.Entry<Long, Value> p : instrumented.points().entrySet()) {
                if (p.getValue() == in) {
                    t = profiles.type(p.getKey());
                }
            }
            out.add(t);
        }
        return out;
    }

    private static Graph copy(Graph g) {
        Region r = new Region(null);
        g.region().cloneInto(r, new kiln.dialects.ir.IRMapping());
        return Graph.of(r);
    }

    /** Runs pipeline {@code text} on {@code graph}, verifying after each pass (and printing, when asked). */
    static void run(String text, Graph graph, ExecutorOptions options) {
        if (text.isBlank()) {
            return;
        }
        PassPipeline pipeline = PassPipeline.parse(text, PassRegistry.discover());
        Function<Region, String> printer = r -> GraphPrinter.print(Graph.of(r));
        PassManager pm = new PassManager(pipeline, printer);
        if (options.irDump() != null) {
            pm.printIr(true, false, options.irDump());
        }
        pm.run(graph.region(), new PassContext(DialectRegistry.discover()));
    }
}
