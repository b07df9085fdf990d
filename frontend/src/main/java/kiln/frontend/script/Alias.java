package kiln.frontend.script;

import java.util.Optional;

/** One imported name, {@code name [as asName]}; {@code name} may be dotted ({@code torch.nn}). */
public record Alias(String name, Optional<Ident> asName, SourceRange range) implements Node {
}
