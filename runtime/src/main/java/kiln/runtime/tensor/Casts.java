package kiln.runtime.tensor;

import kiln.dialects.torch.types.ScalarType;

/**
 * Element conversions as PyTorch's CPU kernels perform them ({@code c10::convert}, {@code static_cast} on
 * x86-64): float to int truncates toward zero, and a NaN or out-of-range value becomes the "integer indefinite"
 * value the x86 conversion instructions produce ({@code INT32_MIN} / {@code INT64_MIN}) before narrowing; uint8
 * goes through int64 (c10's {@code static_cast_with_inter_type}); narrower integers wrap; anything to bool is
 * {@code != 0}; double to half or bfloat16 rounds to float first, then to nearest-even.
 */
final class Casts {
    private static final double TWO_63 = 0x1p63;
    private static final double TWO_31 = 0x1p31;

    private Casts() {
    }

    /** {@code static_cast<int64_t>(double)} as x86-64 {@code cvttsd2si} computes it. */
    static long doubleToLong(double v) {
        if (!(v >= -TWO_63 && v < TWO_63)) {
            return Long.MIN_VALUE;
        }
        return (long) v;
    }

    /** {@code static_cast<int32_t>(double)} as x86 {@code cvttsd2si} (32-bit) computes it. */
    static int doubleToInt(double v) {
        if (!(v >= -TWO_31 && v < TWO_31)) {
            return Integer.MIN_VALUE;
        }
        return (int) v;
    }

    static float halfToFloat(short bits) {
        return Float.float16ToFloat(bits);
    }

    static short floatToHalf(float v) {
        return Float.floatToFloat16(v);
    }

    static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** c10's {@code round_to_nearest_even}: NaN becomes the canonical bfloat16 NaN. */
    static short floatToBFloat16(float v) {
        if (Float.isNaN(v)) {
            return (short) 0x7FC0;
        }
        int bits = Float.floatToRawIntBits(v);
        int roundingBias = ((bits >>> 16) & 1) + 0x7FFF;
        return (short) ((bits + roundingBias) >>> 16);
    }

    /** A double rounded to a floating dtype's precision (still held in a double). */
    static double roundToFloating(ScalarType dtype, double v) {
        return switch (dtype) {
            case Double -> v;
            case Float -> (float) v;
            case Half -> halfToFloat(floatToHalf((float) v));
            case BFloat16 -> bfloat16ToFloat(floatToBFloat16((float) v));
            default -> throw new IllegalArgumentException("not a floating dtype: " + dtype);
        };
    }

    /** A float rounded to a floating dtype of at most float precision. */
    static float roundToFloat(ScalarType dtype, float v) {
        return switch (dtype) {
            case Float, Double -> v;
            case Half -> halfToFloat(floatToHalf(v));
            case BFloat16 -> bfloat16ToFloat(floatToBFloat16(v));
            default -> throw new IllegalArgumentException("not a floating dtype: " + dtype);
        };
    }

    /** An int64 narrowed to an integral dtype (or bool), as the value that dtype holds. */
    static long wrapIntegral(ScalarType dtype, long v) {
        return switch (dtype) {
            case Byte -> v & 0xFF;
            case Char -> (byte) v;
            case Short -> (short) v;
            case Int -> (int) v;
            case Long -> v;
            case Bool -> v != 0 ? 1 : 0;
            default -> throw new IllegalArgumentException("not an integral dtype: " + dtype);
        };
    }

    /** A floating value converted to an integral dtype (or bool). */
    static long doubleToIntegral(ScalarType dtype, double v) {
        return switch (dtype) {
            case Bool -> v != 0 ? 1 : 0;
            case Long -> doubleToLong(v);
            case Byte -> doubleToLong(v) & 0xFF;
            case Char, Short, Int -> wrapIntegral(dtype, doubleToInt(v));
            default -> throw new IllegalArgumentException("not an integral dtype: " + dtype);
        };
    }

    /** An int64 converted to a floating dtype: one rounding to float for float-or-narrower targets. */
    static double longToFloating(ScalarType dtype, long v) {
        return dtype == ScalarType.Double ? (double) v : roundToFloat(dtype, (float) v);
    }
}
