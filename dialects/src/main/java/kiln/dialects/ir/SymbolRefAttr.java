package kiln.dialects.ir;

import java.util.Objects;

/** A reference to a symbol by name ({@code @name}), resolved with {@link SymbolTable}. */
public record SymbolRefAttr(String name) implements Attribute {
    public SymbolRefAttr {
        Objects.requireNonNull(name);
    }

    @Override
    public String toString() {
        return "@" + (AsmNames.isBareIdentifier(name) ? name : StringAttr.quote(name));
    }
}
