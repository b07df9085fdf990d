package kiln.cli.run;

import java.util.Map;
import kiln.dialects.torch.types.TorchType;
import kiln.frontend.module.ScriptModule;
import kiln.frontend.pickle.PyValue;
import kiln.runtime.interp.value.ScriptObject;

/**
 * Turns a loaded archive's module tree into interpreter objects: each {@link ScriptModule} becomes a
 * {@link ScriptObject} of its class whose slots hold its attributes (submodules as further objects, tensors as
 * runtime tensors, other values converted by the attribute's declared type).
 */
public final class ModuleObjects {
    private final PickledValues values;

    public ModuleObjects(PickledValues values) {
        this.values = values;
    }

    public ScriptObject instantiate(ScriptModule module) {
        if (module.hasSetState()) {
            throw new UnsupportedOperationException("module " + module + " restores its state with __setstate__, "
                    + "which the interpreter cannot run at load time yet");
        }
        ScriptObject obj = new ScriptObject(module.scriptClass().type());
        Map<String, TorchType> declared = module.scriptClass().attributes();
        module.attributes().forEach((name, value) -> obj.set(name, switch (value) {
            case ScriptModule sub -> instantiate(sub);
            case PyValue v -> values.convert(v, declared.get(name));
            default -> throw new IllegalStateException("unexpected attribute value " + value);
        }));
        return obj;
    }
}
