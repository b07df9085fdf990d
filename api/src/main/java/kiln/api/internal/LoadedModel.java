package kiln.api.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kiln.api.spi.Program;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.executor.ExecutorOptions;
import kiln.executor.ExecutorStats;
import kiln.executor.ProfilingExecutor;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.dialects.torch.types.TorchType;
import kiln.frontend.archive.TorchArchive;
import kiln.frontend.emit.ScriptClass;
import kiln.frontend.emit.ScriptCompiler;
import kiln.frontend.module.ModuleLoader;
import kiln.frontend.module.ScriptModule;
import kiln.frontend.pickle.PyValue;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Backends;
import kiln.runtime.backend.Environment;
import kiln.runtime.backend.Executable;
import kiln.runtime.backend.Outputs;
import kiln.runtime.interp.ConstantTable;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptObject;

/**
 * A {@code torch.jit.save} archive ready to run on a target: its code compiled on demand, its module tree as
 * interpreter objects (a class with {@code __setstate__} restores its pickled state by running it, as
 * {@code torch.jit.load} does). {@link #call} runs a method of the root module.
 *
 * <p>This is the one call path of a loaded archive: {@code kiln.api.Model} (and through it the CLI), the
 * conformance runner and the bench all call methods through {@link #invoke}/{@link #call}, which take each method's
 * compiled executable from one place ({@link #executable}: the inlined graph, lowered and compiled by the target's
 * {@link TargetSession} once, then shared by every thread). Safe for concurrent calls.
 *
 * <pre>{@code
 * LoadedModel m = LoadedModel.open(Path.of("model.pt"), Backends.named("interp"), Environment.standard());
 * List<Object> out = m.call("forward", List.of(input));
 * }</pre>
 */
public final class LoadedModel implements Program {
    private final ScriptCompiler compiler;
    private final ScriptClass rootClass;
    private final ScriptObject root;
    private final PickledValues values;
    private final TargetSession session;
    private final Map<String, Executable> methods = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private LoadedModel(ScriptCompiler compiler, ScriptModule rootModule, PickledValues values, Backend backend,
            Environment environment, ExecutorOptions optimization) {
        this.compiler = compiler;
        this.values = values;
        this.rootClass = rootModule.scriptClass();
        this.session = TargetSession.open(backend, environment.withCallables(new CompiledCallables(compiler)),
                optimization);
        this.root = new ModuleObjects(values, this::restoreState).instantiate(rootModule);
    }

    /** Runs {@code __setstate__} of the module's class on {@code self} with its pickled state, on the target. */
    private void restoreState(ScriptObject self, ScriptModule module) {
        Graph setState;
        synchronized (compiler) {
            setState = compiler.method(module.scriptClass(), "__setstate__");
        }
        if (setState.inputs().size() != 2 || !(setState.inputs().get(1).type() instanceof TorchType stateType)) {
            throw new IllegalArgumentException(module.scriptClass().name() + ".__setstate__ must take one state "
                    + "argument besides self");
        }
        Object state = values.convert(module.state(), stateType);
        session.compile(module.scriptClass().name() + ".__setstate__", setState).run(List.of(self, state));
    }

    /**
     * The archive's constants table as the interpreter reads it: entry n, converted like the module's own values
     * (so that tensors sharing a storage keep sharing it), is {@code CONSTANTS.c<n>}.
     */
    private static ConstantTable constants(List<PyValue> table, PickledValues values) {
        Map<String, Object> byName = new HashMap<>();
        for (int i = 0; i < table.size(); i++) {
            byName.put("CONSTANTS.c" + i, values.convert(table.get(i)));
        }
        return source -> {
            if (!byName.containsKey(source)) {
                throw ScriptException.runtimeError("the archive's constants table has no entry " + source);
            }
            return byName.get(source);
        };
    }

    /**
     * Reads the archive (tensors are copied out, so the file is closed on return) and opens a session of
     * {@code backend} for it; the environment's callables and constants are replaced by the archive's.
     */
    public static LoadedModel open(Path archive, Backend backend, Environment environment) throws IOException {
        return open(archive, backend, environment, ExecutorOptions.DEFAULT);
    }

