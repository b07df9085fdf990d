package kiln.dialects.ir;

/** A boolean attribute: {@code true} or {@code false} in the generic text. */
public record BoolAttr(boolean value) implements Attribute {
    @Override
    public String toString() {
        return value ? "true" : "false";
    }
}
