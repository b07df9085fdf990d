package kiln.frontend.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.frontend.emit.ScriptClass;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyValue;
import kiln.frontend.pickle.TensorRef;

/**
 * One object of a loaded TorchScript archive's module tree: its script class, its attribute values as pickled
 * (tensors, numbers, lists, …), with submodules as further {@code ScriptModule}s, and which attributes are
 * parameters and buffers. A class with {@code __setstate__} receives its pickled state through that method when
 * the module is instantiated (by the runtime); its raw state is kept in {@link #state()}.
 */
public final class ScriptModule {
    private final String path;
    private final ScriptClass cls;
    private final PyValue state;
    private final Map<String, Object> attributes;

    ScriptModule(String path, ScriptClass cls, PyValue state, Map<String, Object> attributes) {
        this.path = path;
        this.cls = cls;
        this.state = state;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The dotted path from the root ({@code ""} for the root, {@code layer1.0.conv1} below it). */
    public String path() {
        return path;
    }

    public ScriptClass scriptClass() {
        return cls;
    }

    /** The pickled state as written: the attribute dict, or what {@code __getstate__} returned. */
    public PyValue state() {
        return state;
    }

    /** Whether the class restores its state through {@code __setstate__}. */
    public boolean hasSetState() {
        return cls.methods().containsKey("__setstate__");
    }

    /** Attribute values: {@link ScriptModule} for submodules, {@link TensorRef} for tensors, else the pickled value. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    public Optional<Object> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public Map<String, ScriptModule> submodules() {
        Map<String, ScriptModule> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (v instanceof ScriptModule m) {
                out.put(k, m);
            }
        });
        return out;
    }

    public Map<String, TensorRef> parameters() {
        return tensors(cls.parameters());
    }

    public Map<String, TensorRef> buffers() {
        return tensors(cls.buffers());
    }

    private Map<String, TensorRef> tensors(List<String> names) {
        Map<String, TensorRef> out = new LinkedHashMap<>();
        for (String n : names) {
            if (attributes.get(n) instanceof TensorRef t) {
                out.put(n, t);
            }
        }
        return out;
    }

    /** Every parameter of this module and its submodules, by dotted name, as {@code named_parameters()} lists them. */
    public Map<String, TensorRef> namedParameters() {
        Map<String, TensorRef> out = new LinkedHashMap<>();
        collect(this, "", out);
        return out;
    }

    private static void collect(ScriptModule m, String prefix, Map<String, TensorRef> out) {
        m.parameters().forEach((k, v) -> out.put(prefix + k, v));
        m.submodules().forEach((k, sub) -> collect(sub, prefix + k + ".", out));
    }

    /** The methods its class defines: {@code forward}, exported methods and the helpers they call. */
    public List<String> methods() {
        return List.copyOf(cls.methods().keySet());
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "<root>" : path) + " : " + cls.name();
    }

    /** The name of a string-keyed entry of a pickled attribute dict. */
    static String key(PyValue k) {
        return k instanceof PyStr s ? s.value() : k.toString();
    }
}
