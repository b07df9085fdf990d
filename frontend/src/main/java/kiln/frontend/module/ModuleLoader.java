package kiln.frontend.module;

import java.util.LinkedHashMap;
import java.util.Map;
import kiln.frontend.archive.TorchArchive;
import kiln.frontend.emit.ScriptClass;
import kiln.frontend.emit.ScriptUnit;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyObject;
import kiln.frontend.pickle.PyValue;
import kiln.frontend.pickle.TensorRef;

/**
 * Builds the module tree of a {@code torch.jit.save} archive: each pickled {@code __torch__} object is matched
 * with its class from the archive's code, its attribute dict becomes attribute values, nested objects become
 * submodules (or objects of user classes).
 */
public final class ModuleLoader {
    private final ScriptUnit unit;

    private ModuleLoader(ScriptUnit unit) {
        this.unit = unit;
    }

    /** The archive's code as a unit, and its root object as a module tree. */
    public record Loaded(ScriptUnit unit, ScriptModule root) {
    }

    public static Loaded load(TorchArchive archive) {
        ScriptUnit unit = ScriptUnit.fromArchiveCode(archive.code(), archive.constants().items());
        return new Loaded(unit, new ModuleLoader(unit).object("", archive.module(), 0));
    }

    private ScriptModule object(String path, PyObject obj, int depth) {
        if (depth > 256) {
            throw new IllegalStateException("module nesting deeper than 256 at '" + path + "'");
        }
        ScriptClass cls = unit.classNamed(obj.className()).orElseThrow(() -> new IllegalStateException(
                "object " + (path.isEmpty() ? "<root>" : path) + " has class " + obj.className()
                        + ", which the archive's code does not define"));
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (obj.state() instanceof PyDict dict && !cls.methods().containsKey("__setstate__")) {
            for (Map.Entry<PyValue, PyValue> e : dict.entries().entrySet()) {
                String name = ScriptModule.key(e.getKey());
                attrs.put(name, value(path.isEmpty() ? name : path + "." + name, e.getValue(), depth));
            }
        }
        return new ScriptModule(path, cls, obj.state(), attrs);
    }

    private Object value(String path, PyValue v, int depth) {
        return switch (v) {
            case PyObject o -> object(path, o, depth + 1);
            case TensorRef t -> t;
            default -> v;
        };
    }
}
