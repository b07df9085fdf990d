package kiln.dialects.torch.types;

import java.util.Objects;

/** c10's {@code RRefType}: {@code RRef[T]} in annotations; invariant in its element type, as in c10. */
public record RRefType(TorchType elementType) implements SingleElementType {

    public RRefType {
        Objects.requireNonNull(elementType, "elementType");
    }

    @Override
    public TypeKind kind() {
        return TypeKind.RRefType;
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }
}
