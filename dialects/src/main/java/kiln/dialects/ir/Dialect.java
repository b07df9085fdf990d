package kiln.dialects.ir;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A family of ops (and, in its own package, types and attributes). Op names are {@code namespace::name}
 * (TorchScript style) or {@code namespace.name} (MLIR style); a dialect owns one or more namespaces.
 */
public interface Dialect {
    String name();

    /** The op-name prefixes this dialect owns, e.g. {@code prim} and {@code aten}. */
    List<String> namespaces();

    /** Every op declared individually. */
    Collection<OpDef> ops();

    /**
     * The declaration used for an op of an owned namespace that is not declared individually, or empty when
     * the namespace is closed and such an op is an error. (Used for {@code aten::}, whose thousands of
     * operators are checked against their schemas rather than declared one by one.)
     */
    default Optional<OpDef> openOp(String opName) {
        return Optional.empty();
    }
}
