package kiln.runtime.tensor;

import static kiln.runtime.tensor.ElementIO.F32;
import static kiln.runtime.tensor.ElementIO.F64;
import static kiln.runtime.tensor.ElementIO.I16;
import static kiln.runtime.tensor.ElementIO.I32;
import static kiln.runtime.tensor.ElementIO.I64;
import static kiln.runtime.tensor.ElementIO.I8;

import java.lang.foreign.MemorySegment;

import kiln.dialects.torch.types.ScalarType;

/**
 * Element readers and writers chosen once per operand, for the loops. Values travel as {@code double} for
 * floating computations (a float computation's values are exactly floats) and as {@code long} for integral and
 * bool ones (bool as 0/1). A reader converts its operand's dtype to the computation's dtype as TensorIterator
 * casts inputs to the common dtype; a writer converts to the output's dtype.
 */
final class Access {
    private Access() {
    }

    @FunctionalInterface
    interface DoubleReader {
        double read(MemorySegment s, long off);
    }

    @FunctionalInterface
    interface LongReader {
        long read(MemorySegment s, long off);
    }

    @FunctionalInterface
    interface DoubleWriter {
        void write(MemorySegment s, long off, double v);
    }

    @FunctionalInterface
    interface LongWriter {
        void write(MemorySegment s, long off, long v);
    }

    /** Reads {@code in} elements exactly as they are, widened to double (floating dtypes only). */
    static DoubleReader floating(ScalarType in) {
        return switch (in) {
            case Float -> (s, o) -> s.get(F32, o);
            case Double -> (s, o) -> s.get(F64, o);
            case Half -> (s, o) -> Casts.halfToFloat(s.get(I16, o));
            case BFloat16 -> (s, o) -> Casts.bfloat16ToFloat(s.get(I16, o));
            default -> throw new IllegalArgumentException("not a floating dtype: " + in);
        };
    }

    /** Reads {@code in} elements exactly as they are (integral and bool dtypes only). */
    static LongReader integral(ScalarType in) {
        return switch (in) {
            case Byte -> (s, o) -> s.get(I8, o) & 0xFF;
            case Char -> (s, o) -> s.get(I8, o);
            case Short -> (s, o) -> s.get(I16, o);
            case Int -> (s, o) -> s.get(I32, o);
            case Long -> (s, o) -> s.get(I64, o);
            case Bool -> (s, o) -> s.get(I8, o) != 0 ? 1 : 0;
            default -> throw new IllegalArgumentException("not an integral dtype: " + in);
        };
    }

    /**
     * Reads {@code in} elements as values of the floating dtype {@code common}. With {@code opmath}, a value of
     * another dtype is converted straight to the computation's precision (float for half and bfloat16), as ATen
     * reads a CPU scalar operand with {@code original_scalar_value<opmath_t>}.
     */
    static DoubleReader toFloating(ScalarType in, ScalarType common, boolean opmath) {
        if (in == common) {
            return floating(in);
        }
        ScalarType target = opmath && DTypes.isReducedFloating(common) ? ScalarType.Float : common;
        if (in.isFloatingPoint()) {
            DoubleReader exact = floating(in);
            return (s, o) -> Casts.roundToFloating(target, exact.read(s, o));
        }
        LongReader exact = integral(in);
        return (s, o) -> Casts.longToFloating(target, exact.read(s, o));
    }

    /** Reads {@code in} elements as values of the integral (or bool) dtype {@code common}. */
    static LongReader toIntegral(ScalarType in, ScalarType common) {
        if (in == common) {
            return integral(in);
        }
        if (in.isFloatingPoint()) {
            DoubleReader exact = floating(in);
            return (s, o) -> Casts.doubleToIntegral(common, exact.read(s, o));
        }
        LongReader exact = integral(in);
        return (s, o) -> Casts.wrapIntegral(common, exact.read(s, o));
    }

    /** Stores floating results into {@code out} elements, converting as needed. */
    static DoubleWriter doubleWriter(ScalarType out) {
        return switch (out) {
            case Float -> (s, o, v) -> s.set(F32, o, (float) v);
            case Double -> (s, o, v) -> s.set(F64, o, v);
            case Half -> (s, o, v) -> s.set(I16, o, Casts.floatToHalf((float) v));
            case BFloat16 -> (s, o, v) -> s.set(I16, o, Casts.floatToBFloat16((float) v));
            default -> (s, o, v) -> ElementIO.writeDouble(s, o, out, v);
        };
    }

    /** Stores integral (or 0/1 bool) results into {@code out} elements, converting as needed. */
    static LongWriter longWriter(ScalarType out) {
        return switch (out) {
            case Long -> (s, o, v) -> s.set(I64, o, v);
            case Int -> (s, o, v) -> s.set(I32, o, (int) v);
            case Short -> (s, o, v) -> s.set(I16, o, (short) v);
            case Byte, Char -> (s, o, v) -> s.set(I8, o, (byte) v);
            case Bool -> (s, o, v) -> s.set(I8, o, (byte) (v != 0 ? 1 : 0));
            default -> (s, o, v) -> ElementIO.writeLong(s, o, out, v);
        };
    }
}
