package kiln.frontend.pickle;

import java.util.Objects;

/**
 * A storage class global as it appears in a persistent id: {@code torch.FloatStorage} (typed, counting elements of
 * {@code dtype}) or {@code torch.storage.UntypedStorage} ({@code untyped}, counting bytes; {@code dtype} is
 * {@link DType#UINT8}).
 */
public record StorageClass(String name, DType dtype, boolean untyped) implements PyValue {
    public StorageClass {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        if (untyped && dtype != DType.UINT8) {
            throw new IllegalArgumentException("an untyped storage counts bytes: " + dtype);
        }
    }

    @Override
    public String typeName() {
        return "type";
    }

    @Override
    public String toString() {
        return name;
    }
}
