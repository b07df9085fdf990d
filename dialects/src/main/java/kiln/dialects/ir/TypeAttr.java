package kiln.dialects.ir;

import java.util.Objects;

/** A type used as an attribute (TorchScript's {@code ty} kind, e.g. {@code prim::TypeCheck[types=[…]]}). */
public record TypeAttr(Type type) implements Attribute {
    public TypeAttr {
        Objects.requireNonNull(type);
    }

    @Override
    public String toString() {
        return type.toString();
    }
}
