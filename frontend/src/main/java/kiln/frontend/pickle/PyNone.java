package kiln.frontend.pickle;

/** Python {@code None}. */
public enum PyNone implements PyValue {
    NONE;

    @Override
    public String typeName() {
        return "NoneType";
    }

    @Override
    public String toString() {
        return "None";
    }
}
