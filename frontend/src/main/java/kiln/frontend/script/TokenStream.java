package kiln.frontend.script;

import java.util.List;

/** A cursor over a token list that ends with EOF, with the checks the parsers share. */
final class TokenStream {
    private final List<Token> tokens;
    private int index;

    TokenStream(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.getLast().is(TokenKind.EOF)) {
            throw new IllegalArgumentException("a token list ends with EOF");
        }
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    /** The token {@code ahead} places after the current one (EOF past the end). */
    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    boolean at(TokenKind kind) {
        return peek().is(kind);
    }

    /** The last consumed token that is not NEWLINE, INDENT or DEDENT: where a construct just parsed ends. */
    Token previous() {
        for (int i = index - 1; i > 0; i--) {
            switch (tokens.get(i).kind()) {
                case NEWLINE, INDENT, DEDENT -> {
                }
                default -> {
                    return tokens.get(i);
                }
            }
        }
        return tokens.getFirst();
    }

    Token next() {
        Token t = peek();
        if (!t.is(TokenKind.EOF)) {
            index++;
        }
        return t;
    }

    /** Consumes the current token when it is a {@code kind}. */
    boolean accept(TokenKind kind) {
        if (at(kind)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes a {@code kind} token, or fails with "expected ... but found ...". */
    Token expect(TokenKind kind) {
        if (!at(kind)) {
            throw expected(kind.describe());
        }
        return next();
    }

    ScriptSyntaxError expected(String what) {
        Token t = peek();
        if (t.is(TokenKind.INDENT)) {
            return error(t, "unexpected indent");
        }
        return error(t, "expected " + what + " but found " + t.describe());
    }

    ScriptSyntaxError error(Token at, String message) {
        return new ScriptSyntaxError(at.range(), message);
    }
}
