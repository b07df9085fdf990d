package kiln.runtime.tensor;

/**
 * The classical orthogonal polynomials of {@code torch.special}, {@code P_n(x)}, as ATen evaluates them
 * ({@code aten/src/ATen/native/Math.h}): the three-term recurrence, or the trigonometric closed form for large
 * {@code n} inside {@code (-1, 1)}. The degree is the second operand truncated to an integer as C++ casts it.
 * The recurrences run at the operands' {@link Precision}, with the fused multiply-adds the compiler forms for
 * ATen's CPU kernels, because with large degrees their rounding errors grow well past a float's tolerance and
 * PyTorch's float32 results carry them.
 */
final class OrthogonalPolynomials {
    private OrthogonalPolynomials() {
    }

    /** The arithmetic a recurrence runs in: every operation rounded to float, or to double. */
    enum Precision {
        FLOAT,
        DOUBLE;

        double round(double v) {
            return this == FLOAT ? (float) v : v;
        }

        /** {@code a * b + c} rounded once, as C's {@code fma}/{@code fmaf}. */
        double fma(double a, double b, double c) {
            return this == FLOAT ? Math.fma((float) a, (float) b, (float) c) : Math.fma(a, b, c);
        }
    }

    /** C++'s {@code static_cast<int64_t>(n)} on x86: NaN and out-of-range values become {@code INT64_MIN}. */
    static long degree(double n) {
        return Double.isNaN(n) || Math.abs(n) >= 0x1p63 ? Long.MIN_VALUE : (long) n;
    }

    /** Runs {@code r = step(k, p, q)} from {@code (p, q) = (p0, q0)} for k = first..last while q is a number. */
    private static double recur(double p0, double q0, long first, long last, Step step) {
        double p = p0;
        double q = q0;
        double r = q0;
        for (long k = first; k <= last && !Double.isNaN(q); k++) {
            r = step.next(k, p, q);
            p = q;
            q = r;
        }
        return r;
    }

    @FunctionalInterface
    private interface Step {
        double next(long k, double p, double q);
    }

    /** Chebyshev polynomials of the first kind, {@code T_n(x)}. */
    static double chebyshevT(double x, double n, Precision f) {
        return chebyshevT(x, degree(n), f, 6);
    }

    /** Chebyshev polynomials of the second kind, {@code U_n(x)}. */
    static double chebyshevU(double x, double n, Precision f) {
        return chebyshevU(x, degree(n), f, 8);
    }

    /** Chebyshev polynomials of the third kind, {@code V_n(x)}. */
    static double chebyshevV(double x, double n, Precision f) {
        return chebyshevV(x, degree(n), f, 8);
    }

    /** Chebyshev polynomials of the fourth kind, {@code W_n(x)}. */
    static double chebyshevW(double x, double n, Precision f) {
        return chebyshevW(x, degree(n), f, 8);
    }

    /** {@code T*_n(x) = T_n(2x - 1)}; ATen tests x = 0 and 1, which are exactly 2x - 1 = -1 and 1. */
    static double shiftedChebyshevT(double x, double n, Precision f) {
        return chebyshevT(f.round(x + x - 1), degree(n), f, 6);
    }

    static double shiftedChebyshevU(double x, double n, Precision f) {
        return chebyshevU(f.round(x + x - 1), degree(n), f, 6);
    }

    static double shiftedChebyshevV(double x, double n, Precision f) {
        return chebyshevV(f.round(x + x - 1), degree(n), f, 6);
    }

    static double shiftedChebyshevW(double x, double n, Precision f) {
        return chebyshevW(f.round(x + x - 1), degree(n), f, 4);
    }

    /** The recurrence {@code P_k = 2x P_(k-1) - P_(k-2)} shared by the four kinds, from {@code P_1 = q1}. */
    private static double chebyshevRecurrence(double x, long n, double q1, Precision f) {
        if (n == 0) {
            return 1;
        }
        return n == 1 ? q1 : recur(1, q1, 2, n, (k, p, q) -> f.fma(x + x, q, -p));
    }

    /** {@code closedAbove}: the degree above which ATen uses the trigonometric form inside (-1, 1). */
    private static double chebyshevT(double x, long n, Precision f, long closedAbove) {
        if (n < 0) {
            return 0;
        }
        if (Math.abs(x) == 1) {
            return x > 0 || n % 2 == 0 ? 1 : -1;
        }
        if (n > closedAbove && Math.abs(x) < 1) {
            return Math.cos(n * Math.acos(x));
        }
        return chebyshevRecurrence(x, n, x, f);
    }

