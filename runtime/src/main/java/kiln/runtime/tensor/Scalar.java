package kiln.runtime.tensor;

import kiln.dialects.torch.types.ScalarType;

/**
 * A Python number as ATen's {@code c10::Scalar} holds it: an int (64-bit), a float (double) or a bool. As an
 * operand it behaves like PyTorch's wrapped-number tensor: its dtype is {@link #type()}, and type promotion
 * looks only at its category. {@code toString} is Python's {@code str}.
 */
public sealed interface Scalar extends Operand {
    /** A Python {@code int}. */
    record OfLong(long value) implements Scalar {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A Python {@code float}. */
    record OfDouble(double value) implements Scalar {
        @Override
        public String toString() {
            return NumberFormat.pythonRepr(value);
        }
    }

    /** A Python {@code bool}. */
    record OfBool(boolean value) implements Scalar {
        @Override
        public String toString() {
            return value ? "True" : "False";
        }
    }

    static Scalar of(long value) {
        return new OfLong(value);
    }

    static Scalar of(double value) {
        return new OfDouble(value);
    }

    static Scalar of(boolean value) {
        return new OfBool(value);
    }

    /** The dtype of the wrapped-number tensor PyTorch makes of this scalar: Long, Double or Bool. */
    default ScalarType type() {
        return switch (this) {
            case OfLong l -> ScalarType.Long;
            case OfDouble d -> ScalarType.Double;
            case OfBool b -> ScalarType.Bool;
        };
    }

    default double toDouble() {
        return switch (this) {
            case OfLong l -> l.value();
            case OfDouble d -> d.value();
            case OfBool b -> b.value() ? 1 : 0;
        };
    }

    /** The value as an int64, truncating a float as C++ {@code static_cast<int64_t>} does on x86. */
    default long toLong() {
        return switch (this) {
            case OfLong l -> l.value();
            case OfDouble d -> Casts.doubleToLong(d.value());
            case OfBool b -> b.value() ? 1 : 0;
        };
    }

    default boolean toBool() {
        return toDouble() != 0;
    }

    default boolean isFloatingPoint() {
        return this instanceof OfDouble;
    }

    default boolean isBoolean() {
        return this instanceof OfBool;
    }
}
