package kiln.dialects.ir;

/** The builtin {@code none} type: a value that carries nothing (a unit). */
public enum NoneType implements Type {
    NONE;

    @Override
    public String asm() {
        return "none";
    }

    @Override
    public String toString() {
        return "none";
    }
}
