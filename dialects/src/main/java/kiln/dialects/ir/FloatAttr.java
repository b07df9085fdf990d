package kiln.dialects.ir;

/** A double attribute, printed the way PyTorch prints an IValue double ({@code 1.}, {@code 0.10000000000000001}). */
public record FloatAttr(double value) implements Attribute {
    @Override
    public boolean equals(Object o) {
        return o instanceof FloatAttr f && Double.doubleToLongBits(f.value) == Double.doubleToLongBits(value);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return DoubleFormat.format(value);
    }
}
