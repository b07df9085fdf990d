package kiln.runtime.tensor;

/** Special functions Java's {@link Math} lacks, to double precision. */
final class SpecialFunctions {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;

    private SpecialFunctions() {
    }

    /** The error function: a Taylor series below |x| = 2, the continued fraction of erfc above. */
    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        if (a < 2) {
            return series(x);
        }
        return Math.copySign(1 - erfcLarge(a), x);
    }

    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < 2) {
            return x > -2 ? 1 - series(x) : 2 - erfcLarge(-x);
        }
        return erfcLarge(x);
    }

    /** {@code exp(x^2) * erfc(x)}, without overflow for large x. */
    static double erfcx(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x >= 2) {
            return x > 1e8 ? ONE_OVER_SQRT_PI / x : ONE_OVER_SQRT_PI / continuedFraction(x);
        }
        return Math.exp(x * x) * erfc(x);
    }

    /** {@code 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))}. */
    private static double series(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 100; n++) {
            term *= -x2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /** erfc for x >= 2: {@code exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))}, by Lentz's method. */
    private static double erfcLarge(double x) {
        if (x > 27) {
            return 0;
        }
        return Math.exp(-x * x) * ONE_OVER_SQRT_PI / continuedFraction(x);
    }

    /** {@code x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))}, by Lentz's method. */
    private static double continuedFraction(double x) {
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double an = n / 2.0;
            d = x + an * d;
            d = d == 0 ? tiny : d;
            c = x + an / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return f;
    }
}
