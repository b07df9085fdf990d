package kiln.runtime.interp.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import kiln.dialects.torch.types.ClassType;

/**
 * An object of a TorchScript class or module: its class and its attribute slots, which {@code prim::SetAttr}
 * changes in place (every reference sees the change). Methods are not held here: the interpreter asks its
 * {@code Callables} for the graph of {@code class name + method name}.
 */
public final class ScriptObject {
    private final ClassType type;
    private final Map<String, Object> slots = new LinkedHashMap<>();

    public ScriptObject(ClassType type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    public ScriptObject(String qualifiedClassName) {
        this(ClassType.of(qualifiedClassName));
    }

    public ClassType type() {
        return type;
    }

    /** The qualified class name, e.g. {@code __torch__.corpus_public.LinearLayer}. */
    public String className() {
        return type.qualifiedName();
    }

    /** The attribute {@code name}, or a Python {@code AttributeError} when it was never set. */
    public synchronized Object get(String name) {
        Object v = slots.get(name);
        if (v == null && !slots.containsKey(name)) {
            throw new ScriptException("builtins.AttributeError",
                    "'" + className() + "' object has no attribute '" + name + "'");
        }
        return v;
    }

    public synchronized boolean has(String name) {
        return slots.containsKey(name);
    }

    public synchronized void set(String name, Object value) {
        slots.put(name, value);
    }

    /** A snapshot of the attributes, in the order they were first set. */
    public synchronized Map<String, Object> attributes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(slots));
    }

    /** As TorchScript prints an object: {@code <__torch__.M object at 0x…>}. */
    @Override
    public String toString() {
        return ValuePrinter.print(this);
    }
}
