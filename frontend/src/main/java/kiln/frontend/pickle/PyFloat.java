package kiln.frontend.pickle;

/** Python {@code float}. */
public record PyFloat(double value) implements PyValue {
    @Override
    public String typeName() {
        return "float";
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
