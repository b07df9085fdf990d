package kiln.frontend.emit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.TorchType;
import kiln.frontend.script.Stmt;

/**
 * A TorchScript class (a module or a user class): its declared attributes with their types, which of them are
 * parameters and buffers, its constants, and its methods' definitions.
 */
public final class ScriptClass {
    private final ClassType type;
    private final boolean module;
    private final Map<String, TorchType> attributes = new LinkedHashMap<>();
    private final Map<String, Stmt.FunctionDef> methods = new LinkedHashMap<>();
    private final Map<String, Object> constants = new LinkedHashMap<>();
    private List<String> parameters = List.of();
    private List<String> buffers = List.of();

    ScriptClass(ClassType type, boolean module) {
        this.type = type;
        this.module = module;
    }

    public ClassType type() {
        return type;
    }

    public String name() {
        return type.qualifiedName();
    }

    /** Whether the class derives from {@code Module} (an {@code nn.Module} in PyTorch). */
    public boolean isModule() {
        return module;
    }

    public Map<String, TorchType> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public Map<String, Stmt.FunctionDef> methods() {
        return Collections.unmodifiableMap(methods);
    }

    /** Class-level constants ({@code __constants__} / {@code Final}); values are Long, Double, Boolean or String. */
    public Map<String, Object> constants() {
        return Collections.unmodifiableMap(constants);
    }

    public List<String> parameters() {
        return parameters;
    }

    public List<String> buffers() {
        return buffers;
    }

    void declareAttribute(String name, TorchType t) {
        attributes.put(name, t);
    }

    void addMethod(String name, Stmt.FunctionDef def) {
        methods.put(name, def);
    }

    void addConstant(String name, Object value) {
        constants.put(name, value);
    }

    void setParameters(List<String> names) {
        parameters = List.copyOf(names);
    }

    void setBuffers(List<String> names) {
        buffers = List.copyOf(names);
    }

    @Override
    public String toString() {
        return name();
    }
}
