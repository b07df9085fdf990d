package kiln.frontend.script;

import java.util.Optional;

/**
 * A formal parameter of a {@code def}: its name, annotation (an expression, resolved to a type later) and default
 * value. {@code keywordOnly} parameters come after a bare {@code *}.
 */
public record Param(Ident name, Optional<Expr> annotation, Optional<Expr> defaultValue, boolean keywordOnly,
        SourceRange range) implements Node {

    /** This parameter with {@code type} as its annotation (from a type comment). */
    public Param withAnnotation(Expr type) {
        return new Param(name, Optional.of(type), defaultValue, keywordOnly, range);
    }
}
