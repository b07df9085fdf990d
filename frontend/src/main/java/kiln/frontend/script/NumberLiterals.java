package kiln.frontend.script;

import java.math.BigInteger;

/**
 * Python number literals: scanning them with Python's rules (decimal, {@code 0x}/{@code 0o}/{@code 0b} integers,
 * single underscores between digits, floats such as {@code 1.}, {@code .5} and {@code 1e-5}, imaginary
 * {@code 2j}) and reading their values.
 */
final class NumberLiterals {
    private final Source source;
    private final String text;
    private final int limit;
    private final int start;
    private int pos;

    private NumberLiterals(Source source, int start, int limit) {
        this.source = source;
        this.text = source.text();
        this.start = start;
        this.pos = start;
        this.limit = limit;
    }

    /** The number literal that starts at {@code start} (a digit, or a dot before a digit). */
    static Token scan(Source source, int start, int limit) {
        return new NumberLiterals(source, start, limit).scan();
    }

    /** The value of an {@link TokenKind#INT} token's text. */
    static BigInteger intValue(String literal) {
        String digits = literal.replace("_", "");
        if (digits.length() > 1 && digits.charAt(0) == '0' && Character.isLetter(digits.charAt(1))) {
            int radix = switch (Character.toLowerCase(digits.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            return new BigInteger(digits.substring(2), radix);
        }
        return new BigInteger(digits);
    }

    /** The value of a {@link TokenKind#FLOAT} token's text, or of an {@link TokenKind#IMAGINARY} one without j. */
    static double floatValue(String literal) {
        String digits = literal.replace("_", "");
        char last = digits.charAt(digits.length() - 1);
        if (last == 'j' || last == 'J') {
            digits = digits.substring(0, digits.length() - 1);
        }
        return Double.parseDouble(digits);
    }

    private Token scan() {
        if (at(0) == '0' && "xXoObB".indexOf(at(1)) >= 0 && at(1) != 0) {
            return prefixed();
        }
        boolean isFloat = false;
        int intEnd = pos;
        if (at(0) != '.') {
            digits(10, "decimal");
            intEnd = pos;
        }
        if (at(0) == '.') {
            isFloat = true;
            pos++;
            if (isDigit(at(0), 10)) {
                digits(10, "decimal");
            }
        }
        char e = at(0);
        if ((e == 'e' || e == 'E') && (isDigit(at(1), 10) || ((at(1) == '+' || at(1) == '-') && isDigit(at(2), 10)))) {
            isFloat = true;
            pos += isDigit(at(1), 10) ? 1 : 2;
            digits(10, "decimal");
        }
        TokenKind kind = isFloat ? TokenKind.FLOAT : TokenKind.INT;
        if (at(0) == 'j' || at(0) == 'J') {
            pos++;
            kind = TokenKind.IMAGINARY;
        }
        if (kind == TokenKind.INT && intEnd - start > 1 && text.charAt(start) == '0'
                && !text.substring(start, intEnd).replace("_", "").matches("0+")) {
            throw error(start, intEnd, "leading zeros in decimal integer literals are not permitted; "
                    + "use an 0o prefix for octal integers");
        }
        rejectTrailingLetters(kind == TokenKind.IMAGINARY ? "imaginary" : "decimal");
        return token(kind);
    }

    private Token prefixed() {
        char p = Character.toLowerCase(at(1));
        int radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        String name = p == 'x' ? "hexadecimal" : p == 'o' ? "octal" : "binary";
        pos += 2;
        if (at(0) == '_') {
            pos++;
        }
        if (!isDigit(at(0), radix)) {
            throw error(start, pos + 1, "invalid " + name + " literal");
        }
        digits(radix, name);
        if (isDigit(at(0), 10)) {
            throw error(pos, pos + 1, "invalid digit '" + at(0) + "' in " + name + " literal");
        }
        rejectTrailingLetters(name);
        return token(TokenKind.INT);
    }

    /** One or more digits of {@code radix}, with single underscores allowed between them. */
    private void digits(int radix, String name) {
        while (true) {
            if (isDigit(at(0), radix)) {
                pos++;
            } else if (at(0) == '_' && isDigit(at(1), radix)) {
                pos++;
            } else if (at(0) == '_') {
                throw error(start, pos + 1, "invalid " + name + " literal");
            } else {
                return;
            }
        }
    }

    private void rejectTrailingLetters(String name) {
        char c = at(0);
        if (c != 0 && (Character.isLetterOrDigit(c) || c == '_')) {
            throw error(start, pos + 1, "invalid " + name + " literal");
        }
    }

    private static boolean isDigit(char c, int radix) {
        return c != 0 && Character.digit(c, radix) >= 0 && c < 128;
    }

    private char at(int ahead) {
        int i = pos + ahead;
        return i < limit ? text.charAt(i) : 0;
    }

    private Token token(TokenKind kind) {
        return new Token(kind, text.substring(start, pos), new SourceRange(source, start, pos));
    }

    private ScriptSyntaxError error(int from, int to, String message) {
        return new ScriptSyntaxError(new SourceRange(source, from, Math.min(to, limit)), message);
    }
}
