package kiln.dialects.torch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles exactly as PyTorch prints an IValue double in graph text: integral values below 1e10 as
 * {@code 3.}, everything else as C++ {@code std::setprecision(17)} in default float notation (shortest of
 * fixed/scientific per {@code %g}, trailing zeros dropped): {@code 0.10000000000000001}, {@code 1e-05} style
 * exponents with at least two digits, {@code inf}, {@code -inf}, {@code nan}.
 */
public final class DoubleFormat {
    private static final int PRECISION = 17;

    private DoubleFormat() {
    }

    public static String format(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (Math.abs(d) < 1e10 && d == Math.rint(d)) {
            if (d == 0 && 1 / d < 0) {
                return "-0.";
            }
            return (long) d + ".";
        }
        return formatG(d, PRECISION);
    }

    /**
     * C's {@code %.<precision>g} (without {@code #}) of a finite value, computed from the exact binary value;
     * also fmt's {@code {:.<precision>g}}.
     */
    public static String formatG(double d, int precision) {
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        // Pad to exactly `precision` significant digits, then strip trailing zeros as %g does.
        StringBuilder sig = new StringBuilder(digits);
        while (sig.length() < precision) {
            sig.append('0');
        }
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= precision) {
            String mantissa = stripZeros(sig.charAt(0) + "." + sig.substring(1));
            String exp = Integer.toString(Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
        }
        String fixed;
        if (exponent >= 0) {
            fixed = sig.substring(0, exponent + 1) + "." + sig.substring(exponent + 1);
        } else {
            fixed = "0." + "0".repeat(-exponent - 1) + sig;
        }
        return sign + stripZeros(fixed);
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Reads what {@link #format} writes (and any Java double literal), including {@code inf} and {@code nan}. */
    public static double parse(String text) {
        return switch (text) {
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan", "-nan", "+nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
