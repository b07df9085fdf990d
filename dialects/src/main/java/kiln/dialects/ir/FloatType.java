package kiln.dialects.ir;

/** The builtin floating-point types. */
public enum FloatType implements Type {
    F16("f16", 16), BF16("bf16", 16), F32("f32", 32), F64("f64", 64);

    private final String text;
    private final int width;

    FloatType(String text, int width) {
        this.text = text;
        this.width = width;
    }

    public int width() {
        return width;
    }

    /** The float type written {@code text}, or null. */
    public static FloatType named(String text) {
        for (FloatType f : values()) {
            if (f.text.equals(text)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String asm() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
