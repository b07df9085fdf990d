package kiln.dialects.ir;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.rewrite.RewritePattern;
import kiln.dialects.ir.text.RegionFormat;
import kiln.dialects.ir.text.TypeContext;

/**
 * A family of ops, types and attributes. Op names are {@code namespace::name} (TorchScript style) or
 * {@code namespace.name} (MLIR style); a dialect owns one or more namespaces. Its types and attributes are written
 * {@code !ns.body} / {@code #ns<body>} in the generic text, and the dialect reads the bodies back. Dialects are
 * found through {@link DialectProvider} services ({@link DialectRegistry#discover()}).
 */
public interface Dialect {
    String name();

    /** The op-name prefixes this dialect owns, e.g. {@code prim} and {@code aten}; types use the first. */
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

    /**
     * Reads the body of one of this dialect's types: what follows {@code !ns.} or stands inside {@code !ns<…>}.
     *
     * @throws IllegalArgumentException with a one-line reason when the body is not a type of this dialect
     */
    default Type parseType(String body, TypeContext context) {
        throw new IllegalArgumentException("dialect '" + name() + "' has no types");
    }

    /**
     * Reads the body of one of this dialect's attributes ({@code #ns.body} / {@code #ns<body>}).
     *
     * @throws IllegalArgumentException with a one-line reason when the body is not an attribute of this dialect
     */
    default Attribute parseAttribute(String body, TypeContext context) {
        throw new IllegalArgumentException("dialect '" + name() + "' has no attributes");
    }

    /**
     * A detached op of this dialect producing constant {@code value} of {@code type} (MLIR's
     * {@code materializeConstant}), for folds that yield constants; empty when the dialect cannot make one.
     */
    default Optional<Operation> materializeConstant(Attribute value, Type type, Location location) {
        return Optional.empty();
    }

    /** The canonicalization patterns of this dialect's ops (those of open ops included). */
    default List<RewritePattern> canonicalizationPatterns() {
        return List.of();
    }

    /**
     * The custom syntax this dialect gives whole function bodies, if any: the torch dialect writes a function's
     * body as PyTorch's graph text ({@code func @forward graph(%x : Tensor): … return (%y)}).
     */
    default Optional<RegionFormat> regionFormat() {
        return Optional.empty();
    }
}
