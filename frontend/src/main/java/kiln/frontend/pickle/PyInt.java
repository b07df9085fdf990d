package kiln.frontend.pickle;

import java.math.BigInteger;

/** Python {@code int} that fits a {@code long}; larger ones are {@link PyBigInt}. */
public record PyInt(long value) implements PyValue {
    private static final PyInt[] SMALL = new PyInt[1280];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new PyInt(i - 256);
        }
    }

    public static PyInt of(long value) {
        return value >= -256 && value < SMALL.length - 256 ? SMALL[(int) value + 256] : new PyInt(value);
    }

    /** A {@link PyInt} when {@code value} fits a long, else a {@link PyBigInt}. */
    public static PyValue of(BigInteger value) {
        return value.bitLength() < Long.SIZE ? of(value.longValue()) : new PyBigInt(value);
    }

    @Override
    public String typeName() {
        return "int";
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
