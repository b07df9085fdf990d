package kiln.dialects.torch.types;

import java.util.Objects;

/** c10's {@code AwaitType}: {@code Await[T]} in annotations; covariant in its element type. */
public record AwaitType(TorchType elementType) implements SingleElementType {

    public AwaitType {
        Objects.requireNonNull(elementType, "elementType");
    }

    @Override
    public TypeKind kind() {
        return TypeKind.AwaitType;
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }
}
