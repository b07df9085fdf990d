package kiln.dialects.torch.types;

import java.util.Objects;

/**
 * c10's {@code InterfaceType}: a TorchScript interface (or module interface). c10 prints it
 * {@code InterfaceType<BaseName>} and annotates it with its qualified name. Method schemas are not modelled
 * yet, so an interface is only a subtype of itself.
 */
public record InterfaceType(String qualifiedName, boolean isModule) implements NominalType {

    public InterfaceType {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        if (qualifiedName.isEmpty()) {
            throw new IllegalArgumentException("an interface type needs a name");
        }
    }

    @Override
    public TypeKind kind() {
        return TypeKind.InterfaceType;
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }
}
