package kiln.dialects.ir;

import java.util.Objects;

/** A type used as an attribute (a function's type, TorchScript's {@code ty} kind): the type itself in the text. */
public record TypeAttr(Type type) implements Attribute {
    public TypeAttr {
        Objects.requireNonNull(type);
    }

    @Override
    public String toString() {
        return type.asm();
    }
}
