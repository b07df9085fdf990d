package kiln.dialects.torch.types;

import java.util.Objects;

/**
 * c10's {@code ClassType}: a TorchScript class or module, known by its qualified name
 * ({@code __torch__.corpus_public.LinearLayer}, possibly with a {@code ___torch_mangle_N} component). Two class
 * types are the same type exactly when their names are equal. Attributes and methods live elsewhere.
 */
public record ClassType(String qualifiedName) implements NominalType {

    public ClassType {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        if (qualifiedName.isEmpty()) {
            throw new IllegalArgumentException("a class type needs a name");
        }
    }

    public static ClassType of(String qualifiedName) {
        return new ClassType(qualifiedName);
    }

    @Override
    public TypeKind kind() {
        return TypeKind.ClassType;
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }
}
