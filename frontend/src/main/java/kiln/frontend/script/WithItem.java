package kiln.frontend.script;

import java.util.Optional;

/** One {@code context [as target]} of a {@code with} statement. */
public record WithItem(Expr context, Optional<Expr> target, SourceRange range) implements Node {
}
