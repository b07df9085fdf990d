package kiln.frontend.pickle;

import java.util.Objects;
import java.util.Optional;

/**
 * An object of an allow-listed class (the {@code __torch__.*} module and class objects of TorchScript archives),
 * created by {@code NEWOBJ} and given its state by {@code BUILD}; {@code state} is {@link PyNone#NONE} when no
 * {@code BUILD} came. For modules the state is the attribute dict.
 */
public record PyObject(String className, PyValue state) implements PyValue {
    public PyObject {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(state, "state");
    }

    /** An attribute, when the state is an attribute dict holding it. */
    public Optional<PyValue> attr(String name) {
        return state instanceof PyDict dict ? dict.get(name) : Optional.empty();
    }

    /** An attribute that must be present. */
    public PyValue requireAttr(String name) {
        return attr(name).orElseThrow(() -> new IllegalArgumentException(className + " has no attribute '" + name
                + "'"));
    }

    @Override
    public String typeName() {
        return className;
    }

    @Override
    public String toString() {
        return className + "(" + state + ")";
    }
}
