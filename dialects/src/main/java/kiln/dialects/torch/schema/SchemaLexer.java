package kiln.dialects.torch.schema;

import java.util.ArrayList;
import java.util.List;
import kiln.dialects.torch.QuotedString;

/**
 * The tokens of a schema, as PyTorch's TorchScript lexer splits them for the schema parser: identifiers,
 * numbers ({@code 1}, {@code 1.}, {@code 1e-08}, {@code 2j}; a minus sign is its own token), string literals
 * (decoded), {@code ->}, {@code ...} and single punctuation characters. Blanks separate tokens and are
 * otherwise ignored.
 */
final class SchemaLexer {
    enum Kind { IDENT, NUMBER, STRING, ARROW, DOTS, PUNCT, EOF }

    /** One token; {@code text} is the decoded value for a string literal. */
    record Token(Kind kind, String text, int offset) {
        boolean is(char c) {
            return kind == Kind.PUNCT && text.charAt(0) == c;
        }

        boolean isIdent(String word) {
            return kind == Kind.IDENT && text.equals(word);
        }

        String describe() {
            return switch (kind) {
                case EOF -> "end of schema";
                case STRING -> "string " + QuotedString.quote(text);
                default -> "'" + text + "'";
            };
        }
    }

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int index;

    SchemaLexer(String text) {
        this.text = text;
        tokenize();
    }

    String text() {
        return text;
    }

    Token cur() {
        return tokens.get(index);
    }

    Token lookahead() {
        return tokens.get(Math.min(index + 1, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Kind.EOF) {
            index++;
        }
        return t;
    }

    boolean nextIf(char c) {
        if (cur().is(c)) {
            index++;
            return true;
        }
        return false;
    }

    boolean nextIf(Kind kind) {
        if (cur().kind() == kind && kind != Kind.EOF) {
            index++;
            return true;
        }
        return false;
    }

    void expect(char c, String context) {
        if (!nextIf(c)) {
            throw error("expected '" + c + "' " + context + ", found " + cur().describe());
        }
    }

    Token expect(Kind kind, String what) {
        if (cur().kind() != kind) {
            throw error("expected " + what + ", found " + cur().describe());
        }
        return next();
    }

    SchemaParseException error(String message) {
        return errorAt(cur().offset(), message);
    }

    SchemaParseException errorAt(int offset, String message) {
        return new SchemaParseException(text, offset, message);
    }

    private void tokenize() {
        int i = 0;
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                tokens.add(new Token(Kind.EOF, "", i));
                return;
            }
            char c = text.charAt(i);
            int start = i;
            if (Character.isLetter(c) || c == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, text.substring(start, i), start));
            } else if (Character.isDigit(c)) {
                i = number(i);
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start));
            } else if (c == '"' || c == '\'') {
                try {
                    QuotedString.Decoded d = QuotedString.unquote(text, i);
                    tokens.add(new Token(Kind.STRING, d.value(), start));
                    i = d.end();
                } catch (IllegalArgumentException e) {
                    throw errorAt(start, e.getMessage());
                }
            } else if (text.startsWith("->", i)) {
                tokens.add(new Token(Kind.ARROW, "->", start));
                i += 2;
            } else if (text.startsWith("...", i)) {
                tokens.add(new Token(Kind.DOTS, "...", start));
                i += 3;
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), start));
                i++;
            }
        }
    }

    /** The end of the number starting at {@code i}: digits, an optional fraction, exponent and {@code j}. */
    private int number(int i) {
        i = digits(i);
        if (i < text.length() && text.charAt(i) == '.' && !text.startsWith("...", i)) {
            i = digits(i + 1);
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < text.length() && Character.isDigit(text.charAt(j))) {
                i = digits(j);
            }
        }
        if (i < text.length() && text.charAt(i) == 'j') {
            i++;
        }
        return i;
    }

    private int digits(int i) {
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
