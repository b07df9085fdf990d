package kiln.frontend.script;

/**
 * One token. {@code text} is the spelling for names, keywords, operators and numbers, and the decoded value for a
 * string literal.
 */
public record Token(TokenKind kind, String text, SourceRange range) {

    public boolean is(TokenKind k) {
        return kind == k;
    }

    /** How this token is named in error messages, e.g. {@code identifier 'x'} or {@code ')'}. */
    public String describe() {
        return switch (kind) {
            case NAME, INT, FLOAT, IMAGINARY -> kind.describe() + " '" + text + "'";
            default -> kind.describe();
        };
    }

    @Override
    public String toString() {
        return kind + (kind.text() == null && text != null ? "(" + text + ")" : "") + "@" + range;
    }
}
