package kiln.dialects.ir;

/** The builtin {@code index} type: a size or position, as wide as the target's pointers. */
public enum IndexType implements Type {
    INDEX;

    @Override
    public String asm() {
        return "index";
    }

    @Override
    public String toString() {
        return "index";
    }
}
