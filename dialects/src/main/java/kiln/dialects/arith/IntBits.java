package kiln.dialects.arith;

import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Type;

/**
 * Integer arithmetic at a bit width of 1 to 64, as LLVM's {@code APInt} does it: a value is its low {@code width}
 * bits, held sign-extended in a {@code long}; ops wrap modulo 2^width; signed and unsigned readings of the same bits
 * differ only where an op says so. Operations that MLIR leaves undefined (division by zero, signed overflow of a
 * division, shifts by the width or more) return null, so that nothing folds them.
 */
final class IntBits {
    private IntBits() {
    }

    /** The low {@code width} bits of {@code v}, sign-extended: the canonical form of a value. */
    static long wrap(long v, int width) {
        return width >= 64 ? v : v << (64 - width) >> (64 - width);
    }

    /** The low {@code width} bits of {@code v}, zero-extended: its unsigned reading. */
    static long unsigned(long v, int width) {
        return width >= 64 ? v : v & ((1L << width) - 1);
    }

    static long allOnes(int width) {
        return wrap(-1L, width);
    }

    static long signedMin(int width) {
        return wrap(1L << (width - 1), width);
    }

    static long signedMax(int width) {
        return wrap(signedMin(width) - 1, width);
    }

    static int compareUnsigned(long a, long b, int width) {
        return Long.compareUnsigned(unsigned(a, width), unsigned(b, width));
    }

    /** {@code a / b} truncating, or null when {@code b} is 0 or the quotient overflows ({@code MIN / -1}). */
    static Long sdiv(long a, long b, int width) {
        if (b == 0 || overflowsDivision(a, b, width)) {
            return null;
        }
        return wrap(a / b, width);
    }

    static Long udiv(long a, long b, int width) {
        return b == 0 ? null : wrap(Long.divideUnsigned(unsigned(a, width), unsigned(b, width)), width);
    }

    /** The remainder with the sign of {@code a}; {@code MIN % -1} is 0; null for a zero divisor. */
    static Long srem(long a, long b, int width) {
        return b == 0 ? null : wrap(a % b, width);
    }

    static Long urem(long a, long b, int width) {
        return b == 0 ? null : wrap(Long.remainderUnsigned(unsigned(a, width), unsigned(b, width)), width);
    }

    /** {@code a / b} rounded toward negative infinity; null for a zero divisor or on overflow. */
    static Long floorDivSigned(long a, long b, int width) {
        if (b == 0 || overflowsDivision(a, b, width)) {
            return null;
        }
        return wrap(Math.floorDiv(a, b), width);
    }

    /**
     * {@code a / b} rounded toward positive infinity, as MLIR's folder computes it: null for a zero divisor or when
     * a negation or division on the way overflows (so nothing with {@code MIN} folds unless it is trivially so).
     */
    static Long ceilDivSigned(long a, long b, int width) {
        if (b == 0) {
            return null;
        }
        if (a == 0) {
            return 0L;
        }
        long min = signedMin(width);
        boolean aPositive = a > 0;
        boolean bPositive = b > 0;
        if (aPositive && bPositive) {
            return wrap((a - 1) / b + 1, width);
        }
        if (!aPositive && !bPositive) {
            return a == min || b == min ? null : wrap((-a - 1) / -b + 1, width);
        }
        if (!aPositive) {
            return a == min ? null : wrap(-(-a / b), width);
        }
        return b == min ? null : wrap(-(a / -b), width);
    }

    static Long ceilDivUnsigned(long a, long b, int width) {
        if (b == 0) {
            return null;
        }
        long ua = unsigned(a, width);
        long ub = unsigned(b, width);
        long q = Long.divideUnsigned(ua, ub);
        if (Long.remainderUnsigned(ua, ub) != 0) {
            q++;
        }
        return wrap(q, width);
    }

    private static boolean overflowsDivision(long a, long b, int width) {
        return a == signedMin(width) && b == -1;
    }

    /** A shift amount, read unsigned, is in range when it is less than the width. */
    static boolean shiftInRange(long amount, int width) {
        return Long.compareUnsigned(unsigned(amount, width), width) < 0;
    }

    static Long shl(long a, long b, int width) {
        return shiftInRange(b, width) ? wrap(a << unsigned(b, width), width) : null;
    }

    static Long shrui(long a, long b, int width) {
        return shiftInRange(b, width) ? wrap(unsigned(a, width) >>> unsigned(b, width), width) : null;
    }

    static Long shrsi(long a, long b, int width) {
        return shiftInRange(b, width) ? wrap(a >> unsigned(b, width), width) : null;
    }

    // ---- attributes

    /** The bits of an integer attribute ({@link IntAttr}, or {@link BoolAttr} for {@code i1}), canonical at its width. */
    static long of(Attribute a, int width) {
        return switch (a) {
            case IntAttr i -> wrap(i.value(), width);
            case BoolAttr b -> b.value() ? allOnes(width) : 0;
            default -> throw new IllegalArgumentException("not an integer attribute: " + a);
        };
    }

    /** Whether {@code a} is a scalar integer attribute. */
    static boolean isInt(Attribute a) {
        return a instanceof IntAttr || a instanceof BoolAttr;
    }

    /** The attribute of value {@code v} of scalar integer type {@code t}: a {@link BoolAttr} for {@code i1}. */
    static Attribute attr(long v, Type t) {
        int width = ArithTypes.width(t);
        return width == 1 ? new BoolAttr((v & 1) != 0) : new IntAttr(wrap(v, width), t);
    }

    /** Whether {@code v} fits {@code width} bits read signed or unsigned (MLIR's parser accepts both). */
    static boolean fits(long v, int width) {
        if (width >= 64) {
            return true;
        }
        return v >= signedMin(width) && v <= unsigned(-1L, width);
    }
}
