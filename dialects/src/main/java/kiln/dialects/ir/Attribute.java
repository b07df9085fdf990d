package kiln.dialects.ir;

/**
 * A compile-time constant attached to an operation by name. Attributes are immutable values with structural
 * equality. The builtin kinds are {@link IntAttr}, {@link FloatAttr}, {@link BoolAttr}, {@link StringAttr},
 * {@link ListAttr}, {@link DictAttr}, {@link TypeAttr}, {@link UnitAttr}, {@link SymbolRefAttr} and
 * {@link DenseElementsAttr}; dialects add their own and register a parser for them ({@link
 * Dialect#parseAttribute}).
 *
 * <p>In the generic IR text a builtin attribute is written as MLIR writes it ({@code 42}, {@code 1.5 : f32},
 * {@code "s"}, {@code [1, 2]}); a dialect's as {@code #ns.body} or {@code #ns<body>}, where the body is {@link
 * #toString()} ({@link #asm()} writes that). A dialect's custom syntax (the torch graph text) prints attributes its
 * own way.
 */
public interface Attribute {
    /** The namespace of the dialect that owns this attribute; empty for the builtin ones. */
    default String dialectNamespace() {
        return "";
    }

    /** The attribute in the generic IR text. */
    default String asm() {
        return AsmNames.dialectSymbol('#', dialectNamespace(), toString());
    }
}