    private static double chebyshevU(double x, long n, Precision f, long closedAbove) {
        if (n < 0) {
            return 0;
        }
        if (Math.abs(x) == 1) {
            return x > 0 || n % 2 == 0 ? n + 1 : -(n + 1);
        }
        if (n > closedAbove && Math.abs(x) < 1) {
            double t = Math.acos(x);
            return Math.sin(t) != 0 ? Math.sin((n + 1) * t) / Math.sin(t) : (n + 1) * Math.cos((n + 1) * t) / x;
        }
        return chebyshevRecurrence(x, n, x + x, f);
    }

    private static double chebyshevV(double x, long n, Precision f, long closedAbove) {
        if (n < 0) {
            return 0;
        }
        if (Math.abs(x) == 1) {
            return x > 0 ? 1 : n % 2 == 0 ? n + n + 1 : -(n + n + 1);
        }
        if (n > closedAbove && Math.abs(x) < 1) {
            double t = Math.acos(x);
            if (Math.sin(t / 2) != 1) {
                return Math.cos((n + 0.5) * t) / Math.cos(t / 2);
            }
            return n % 2 == 0 ? n + n + 1 : -(n + n + 1);
        }
        return chebyshevRecurrence(x, n, f.round(x + x - 1), f);
    }

    private static double chebyshevW(double x, long n, Precision f, long closedAbove) {
        if (n < 0) {
            return 0;
        }
        if (Math.abs(x) == 1) {
            return x > 0 ? n + n + 1 : n % 2 == 0 ? 1 : -1;
        }
        if (n > closedAbove && Math.abs(x) < 1) {
            double t = Math.acos(x);
            if (Math.cos(t / 2) != 1) {
                return Math.sin((n + 0.5) * t) / Math.sin(t / 2);
            }
            return x > 0 ? n + n + 1 : n % 2 == 0 ? 1 : -1;
        }
        return chebyshevRecurrence(x, n, f.round(x + x + 1), f);
    }

    /** ATen gives NaN above this degree for the Hermite polynomials (its double limit). */
    private static final long HERMITE_LIMIT = 512;

    /** Physicists' Hermite polynomials {@code H_n(x)}; an infinite or NaN degree counts as -1. */
    static double hermiteH(double x, double degree, Precision f) {
        long n = Double.isNaN(degree) || Double.isInfinite(degree) ? -1 : degree(degree);
        if (n < 0) {
            return 0;
        }
        if (n == 0) {
            return 1;
        }
        if (n == 1) {
            return x + x;
        }
        if (n > HERMITE_LIMIT) {
            return Double.NaN;
        }
        double p = 1;
        double q = x + x;
        double r = 0;
        for (long k = 2; k < n + n; k += 2) {
            r = f.fma(x + x, q, -f.round(f.round(k) * p));
            p = q;
            q = r;
        }
        return r;
    }

    /** Probabilists' Hermite polynomials {@code He_n(x)}. */
    static double hermiteHe(double x, double degree, Precision f) {
        long n = degree(degree);
        if (n < 0) {
            return 0;
        }
        if (n == 0) {
            return 1;
        }
        if (n == 1) {
            return x;
        }
        if (n > HERMITE_LIMIT) {
            return Double.NaN;
        }
        double p = 1;
        double q = x;
        double r = 0;
        for (long k = 1; k < n; k++) {
            r = f.fma(x, q, -f.round(f.round(k) * p));
            p = q;
            q = r;
        }
        return r;
    }

    /** Laguerre polynomials {@code L_n(x)}. */
    static double laguerreL(double x, double degree, Precision f) {
        long n = degree(degree);
        if (n < 0) {
            return 0;
        }
        if (Math.abs(x) == 0 || n == 0) {
            return 1;
        }
        double q1 = f.round(1 - x);
        return n == 1 ? q1 : recur(1, q1, 1, n - 1, (k, p, q) -> f.round(f.fma(f.round(f.round(k + k) + q1), q,
                -f.round(f.round(k) * p)) / f.round(k + 1)));
    }

    /** Legendre polynomials {@code P_n(x)}. */
    static double legendreP(double x, double degree, Precision f) {
        long n = degree(degree);
        if (n < 0) {
            return 0;
        }
        if (Math.abs(x) == 1) {
            return x > 0 || n % 2 == 0 ? 1 : -1;
        }
        if (n == 0) {
            return 1;
        }
        return n == 1 ? x : recur(1, x, 1, n - 1, (k, p, q) -> f.round(f.fma(f.round(f.round(k + k + 1) * x),
                q, -f.round(f.round(k) * p)) / f.round(k + 1)));
    }
}
