package kiln.frontend.pickle;

/** Python's rule for dict keys and set elements: only immutable values are hashable. */
final class Hashing {
    private Hashing() {
    }

    /** {@code value} itself, when it may be a dict key or set element. */
    static PyValue requireHashable(PyValue value) {
        switch (value) {
            case PyList list -> throw unhashable(list);
            case PyDict dict -> throw unhashable(dict);
            case PySet set when !set.frozen() -> throw unhashable(set);
            case PyObject object -> throw unhashable(object);
            case PyTuple tuple -> tuple.items().forEach(Hashing::requireHashable);
            default -> {
            }
        }
        return value;
    }

    private static IllegalArgumentException unhashable(PyValue value) {
        return new IllegalArgumentException("unhashable type '" + value.typeName() + "' as a dict key or set element");
    }
}
