package kiln.frontend.script;

/** A name where the grammar wants a plain identifier: a function, class, parameter, attribute or keyword name. */
public record Ident(String name, SourceRange range) implements Node {
}
