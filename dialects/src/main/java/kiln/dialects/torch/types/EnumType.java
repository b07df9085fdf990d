package kiln.dialects.torch.types;

import java.util.Objects;

/**
 * c10's {@code EnumType}: a Python {@code Enum} class used in TorchScript, printed {@code Enum<qualified.Name>}.
 * Its members and value type live with the class, not in the type.
 */
public record EnumType(String qualifiedName) implements NominalType {

    public EnumType {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        if (qualifiedName.isEmpty()) {
            throw new IllegalArgumentException("an enum type needs a name");
        }
    }

    @Override
    public TypeKind kind() {
        return TypeKind.EnumType;
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }
}
