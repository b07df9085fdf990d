package kiln.dialects.ir;

import java.util.Objects;

/**
 * A floating-point attribute of a float type ({@code f64} unless said otherwise), holding its value as a double:
 * {@code 2.5} in the generic text for an {@code f64}, {@code 2.5 : f32} otherwise; non-finite values as their bit
 * pattern ({@code 0x7FF0000000000000}), as MLIR writes them.
 */
public record FloatAttr(double value, FloatType type) implements Attribute {
    public FloatAttr {
        Objects.requireNonNull(type);
    }

    /** An {@code f64} attribute. */
    public FloatAttr(double value) {
        this(value, FloatType.F64);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatAttr f && f.type == type
                && Double.doubleToLongBits(f.value) == Double.doubleToLongBits(value);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value) * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        if (!Double.isFinite(value)) {
            return "0x" + String.format("%016X", Double.doubleToRawLongBits(value)) + " : " + type.asm();
        }
        return type == FloatType.F64 ? literal(value) : literal(value, type) + " : " + type.asm();
    }

    /** The shortest decimal that reads back as {@code d} in type {@code t} (a float prints as a float does). */
    static String literal(double d, FloatType t) {
        return t == FloatType.F64 || (float) d != d ? literal(d) : mlir(Float.toString((float) d));
    }

    /** The shortest decimal that reads back as {@code d}, with a point or an exponent ({@code 1.0}, {@code 1.0e-05}). */
    static String literal(double d) {
        return mlir(Double.toString(d));
    }

    /** Java's {@code 1.0E-5} as MLIR writes it, {@code 1.0e-05}. */
    private static String mlir(String s) {
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        String exp = s.substring(e + 1);
        boolean negative = exp.startsWith("-");
        String digits = negative ? exp.substring(1) : exp;
        return mantissa + "e" + (negative ? "-" : "+") + (digits.length() < 2 ? "0" + digits : digits);
    }
}
