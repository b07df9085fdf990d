package kiln.dialects.ir;

/**
 * A builtin integer type of {@code width} bits: signless ({@code i32}, the usual one: operations decide how the
 * bits are read), or explicitly signed ({@code si32}) or unsigned ({@code ui8}).
 */
public record IntegerType(int width, Signedness signedness) implements Type {
    public static final IntegerType I1 = new IntegerType(1);
    public static final IntegerType I8 = new IntegerType(8);
    public static final IntegerType I16 = new IntegerType(16);
    public static final IntegerType I32 = new IntegerType(32);
    public static final IntegerType I64 = new IntegerType(64);

    /** How the bits are read. */
    public enum Signedness {
        SIGNLESS(""), SIGNED("s"), UNSIGNED("u");

        final String prefix;

        Signedness(String prefix) {
            this.prefix = prefix;
        }
    }

    public IntegerType {
        if (width < 1 || width > 1 << 16) {
            throw new IllegalArgumentException("integer width " + width + " is out of range (1 to 65536)");
        }
        java.util.Objects.requireNonNull(signedness);
    }

    public IntegerType(int width) {
        this(width, Signedness.SIGNLESS);
    }

    @Override
    public String asm() {
        return toString();
    }

    @Override
    public String toString() {
        return signedness.prefix + "i" + width;
    }
}
