package kiln.runtime.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import kiln.dialects.torch.DoubleFormat;

/**
 * Number formatting as Python's {@code format()}/{@code repr()} and the {fmt} library do it, from the exact
 * binary value (round half to even where a tie is exact): {@code {:.4f}}, {@code {:.4e}}, {@code {:g}}, and the
 * shortest round-tripping form ({@code repr(float)}, fmt's {@code {}}).
 */
final class NumberFormat {
    private NumberFormat() {
    }

    private static boolean negative(double d) {
        return d < 0 || (d == 0 && Double.doubleToRawLongBits(d) < 0);
    }

    /** Python's spelling of a non-finite value. */
    private static String pythonNonFinite(double d) {
        return Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
    }

    /** fmt's spelling of a non-finite value: a NaN with its sign bit set prints {@code -nan}. */
    private static String fmtNonFinite(double d) {
        if (Double.isNaN(d)) {
            return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
        }
        return d > 0 ? "inf" : "-inf";
    }

    /** {@code "{:.<precision>f}".format(d)}. */
    static String fixed(double d, int precision) {
        if (!Double.isFinite(d)) {
            return pythonNonFinite(d);
        }
        String digits = new BigDecimal(Math.abs(d)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return (negative(d) ? "-" : "") + digits;
    }

    /** {@code "{:.<precision>e}".format(d)}: {@code 1.2340e+05}, exponent of at least two digits. */
    static String scientific(double d, int precision) {
        if (!Double.isFinite(d)) {
            return pythonNonFinite(d);
        }
        String sign = negative(d) ? "-" : "";
        if (d == 0) {
            return sign + "0" + (precision > 0 ? "." + "0".repeat(precision) : "") + "e+00";
        }
        BigDecimal rounded = new BigDecimal(Math.abs(d)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        StringBuilder mantissa = new StringBuilder(digits);
        while (mantissa.length() < precision + 1) {
            mantissa.append('0');
        }
        mantissa.setLength(precision + 1);
        String frac = precision > 0 ? "." + mantissa.substring(1) : "";
        return sign + mantissa.charAt(0) + frac + exponent(exponent);
    }

    private static String exponent(int exponent) {
        int abs = Math.abs(exponent);
        return "e" + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
    }

    /** fmt's {@code {:g}} (precision 6, as C's {@code %g}). */
    static String fmtGeneral(double d) {
        return Double.isFinite(d) ? DoubleFormat.formatG(d, 6) : fmtNonFinite(d);
    }

    /** fmt's {@code {:.4f}}. */
    static String fmtFixed(double d, int precision) {
        return Double.isFinite(d) ? fixed(d, precision) : fmtNonFinite(d);
    }

    /** fmt's {@code {:.4e}}. */
    static String fmtScientific(double d, int precision) {
        return Double.isFinite(d) ? scientific(d, precision) : fmtNonFinite(d);
    }

    /** Python's {@code repr(float)}: {@code 0.1}, {@code 1.0}, {@code 1e-05}, {@code 1e+16}. */
    static String pythonRepr(double d) {
        return Double.isFinite(d) ? shortest(d, true) : pythonNonFinite(d);
    }

    /** fmt's {@code {}} of a double: as {@link #pythonRepr} but {@code 1} rather than {@code 1.0}. */
    static String fmtShortest(double d) {
        return Double.isFinite(d) ? shortest(d, false) : fmtNonFinite(d);
    }

    /**
     * The shortest digits that read back as {@code d} (Java's {@code Double.toString} finds them), in fixed
     * notation for decimal exponents from -4 to 15 and in exponent notation otherwise.
     */
    private static String shortest(double d, boolean pointZero) {
        String sign = negative(d) ? "-" : "";
        if (d == 0) {
            return sign + (pointZero ? "0.0" : "0");
        }
        BigDecimal value = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = value.unscaledValue().toString();
        int exponent = digits.length() - 1 - value.scale();
        if (exponent < -4 || exponent >= 16) {
            String frac = digits.length() > 1 ? "." + digits.substring(1) : "";
            return sign + digits.charAt(0) + frac + exponent(exponent);
        }
        String whole;
        String frac;
        if (exponent >= 0) {
            String padded = digits.length() <= exponent + 1 ? digits + "0".repeat(exponent + 1 - digits.length())
                    : digits;
            whole = padded.substring(0, exponent + 1);
            frac = padded.substring(exponent + 1);
        } else {
            whole = "0";
            frac = "0".repeat(-exponent - 1) + digits;
        }
        if (frac.isEmpty()) {
            return sign + whole + (pointZero ? ".0" : "");
        }
        return sign + whole + "." + frac;
    }
}