    /**
     * {@link #open(Path, Backend, Environment)}, with the reference interpreter's methods run under the profiling
     * executor with {@code optimization} (profiled, specialized under guards, optimized), or as compiled when null.
     */
    public static LoadedModel open(Path archive, Backend backend, Environment environment,
                                   ExecutorOptions optimization) throws IOException {
        try (TorchArchive file = TorchArchive.open(archive)) {
            ModuleLoader.Loaded loaded = ModuleLoader.load(file);
            ScriptCompiler compiler = new ScriptCompiler(loaded.unit(), OperatorRegistry.standard());
            PickledValues values = new PickledValues();
            ConstantTable constants = constants(file.constants().items(), values);
            return new LoadedModel(compiler, loaded.root(), values, backend, environment.withConstants(constants),
                    optimization);
        }
    }

    /** The archive on the default target (the reference interpreter). */
    public static LoadedModel open(Path archive, Environment environment) throws IOException {
        return open(archive, Backends.named(Backends.DEFAULT), environment);
    }

    public ScriptObject root() {
        return root;
    }

    /** The compiled graph of a root-module method (first input {@code self}). */
    public Graph method(String name) {
        synchronized (compiler) {
            return compiler.method(rootClass, name);
        }
    }

    /** Method {@code name} of the root module with every call to script code inlined (what {@link #call} runs). */
    public Graph inlinedMethod(String name) {
        synchronized (compiler) {
            return compiler.inlinedMethod(rootClass, name);
        }
    }

    /**
     * Runs method {@code name} of the root module on {@code args}; its outputs. The target runs the inlined graph,
     * as PyTorch's graph executor does: one block, so that the interpreter sees every temporary's last use.
     */
    public List<Object> call(String name, List<?> args) {
        return executable(name).run(withSelf(args));
    }

    /**
     * {@link #call}, with the outputs' storage to hand back deterministically: close the result (after copying
     * what you keep) and the next call reuses it instead of waiting for the garbage collector.
     */
    @Override
    public Outputs invoke(String name, List<?> args) {
        return executable(name).invoke(withSelf(args));
    }

    /**
     * What the profiling executor did for method {@code name} (runs profiled and optimized, specializations, guard
     * failures), once it has been called; empty when the target does not run it under the executor.
     */
    public Optional<ExecutorStats> executorStats(String name) {
        return methods.get(name) instanceof ProfilingExecutor p ? Optional.of(p.stats()) : Optional.empty();
    }

    /** The graph the optimized calls of method {@code name} run (PyTorch's last optimized graph), once there is one. */
    public Optional<Graph> optimizedGraph(String name) {
        return methods.get(name) instanceof ProfilingExecutor p ? p.optimizedGraph() : Optional.empty();
    }

    private Executable executable(String name) {
        if (closed) {
            throw new IllegalStateException("the model " + rootClass.name() + " was closed");
        }
        return methods.computeIfAbsent(name, n -> session.compile(rootClass.name() + "." + n, inlinedMethod(n)));
    }

    @Override
    public String className() {
        return rootClass.name();
    }

    @Override
    public List<String> methodNames() {
        return List.copyOf(rootClass.methods().keySet());
    }

    @Override
    public FunctionSchema signature(String method) {
        if (!rootClass.methods().containsKey(method)) {
            throw new IllegalArgumentException(rootClass.name() + " has no method '" + method + "' (it has: "
                    + String.join(", ", rootClass.methods().keySet()) + ")");
        }
        FunctionSchema s;
        synchronized (compiler) {
            s = compiler.methodSignature(rootClass, method);
        }
        return new FunctionSchema(method, "", s.arguments(), s.returns(), false, false);
    }

    @Override
    public Object attribute(String name) {
        if (!root.has(name)) {
            throw new IllegalArgumentException(rootClass.name() + " has no attribute '" + name + "' (it has: "
                    + String.join(", ", root.attributes().keySet()) + ")");
        }
        return root.get(name);
    }

    @Override
    public List<String> attributeNames() {
        return List.copyOf(root.attributes().keySet());
    }

    /** Drops the compiled methods; later calls throw {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        methods.clear();
    }

    private List<Object> withSelf(List<?> args) {
        List<Object> all = new ArrayList<>(args.size() + 1);
        all.add(root);
        all.addAll(args);
        return all;
    }

    /**
     * The ops that the target cannot run anywhere in method {@code name} and the code it calls (found on its
     * inlined graph), each with its location and reason; empty when it can run everything it can reach.
     */
    public List<String> unsupportedOps(String name) {
        return session.unsupportedOps(rootClass.name() + "." + name + " (inlined)", inlinedMethod(name));
    }
}
