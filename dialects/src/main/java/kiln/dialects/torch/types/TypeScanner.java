package kiln.dialects.torch.types;

/**
 * Character-level reading for {@link TorchTypeParser}: whitespace, punctuation, identifiers, dotted names and
 * integers, with the offset of every problem. "Adjacent" reads do not skip whitespace first; graph dumps print
 * tensor refinements and the {@code []} and {@code ?} suffixes with no space before them.
 */
final class TypeScanner {
    private final String text;
    private int pos;
    private int lastEnd;

    TypeScanner(String text, int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new TypeParseException(offset, "offset outside the text (length " + text.length() + ")");
        }
        this.text = text;
        this.pos = offset;
        this.lastEnd = offset;
    }

    /** Offset just past the last character consumed. */
    int lastEnd() {
        return lastEnd;
    }

    /** Offset of the next non-blank character. */
    int position() {
        skipBlanks();
        return pos;
    }

    boolean atEnd() {
        skipBlanks();
        return pos >= text.length();
    }

    /** The next non-blank character, or 0 at the end. */
    char peek() {
        skipBlanks();
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    /** The character right after the last one consumed, or 0 at the end. */
    char peekAdjacent() {
        return lastEnd < text.length() ? text.charAt(lastEnd) : 0;
    }

    /** Whether {@code s} follows the last consumed character directly. */
    boolean adjacent(String s) {
        return text.startsWith(s, lastEnd);
    }

    /** Consume {@code s} if it follows the last consumed character directly. */
    boolean consumeAdjacent(String s) {
        if (!adjacent(s)) {
            return false;
        }
        pos = lastEnd + s.length();
        lastEnd = pos;
        return true;
    }

    /** Consume {@code c} if it is the next non-blank character. */
    boolean consume(char c) {
        if (peek() != c) {
            return false;
        }
        pos++;
        lastEnd = pos;
        return true;
    }

    void expect(char c, String context) {
        if (!consume(c)) {
            throw error("expected '" + c + "' " + context + ", found " + describeNext());
        }
    }

    boolean atIdentifier() {
        char c = peek();
        return Character.isLetter(c) || c == '_';
    }

    /** An identifier: a letter or underscore, then letters, digits and underscores. */
    String identifier(String what) {
        if (!atIdentifier()) {
            throw error("expected " + what + ", found " + describeNext());
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        lastEnd = pos;
        return text.substring(start, pos);
    }

    /** Identifiers joined by '.' with no blanks: {@code __torch__.foo.Bar}. */
    String dottedName(String what) {
        StringBuilder name = new StringBuilder(identifier(what));
        while (adjacent(".") && lastEnd + 1 < text.length() && isIdentifierStart(text.charAt(lastEnd + 1))) {
            consumeAdjacent(".");
            name.append('.').append(identifier("a name after '.'"));
        }
        return name.toString();
    }

    /** A non-negative decimal integer. */
    long number(String what) {
        skipBlanks();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected " + what + ", found " + describeNext());
        }
        lastEnd = pos;
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new TypeParseException(start, what + " out of range: " + text.substring(start, pos));
        }
    }

    TypeParseException error(String message) {
        return new TypeParseException(position(), message);
    }

    TypeParseException errorAt(int offset, String message) {
        return new TypeParseException(offset, message);
    }

    /** The next token, quoted, for messages. */
    String describeNext() {
        skipBlanks();
        if (pos >= text.length()) {
            return "end of text";
        }
        int end = pos + 1;
        if (isIdentifierStart(text.charAt(pos))) {
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
        }
        return "'" + text.substring(pos, end) + "'";
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
