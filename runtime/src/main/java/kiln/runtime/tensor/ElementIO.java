package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import kiln.dialects.torch.types.ScalarType;

/**
 * Reads and writes one element of a dtype at a byte offset of a segment (native byte order, no alignment
 * assumed), converting as {@link Casts} does. The slow, general path: kernels pick typed loops instead.
 */
final class ElementIO {
    static final ValueLayout.OfByte I8 = ValueLayout.JAVA_BYTE;
    static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED;
    static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED;
    static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;
    static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private ElementIO() {
    }

    /** An integral or bool element, exactly. */
    static long readIntegral(MemorySegment s, long off, ScalarType t) {
        return switch (t) {
            case Byte -> s.get(I8, off) & 0xFF;
            case Char -> s.get(I8, off);
            case Short -> s.get(I16, off);
            case Int -> s.get(I32, off);
            case Long -> s.get(I64, off);
            case Bool -> s.get(I8, off) != 0 ? 1 : 0;
            default -> throw new IllegalArgumentException("not an integral dtype: " + t);
        };
    }

    /** A floating element, exactly (half and bfloat16 widen without rounding). */
    static double readFloating(MemorySegment s, long off, ScalarType t) {
        return switch (t) {
            case Float -> s.get(F32, off);
            case Double -> s.get(F64, off);
            case Half -> Casts.halfToFloat(s.get(I16, off));
            case BFloat16 -> Casts.bfloat16ToFloat(s.get(I16, off));
            default -> throw new IllegalArgumentException("not a floating dtype: " + t);
        };
    }

    static double readDouble(MemorySegment s, long off, ScalarType t) {
        return t.isFloatingPoint() ? readFloating(s, off, t) : readIntegral(s, off, t);
    }

    static long readLong(MemorySegment s, long off, ScalarType t) {
        return t.isFloatingPoint() ? Casts.doubleToLong(readFloating(s, off, t)) : readIntegral(s, off, t);
    }

    static boolean readBool(MemorySegment s, long off, ScalarType t) {
        return t.isFloatingPoint() ? readFloating(s, off, t) != 0 : readIntegral(s, off, t) != 0;
    }

    /** Stores a value already exact in {@code t}'s floating precision. */
    private static void storeFloating(MemorySegment s, long off, ScalarType t, double v) {
        switch (t) {
            case Float -> s.set(F32, off, (float) v);
            case Double -> s.set(F64, off, v);
            case Half -> s.set(I16, off, Casts.floatToHalf((float) v));
            case BFloat16 -> s.set(I16, off, Casts.floatToBFloat16((float) v));
            default -> throw new IllegalArgumentException("not a floating dtype: " + t);
        }
    }

    /** Stores a value already wrapped to {@code t}'s range. */
    private static void storeIntegral(MemorySegment s, long off, ScalarType t, long v) {
        switch (t) {
            case Byte, Char, Bool -> s.set(I8, off, (byte) v);
            case Short -> s.set(I16, off, (short) v);
            case Int -> s.set(I32, off, (int) v);
            case Long -> s.set(I64, off, v);
            default -> throw new IllegalArgumentException("not an integral dtype: " + t);
        }
    }

    static void writeDouble(MemorySegment s, long off, ScalarType t, double v) {
        if (t.isFloatingPoint()) {
            storeFloating(s, off, t, Casts.roundToFloating(t, v));
        } else {
            storeIntegral(s, off, t, Casts.doubleToIntegral(t, v));
        }
    }

    static void writeLong(MemorySegment s, long off, ScalarType t, long v) {
        if (t.isFloatingPoint()) {
            storeFloating(s, off, t, Casts.longToFloating(t, v));
        } else {
            storeIntegral(s, off, t, Casts.wrapIntegral(t, v));
        }
    }

    static void writeBool(MemorySegment s, long off, ScalarType t, boolean v) {
        writeLong(s, off, t, v ? 1 : 0);
    }
}
