package kiln.frontend.pickle;

import java.math.BigInteger;
import java.util.Objects;

/** Python {@code int} outside the range of a {@code long}. */
public record PyBigInt(BigInteger value) implements PyValue {
    public PyBigInt {
        Objects.requireNonNull(value, "value");
        if (value.bitLength() < Long.SIZE) {
            throw new IllegalArgumentException("fits a long; use PyInt: " + value);
        }
    }

    @Override
    public String typeName() {
        return "int";
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
