package kiln.dialects.torch.scalar;

/**
 * TorchScript's arithmetic on Python numbers ({@code Long} ints, {@code Double} floats; a {@code Boolean} counts
 * as 0 or 1 where a number is read), as its prim ops define it: ints wrap at 64 bits; an int with a float computes
 * in float; {@code /} is true division; {@code //} and {@code %} floor (the result of {@code %} has the sign of
 * the divisor); integer division by zero is a {@code ZeroDivisionError}.
 */
public final class PyNumbers {
    private static final String INT_DIVISION_BY_ZERO = "integer division or modulo by zero";

    private PyNumbers() {
    }

    static boolean ints(Object a, Object b) {
        return a instanceof Long && b instanceof Long;
    }

    static double d(Object v) {
        return ScalarArgs.number(v);
    }

    static Object add(Object a, Object b) {
        return ints(a, b) ? (Object) ((Long) a + (Long) b) : (Object) (d(a) + d(b));
    }

    static Object sub(Object a, Object b) {
        return ints(a, b) ? (Object) ((Long) a - (Long) b) : (Object) (d(a) - d(b));
    }

    static Object mul(Object a, Object b) {
        return ints(a, b) ? (Object) ((Long) a * (Long) b) : (Object) (d(a) * d(b));
    }

    /** True division, always a float (as {@code aten::div.int}: no error for a zero divisor, IEEE results). */
    static double div(Object a, Object b) {
        return d(a) / d(b);
    }

    static long floorDiv(long a, long b) {
        if (b == 0) {
            throw ScalarException.zeroDivision(INT_DIVISION_BY_ZERO);
        }
        return Math.floorDiv(a, b);
    }

    static Object floorDiv(Object a, Object b) {
        return ints(a, b) ? (Object) floorDiv((long) (Long) a, (long) (Long) b) : (Object) Math.floor(d(a) / d(b));
    }

    /** {@code a // b} rounded toward zero ({@code aten::__round_to_zero_floordiv}, C's division). */
    static long truncatingDiv(long a, long b) {
        if (b == 0) {
            throw ScalarException.zeroDivision(INT_DIVISION_BY_ZERO);
        }
        return a / b;
    }

    /** {@code a % b}: the floored remainder for ints, {@code fmod(b + fmod(a, b), b)} for floats (TorchScript's). */
    static Object remainder(Object a, Object b) {
        if (ints(a, b)) {
            long x = (Long) a;
            long y = (Long) b;
            if (y == 0) {
                throw ScalarException.zeroDivision(INT_DIVISION_BY_ZERO);
            }
            return Math.floorMod(x, y);
        }
        double x = d(a);
        double y = d(b);
        return (y + x % y) % y;
    }

    /** {@code int ** int} when both are ints and an int is asked for ({@code aten::pow.int_to_int}). */
    static long intPow(long base, long exponent) {
        if (exponent < 0) {
            throw ScalarException.runtimeError("Integers to negative integer powers are not allowed");
        }
        long result = 1;
        long b = base;
        long e = exponent;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
            e >>= 1;
        }
        return result;
    }

    static Object neg(Object a) {
        return a instanceof Long l ? (Object) (-l) : (Object) (-d(a));
    }

    static Object abs(Object a) {
        return a instanceof Long l ? (Object) Math.abs(l) : (Object) Math.abs(d(a));
    }

    /** Python's {@code a == b} on two numbers (ints compare exactly, anything else as floats; NaN equals nothing). */
    public static boolean eq(Object a, Object b) {
        return ints(a, b) ? ((Long) a).longValue() == (Long) b : d(a) == d(b);
    }

    /** Python's {@code a < b} on two numbers (ints compare exactly, anything else as floats; NaN is unordered). */
    public static boolean lt(Object a, Object b) {
        return ints(a, b) ? (Long) a < (Long) b : d(a) < d(b);
    }

    static boolean le(Object a, Object b) {
        return ints(a, b) ? (Long) a <= (Long) b : d(a) <= d(b);
    }

    /** Python's {@code min}/{@code max} of two numbers; NaN wins, as in TorchScript. */
    static Object extreme(Object a, Object b, boolean max) {
        if (ints(a, b)) {
            return max ? Math.max((Long) a, (Long) b) : Math.min((Long) a, (Long) b);
        }
        double x = d(a);
        double y = d(b);
        return max ? Math.max(x, y) : Math.min(x, y);
    }

    /** {@code int(x)} of a float: truncation toward zero; NaN and infinities are errors as in Python. */
    static long truncate(double v) {
        if (Double.isNaN(v)) {
            throw ScalarException.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(v)) {
            throw ScalarException.overflow("cannot convert float infinity to integer");
        }
        return (long) v;
    }

    static long gcd(long a, long b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** {@code n!} wrapped to 64 bits; from 66 on the product has 64 factors of two, so it wraps to 0. */
    static long factorial(long n) {
        if (n < 0) {
            throw ScalarException.valueError("factorial() not defined for negative values");
        }
        long out = 1;
        for (long i = 2; i <= n && out != 0; i++) {
            out *= i;
        }
        return out;
    }
}
