package kiln.frontend.script;

import java.util.Locale;

/**
 * Python string literals: single, double and triple quoted, with a prefix ({@code r}, {@code u}; {@code f} and
 * {@code b} are refused), decoded with Python's escapes ({@code \n}, {@code \x41}, {@code \u00e9},
 * {@code \N{name}}, octal, line continuation). Unknown escapes keep their backslash, as in Python.
 */
final class StringLiterals {
    private final Source source;
    private final String text;
    private final int limit;
    private final int start;
    private final boolean raw;
    private int pos;

    private StringLiterals(Source source, int start, int quote, int limit, boolean raw) {
        this.source = source;
        this.text = source.text();
        this.start = start;
        this.pos = quote;
        this.limit = limit;
        this.raw = raw;
    }

    /** Whether {@code prefix} (the letters before a quote) is a string prefix, such as {@code r} or {@code rb}. */
    static boolean isPrefix(String prefix) {
        return switch (prefix.toLowerCase(Locale.ROOT)) {
            case "r", "u", "b", "br", "rb", "f", "fr", "rf" -> true;
            default -> false;
        };
    }

    /**
     * The string literal that starts at {@code start}: {@code quote} is where its opening quote is (after any
     * prefix). The token's text is the decoded value.
     */
    static Token scan(Source source, int start, int quote, int limit) {
        String prefix = source.text().substring(start, quote).toLowerCase(Locale.ROOT);
        if (prefix.contains("f")) {
            throw new ScriptSyntaxError(new SourceRange(source, start, quote + 1),
                    "f-strings are not supported in TorchScript; use str.format() or '+'");
        }
        if (prefix.contains("b")) {
            throw new ScriptSyntaxError(new SourceRange(source, start, quote + 1),
                    "bytes literals are not supported in TorchScript");
        }
        return new StringLiterals(source, start, quote, limit, prefix.contains("r")).scan();
    }

    private Token scan() {
        char quote = text.charAt(pos);
        boolean triple = at(1) == quote && at(2) == quote;
        pos += triple ? 3 : 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= limit || (!triple && (at(0) == '\n' || at(0) == '\r'))) {
                throw new ScriptSyntaxError(new SourceRange(source, start, Math.min(pos, limit)),
                        triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
            }
            char c = at(0);
            if (c == quote && (!triple || (at(1) == quote && at(2) == quote))) {
                pos += triple ? 3 : 1;
                return new Token(TokenKind.STRING, value.toString(), new SourceRange(source, start, pos));
            }
            if (c == '\\' && pos + 1 < limit) {
                if (raw) {
                    value.append(c).append(at(1));
                    pos += 2;
                } else {
                    escape(value);
                }
            } else if (c == '\r' && at(1) == '\n') {
                pos++;
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** Decodes the escape sequence at {@code pos} (a backslash) into {@code value}. */
    private void escape(StringBuilder value) {
        int begin = pos;
        char c = at(1);
        pos += 2;
        switch (c) {
            case '\n' -> { }
            case '\r' -> pos += at(0) == '\n' ? 1 : 0;
            case '\\', '\'', '"' -> value.append(c);
            case 'a' -> value.append('\u0007');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'v' -> value.append('\u000b');
            case 'x' -> value.appendCodePoint(hex(begin, 2, "\\xXX"));
            case 'u' -> value.appendCodePoint(hex(begin, 4, "\\uXXXX"));
            case 'U' -> value.appendCodePoint(hex(begin, 8, "\\UXXXXXXXX"));
            case 'N' -> value.appendCodePoint(named(begin));
            default -> {
                if (c >= '0' && c <= '7') {
                    int code = c - '0';
                    for (int i = 0; i < 2 && at(0) >= '0' && at(0) <= '7'; i++) {
                        code = code * 8 + (at(0) - '0');
                        pos++;
                    }
                    value.append((char) code);
                } else {
                    value.append('\\').append(c);
                }
            }
        }
    }

    private int hex(int begin, int count, String form) {
        int code = 0;
        for (int i = 0; i < count; i++) {
            int digit = Character.digit(at(0), 16);
            if (digit < 0 || at(0) > 127) {
                throw new ScriptSyntaxError(new SourceRange(source, begin, Math.min(pos + 1, limit)),
                        "truncated " + form + " escape");
            }
            code = code * 16 + digit;
            pos++;
        }
        if (!Character.isValidCodePoint(code)) {
            throw new ScriptSyntaxError(new SourceRange(source, begin, pos), "illegal Unicode character in escape");
        }
        return code;
    }

    private int named(int begin) {
        int close = text.indexOf('}', pos);
        if (at(0) != '{' || close < 0 || close >= limit || text.substring(pos, close).indexOf('\n') >= 0) {
            throw new ScriptSyntaxError(new SourceRange(source, begin, pos), "malformed \\N character escape");
        }
        String name = text.substring(pos + 1, close);
        pos = close + 1;
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw new ScriptSyntaxError(new SourceRange(source, begin, pos), "unknown Unicode character name");
        }
    }

    private char at(int ahead) {
        int i = pos + ahead;
        return i < limit ? text.charAt(i) : 0;
    }

    /** Python source for {@code value}: double quotes unless it holds a double quote and no single quote. */
    static String quote(String value) {
        char q = value.indexOf('"') >= 0 && value.indexOf('\'') < 0 ? '\'' : '"';
        StringBuilder out = new StringBuilder(value.length() + 2).append(q);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == q) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else if (Character.isSurrogate(c) && !validPair(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(q).toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
