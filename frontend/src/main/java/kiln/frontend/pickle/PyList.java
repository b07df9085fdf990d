package kiln.frontend.pickle;

import java.util.List;

/** Python {@code list}, frozen once unpickled. */
public record PyList(List<PyValue> items) implements PySequence {
    public PyList {
        items = List.copyOf(items);
    }

    public static PyList of(PyValue... items) {
        return new PyList(List.of(items));
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    public String toString() {
        return "[" + Sequences.join(items) + "]";
    }
}
