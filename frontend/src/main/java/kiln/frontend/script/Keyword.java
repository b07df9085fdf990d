package kiln.frontend.script;

/** A keyword argument {@code name=value} of a call. */
public record Keyword(Ident name, Expr value, SourceRange range) implements Node {
}
