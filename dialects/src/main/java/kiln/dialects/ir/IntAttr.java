package kiln.dialects.ir;

/** A 64-bit integer attribute (TorchScript's {@code i} kind; bools are stored as 0/1, as PyTorch does). */
public record IntAttr(long value) implements Attribute {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
