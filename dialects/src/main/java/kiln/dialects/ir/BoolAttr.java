package kiln.dialects.ir;

/** A boolean inside a list constant, printed as Python does ({@code True}/{@code False}). */
public record BoolAttr(boolean value) implements Attribute {
    @Override
    public String toString() {
        return value ? "True" : "False";
    }
}
