package kiln.dialects.ir;

/**
 * A type of an SSA {@link Value}. Types are immutable values with structural equality (records or enums); each
 * dialect declares its own family and registers a parser for it ({@link Dialect#parseType}).
 *
 * <p>In the generic IR text a builtin type is written as itself ({@code i64}, {@code vector<8xf32>}) and a
 * dialect's type as {@code !ns.body} or {@code !ns<body>}, where {@code ns} is {@link #dialectNamespace()} and
 * the body is {@link #toString()}, the dialect's own text for it ({@link #asm()} writes that).
 */
public interface Type {
    /** True when a value of this type may be used where {@code other} is expected. */
    default boolean isSubtypeOf(Type other) {
        return equals(other);
    }

    /** The namespace of the dialect that owns this type; empty for the builtin types. */
    default String dialectNamespace() {
        return "";
    }

    /** The type in the generic IR text. */
    default String asm() {
        return AsmNames.dialectSymbol('!', dialectNamespace(), toString());
    }
}
