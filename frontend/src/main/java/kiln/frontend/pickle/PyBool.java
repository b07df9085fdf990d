package kiln.frontend.pickle;

/** Python {@code bool}. */
public record PyBool(boolean value) implements PyValue {
    public static final PyBool TRUE = new PyBool(true);
    public static final PyBool FALSE = new PyBool(false);

    public static PyBool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String typeName() {
        return "bool";
    }

    @Override
    public String toString() {
        return value ? "True" : "False";
    }
}
