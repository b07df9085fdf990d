package kiln.cli.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.frontend.archive.TorchArchive;
import kiln.frontend.emit.ScriptClass;
import kiln.frontend.emit.ScriptCompiler;
import kiln.frontend.module.ModuleLoader;
import kiln.frontend.pickle.PyValue;
import kiln.runtime.interp.ConstantTable;
import kiln.runtime.interp.Interpreter;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptObject;

/**
 * A {@code torch.jit.save} archive ready to run on the reference interpreter: its code compiled on demand, its
 * module tree as interpreter objects. {@link #call} runs a method of the root module.
 *
 * <pre>{@code
 * LoadedModel m = LoadedModel.open(Path.of("model.pt"), Interpreter.builder());
 * List<Object> out = m.call("forward", List.of(input));
 * }</pre>
 */
public final class LoadedModel {
    private final ScriptCompiler compiler;
    private final ScriptClass rootClass;
    private final ScriptObject root;
    private final Interpreter interpreter;

    private LoadedModel(ScriptCompiler compiler, ScriptClass rootClass, ScriptObject root,
            Interpreter.Builder interpreter) {
        this.compiler = compiler;
        this.rootClass = rootClass;
        this.root = root;
        this.interpreter = interpreter.callables(new CompiledCallables(compiler)).build();
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
     * Reads the archive (tensors are copied out, so the file is closed on return) and prepares an interpreter
     * configured by {@code interpreter} (its callables and constants table are set here).
     */
    public static LoadedModel open(Path archive, Interpreter.Builder interpreter) throws IOException {
        try (TorchArchive file = TorchArchive.open(archive)) {
            ModuleLoader.Loaded loaded = ModuleLoader.load(file);
            ScriptCompiler compiler = new ScriptCompiler(loaded.unit(), OperatorRegistry.standard());
            PickledValues values = new PickledValues();
            ScriptObject root = new ModuleObjects(values).instantiate(loaded.root());
            ConstantTable constants = constants(file.constants().items(), values);
            return new LoadedModel(compiler, loaded.root().scriptClass(), root, interpreter.constants(constants));
        }
    }

    public ScriptObject root() {
        return root;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    /** The compiled graph of a root-module method (first input {@code self}). */
    public Graph method(String name) {
        synchronized (compiler) {
            return compiler.method(rootClass, name);
        }
    }

    /** Runs method {@code name} of the root module on {@code args}; its outputs. */
    public List<Object> call(String name, List<?> args) {
        List<Object> all = new ArrayList<>(args.size() + 1);
        all.add(root);
        all.addAll(args);
        return interpreter.run(method(name), all);
    }

    /**
     * The ops that have no kernel anywhere in method {@code name} and the code it calls (found on its inlined
     * graph), each with its location and reason; empty when everything it can reach has a kernel.
     */
    public List<String> unsupportedOps(String name) {
        Graph inlined;
        synchronized (compiler) {
            inlined = compiler.inlinedMethod(rootClass, name);
        }
        return interpreter.plan(rootClass.name() + "." + name + " (inlined)", inlined).unsupportedOps();
    }
}
