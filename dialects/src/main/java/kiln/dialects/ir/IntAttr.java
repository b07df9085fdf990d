package kiln.dialects.ir;

import java.util.Objects;

/**
 * An integer attribute of an integer or index type ({@code i64} unless said otherwise): {@code 42} in the generic
 * text for an {@code i64}, {@code 42 : i32} otherwise. The torch dialect keeps TorchScript's ints (and its bools,
 * as 0/1, as PyTorch does) in {@code i64} ones.
 */
public record IntAttr(long value, Type type) implements Attribute {
    public IntAttr {
        Objects.requireNonNull(type);
        if (!(type instanceof IntegerType || type instanceof IndexType)) {
            throw new IllegalArgumentException("an integer attribute has an integer or index type, not " + type);
        }
    }

    /** An {@code i64} attribute. */
    public IntAttr(long value) {
        this(value, IntegerType.I64);
    }

    @Override
    public String toString() {
        return type.equals(IntegerType.I64) ? Long.toString(value) : value + " : " + type.asm();
    }
}
