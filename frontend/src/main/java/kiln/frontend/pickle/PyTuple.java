package kiln.frontend.pickle;

import java.util.List;

/** Python {@code tuple}. */
public record PyTuple(List<PyValue> items) implements PySequence {
    public static final PyTuple EMPTY = new PyTuple(List.of());

    public PyTuple {
        items = List.copyOf(items);
    }

    public static PyTuple of(PyValue... items) {
        return new PyTuple(List.of(items));
    }

    @Override
    public String typeName() {
        return "tuple";
    }

    @Override
    public String toString() {
        String inner = Sequences.join(items);
        return items.size() == 1 ? "(" + inner + ",)" : "(" + inner + ")";
    }
}
