package kiln.dialects.torch.types;

import java.util.Objects;

/**
 * c10's {@code VarType}: a type variable of an operator schema ({@code t}, {@code t1}), as in
 * {@code aten::append.t(t[](a!) self, t(c -> *) el) -> t[](a!)}. Schema matching binds each variable to the
 * type of the first argument it meets; graph values never have this type. Printed as its name in every form.
 */
public record TypeVar(String name) implements TorchType {

    public TypeVar {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a type variable needs a name");
        }
    }

    @Override
    public TypeKind kind() {
        return TypeKind.VarType;
    }

    @Override
    public String toString() {
        return name;
    }
}
