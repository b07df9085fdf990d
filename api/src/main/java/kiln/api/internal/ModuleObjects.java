package kiln.api.internal;

import java.util.Map;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.Subtyping;
import kiln.dialects.torch.types.TorchType;
import kiln.frontend.module.ScriptModule;
import kiln.frontend.pickle.PyValue;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptObject;

/**
 * Turns a loaded archive's module tree into interpreter objects: each {@link ScriptModule} becomes a
 * {@link ScriptObject} of its class whose slots hold its attributes (submodules as further objects, tensors as
 * runtime tensors, other values converted by the attribute's declared type). A class with {@code __setstate__}
 * gets its pickled state through that method instead, run by a {@link StateRestorer}, and is then checked as
 * PyTorch's {@code postSetStateValidate} does: every attribute set, or able to hold None.
 */
public final class ModuleObjects {
    private final PickledValues values;
    private final StateRestorer restorer;

    /** Runs {@code __setstate__} of {@code module}'s class on the new, empty {@code self} with its pickled state. */
    @FunctionalInterface
    public interface StateRestorer {
        void restore(ScriptObject self, ScriptModule module);
    }

    public ModuleObjects(PickledValues values, StateRestorer restorer) {
        this.values = values;
        this.restorer = restorer;
    }

    public ScriptObject instantiate(ScriptModule module) {
        ScriptObject obj = new ScriptObject(module.scriptClass().type());
        Map<String, TorchType> declared = module.scriptClass().attributes();
        if (module.hasSetState()) {
            restorer.restore(obj, module);
            declared.forEach((name, type) -> {
                if (!obj.has(name) || obj.get(name) == null) {
                    if (!Subtyping.isSubtype(LeafType.NONE, type)) {
                        throw ScriptException.runtimeError("The field '" + name + "' was left uninitialized after "
                                + "'__setstate__', but expected a value of type '" + type.annotationString() + "'");
                    }
                    obj.set(name, null);
                }
            });
            return obj;
        }
        module.attributes().forEach((name, value) -> obj.set(name, switch (value) {
            case ScriptModule sub -> instantiate(sub);
            case PyValue v -> values.convert(v, declared.get(name));
            default -> throw new IllegalStateException("unexpected attribute value " + value);
        }));
        return obj;
    }
}
