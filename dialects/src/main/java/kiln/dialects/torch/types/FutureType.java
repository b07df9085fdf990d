package kiln.dialects.torch.types;

import java.util.Objects;

/** c10's {@code FutureType}: {@code Future[T]} in annotations; covariant in its element type. */
public record FutureType(TorchType elementType) implements SingleElementType {

    public FutureType {
        Objects.requireNonNull(elementType, "elementType");
    }

    @Override
    public TypeKind kind() {
        return TypeKind.FutureType;
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }
}
