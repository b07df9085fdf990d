package kiln.dialects.arith;

import kiln.dialects.ir.FloatType;

/**
 * IEEE-754 arithmetic of the builtin float types with round-to-nearest-even, on values held as doubles. A value of
 * a narrower type is a double that type can represent exactly; {@link #round} rounds a double into a type once,
 * directly (never through a third format). Since a double has more than twice the precision of {@code f32},
 * {@code f16} and {@code bf16} plus two bits, an addition, subtraction, multiplication or division computed in
 * double and rounded once gives the correctly rounded result of the narrower type; {@code f64} ones are exact Java
 * arithmetic.
 */
final class Floats {
    private Floats() {
    }

    /** Precision in bits (with the implicit one) and the exponent range of the normal numbers of a type. */
    private record Format(int precision, int minExponent, int maxExponent) {
    }

    private static Format format(FloatType t) {
        return switch (t) {
            case F16 -> new Format(11, -14, 15);
            case BF16 -> new Format(8, -126, 127);
            case F32 -> new Format(24, -126, 127);
            case F64 -> new Format(53, -1022, 1023);
        };
    }

    /**
     * {@code x} rounded to the nearest value of type {@code t} (ties to even; overflow gives an infinity). A NaN
     * becomes the positive quiet NaN, whatever the hardware made: payloads and NaN signs are not modelled.
     */
    static double round(double x, FloatType t) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (t == FloatType.F64 || Double.isInfinite(x) || x == 0) {
            return x;
        }
        if (t == FloatType.F32) {
            return (float) x;
        }
        Format f = format(t);
        int exponent = Math.max(Math.getExponent(x), f.minExponent());
        int quantum = exponent - (f.precision() - 1);
        double rounded = Math.scalb(Math.rint(Math.scalb(x, -quantum)), quantum);
        if (Math.abs(rounded) >= Math.scalb(1.0, f.maxExponent() + 1)) {
            return Math.copySign(Double.POSITIVE_INFINITY, x);
        }
        return rounded == 0 ? Math.copySign(0.0, x) : rounded;
    }

    /** Whether {@code x} is a value of type {@code t} (NaN and infinities are). */
    static boolean representable(double x, FloatType t) {
        return Double.isNaN(x) || Double.compare(round(x, t), x) == 0;
    }

    /**
     * The integer {@code magnitude} (read unsigned), negated when {@code negative}, rounded to type {@code t}: the
     * integer is rounded to the type's precision with its exact bits, then scaled, so large integers round once.
     */
    static double fromInteger(long magnitude, boolean negative, FloatType t) {
        int precision = format(t).precision();
        int bits = 64 - Long.numberOfLeadingZeros(magnitude);
        double value;
        if (bits <= precision) {
            value = magnitude; // exact: fewer than 53 bits
        } else {
            int shift = bits - precision;
            long keep = magnitude >>> shift;
            long rest = magnitude & ((1L << shift) - 1);
            long half = 1L << (shift - 1);
            if (Long.compareUnsigned(rest, half) > 0 || rest == half && (keep & 1) == 1) {
                keep++;
            }
            value = Math.scalb((double) keep, shift);
        }
        return round(negative ? -value : value, t);
    }

    /** The signed integer {@code v} as the nearest value of type {@code t}. */
    static double fromSigned(long v, FloatType t) {
        return v < 0 ? fromInteger(-v, true, t) : fromInteger(v, false, t); // -MIN reads back as 2^63 unsigned
    }

    /**
     * {@code x} truncated toward zero into a signed ({@code signed}) or unsigned integer of {@code width} bits, or
     * null when it is NaN or out of range (LLVM's {@code opInvalidOp}).
     */
    static Long toInteger(double x, int width, boolean signed) {
        if (Double.isNaN(x)) {
            return null;
        }
        double t = x < 0 ? Math.ceil(x) : Math.floor(x);
        double lo = signed ? -Math.scalb(1.0, width - 1) : 0;
        double hi = Math.scalb(1.0, signed ? width - 1 : width);
        if (t < lo || t >= hi) {
            return null;
        }
        if (t >= 0x1p63) {
            return (long) (t - 0x1p63) + Long.MIN_VALUE; // unsigned 64-bit values past 2^63
        }
        return (long) t;
    }

    /** The bits of a value of type {@code t}, or null for a NaN (its payload is not kept in a double). */
    static Long toBits(double x, FloatType t) {
        if (Double.isNaN(x)) {
            return null;
        }
        return switch (t) {
            case F64 -> Double.doubleToRawLongBits(x);
            case F32 -> (long) Float.floatToRawIntBits((float) x);
            case F16 -> (long) Float.floatToFloat16((float) x);
            case BF16 -> (long) (Float.floatToRawIntBits((float) x) >>> 16);
        };
    }

    /** The value of type {@code t} with these bits, or null when they are a NaN. */
    static Double fromBits(long bits, FloatType t) {
        double x = switch (t) {
            case F64 -> Double.longBitsToDouble(bits);
            case F32 -> Float.intBitsToFloat((int) bits);
            case F16 -> Float.float16ToFloat((short) bits);
            case BF16 -> Float.intBitsToFloat((int) (bits << 16));
        };
        return Double.isNaN(x) ? null : x;
    }
}
