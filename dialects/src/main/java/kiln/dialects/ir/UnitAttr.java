package kiln.dialects.ir;

/** The attribute that carries no value, only presence: {@code unit} (or a bare name in a dictionary). */
public enum UnitAttr implements Attribute {
    UNIT;

    @Override
    public String asm() {
        return "unit";
    }

    @Override
    public String toString() {
        return "unit";
    }
}
