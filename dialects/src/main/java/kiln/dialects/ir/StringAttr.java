package kiln.dialects.ir;

/** A string attribute, printed quoted with C-style escapes as PyTorch's {@code printQuotedString} does. */
public record StringAttr(String value) implements Attribute {
    public StringAttr {
        java.util.Objects.requireNonNull(value);
    }

    @Override
    public String toString() {
        return QuotedString.quote(value);
    }
}
