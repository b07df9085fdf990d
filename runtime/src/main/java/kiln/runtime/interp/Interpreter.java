package kiln.runtime.interp;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import kiln.dialects.ir.Region;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.runtime.interp.kernels.KernelContext;
import kiln.runtime.interp.kernels.KernelRegistry;
import kiln.runtime.interp.value.ScriptObject;
import kiln.runtime.interp.value.ScriptTuple;

/**
 * The reference interpreter: runs torch-dialect graphs on interpreter values (see the package documentation for
 * the value mapping). Each graph is compiled once into a {@link Plan} and cached; an interpreter may run graphs
 * from several threads at once ({@code fork} does).
 *
 * <pre>{@code
 * Interpreter interp = Interpreter.builder().callables(myCallables).output(buffer).build();
 * List<Object> outputs = interp.run(graph, List.of(tensor, 3L));
 * }</pre>
 */
public final class Interpreter implements KernelContext {
    /** Runs each forked task on a new virtual thread. */
    private static final Executor VIRTUAL_THREADS = task -> Thread.ofVirtual().name("kiln-fork").start(task);

    private final Callables callables;
    private final ConstantTable constants;
    private final KernelResolver resolver;
    private final Appendable output;
    private final Appendable warnings;
    private final Executor forkExecutor;
    private final ProfileSink profiler;
    private final FallbackHandler fallbacks;
    private final Map<Region, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, Plan> methodPlans = new ConcurrentHashMap<>();
    private final Map<String, Plan> functionPlans = new ConcurrentHashMap<>();

    private Interpreter(Builder b) {
        this.callables = b.callables;
        this.constants = b.constants;
        this.output = b.output;
        this.warnings = b.warnings;
        this.forkExecutor = b.forkExecutor;
        this.profiler = b.profiler;
        this.fallbacks = b.fallbacks;
        this.resolver = new KernelResolver(b.schemas, b.kernels, this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An interpreter with the standard kernels, no callable code, printing to {@code System.out}. */
    public static Interpreter create() {
        return builder().build();
    }

    /** The plan of {@code graph}, built on first use. */
    public Plan plan(Graph graph) {
        return plan("graph", graph);
    }

    /** The plan of {@code graph}, built on first use and named {@code name} in errors. */
    public Plan plan(String name, Graph graph) {
        Plan p = plans.get(graph.region());
        if (p == null) {
            p = PlanCompiler.compile(name, graph, this, resolver);
            Plan raced = plans.putIfAbsent(graph.region(), p);
            p = raced != null ? raced : p;
        }
        return p;
    }

    /** Runs {@code graph} on {@code args} (checked against its input types); returns its outputs. */
    public List<Object> run(Graph graph, List<?> args) {
        return plan(graph).run(this, args);
    }

    public List<Object> run(Graph graph, Object... args) {
        return run(graph, Arrays.asList(args));
    }

    Plan methodPlan(String className, String method) {
        String key = className + "." + method;
        return cachedPlan(methodPlans, key, () -> callables.method(className, method));
    }

    Plan functionPlan(String name) {
        return cachedPlan(functionPlans, name, () -> callables.function(name));
    }

    /** The plan cached under {@code key}, built from the graph {@code source} gives on first use. */
    private Plan cachedPlan(Map<String, Plan> cache, String key, Supplier<Graph> source) {
        Plan p = cache.get(key);
        if (p == null) {
            p = plan(key, source.get());
            Plan raced = cache.putIfAbsent(key, p);
            p = raced != null ? raced : p;
        }
        return p;
    }

    /** Runs method {@code method} of {@code self}'s class on {@code self} and {@code args}; its one output. */
    @Override
    public Object callMethod(ScriptObject self, String method, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = self;
        System.arraycopy(args, 0, all, 1, args.length);
        Object[] outputs = methodPlan(self.className(), method).execute(this, all);
        return outputs.length == 1 ? outputs[0] : ScriptTuple.of(outputs);
    }

    ConstantTable constants() {
        return constants;
    }

    Executor forkExecutor() {
        return forkExecutor;
    }

    ProfileSink profiler() {
        return profiler;
    }

    FallbackHandler fallbacks() {
        return fallbacks;
    }

    @Override
    public void print(String text) {
        write(output, text);
    }

    /** Writes {@code UserWarning: message} as Python's warnings module does. */
    @Override
    public void warn(String message) {
        write(warnings, "UserWarning: " + message + "\n");
    }

    private static void write(Appendable sink, String text) {
        synchronized (sink) {
            try {
                sink.append(text);
                if (sink instanceof Flushable f) {
                    f.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Configuration; every setting has a default. */
    public static final class Builder {
        private Callables callables = Callables.NONE;
        private ConstantTable constants = ConstantTable.NONE;
        private KernelRegistry kernels;
        private OperatorRegistry schemas;
        private Appendable output = System.out;
        private Appendable warnings = System.err;
        private Executor forkExecutor = VIRTUAL_THREADS;
        private ProfileSink profiler = ProfileSink.NONE;
        private FallbackHandler fallbacks = FallbackHandler.INLINE;

        private Builder() {
        }

        /** Where {@code prim::profile} ops record the values they see (default: nowhere). */
        public Builder profiler(ProfileSink value) {
            this.profiler = Objects.requireNonNull(value);
            return this;
        }

        /** What runs {@code prim::FallbackGraph} ops (default: their own graph, {@link FallbackHandler#INLINE}). */
        public Builder fallbacks(FallbackHandler value) {
            this.fallbacks = Objects.requireNonNull(value);
            return this;
        }

        /** Where {@code prim::CallMethod} and {@code prim::CallFunction} find their graphs. */
        public Builder callables(Callables value) {
            this.callables = Objects.requireNonNull(value);
            return this;
        }

        /** Where tensor constants from an archive's constants table get their data (default: none). */
        public Builder constants(ConstantTable value) {
            this.constants = Objects.requireNonNull(value);
            return this;
        }

        /** The kernels (default: {@link KernelRegistry#standard()}). */
        public Builder kernels(KernelRegistry value) {
            this.kernels = Objects.requireNonNull(value);
            return this;
        }

        /** The schemas that select each op's overload (default: {@link OperatorRegistry#standard()}). */
        public Builder schemas(OperatorRegistry value) {
            this.schemas = Objects.requireNonNull(value);
            return this;
        }

        /** Where TorchScript's {@code print} writes (default: {@code System.out}). */
        public Builder output(Appendable value) {
            this.output = Objects.requireNonNull(value);
            return this;
        }

        /** Where warnings go, each once per op (default: {@code System.err}). */
        public Builder warnings(Appendable value) {
            this.warnings = Objects.requireNonNull(value);
            return this;
        }

        /** What runs forked subgraphs (default: a new virtual thread each). */
        public Builder forkExecutor(Executor value) {
            this.forkExecutor = Objects.requireNonNull(value);
            return this;
        }

        public Interpreter build() {
            if (kernels == null) {
                kernels = KernelRegistry.standard();
            }
            if (schemas == null) {
                schemas = OperatorRegistry.standard();
            }
            return new Interpreter(this);
        }
    }
}
