package kiln.dialects.torch;

/** A position in graph text with the small lexing steps the parser needs, and positioned errors. */
final class TextCursor {
    final String text;
    final String file;
    int pos;

    TextCursor(String text, String file, int pos) {
        this.text = text;
        this.file = file;
        this.pos = pos;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    boolean startsWith(String s) {
        return text.startsWith(s, pos);
    }

    /** True when the word {@code w} starts here and is not the prefix of a longer identifier. */
    boolean atWord(String w) {
        return startsWith(w) && (pos + w.length() >= text.length() || !isIdentChar(text.charAt(pos + w.length())));
    }

    void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** Skips white space, newlines and {@code #} comments. */
    void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '#') {
                skipToEndOfLine();
            } else {
                return;
            }
        }
    }

    void skipToEndOfLine() {
        int nl = text.indexOf('\n', pos);
        pos = nl < 0 ? text.length() : nl;
    }

    void expect(char c) {
        skipSpacesAndNewlines();
        if (peek() != c) {
            throw error("expected '" + c + "' but found " + describeHere());
        }
        pos++;
    }

    void expect(String s) {
        skipSpacesAndNewlines();
        if (!startsWith(s)) {
            throw error("expected '" + s + "' but found " + describeHere());
        }
        pos += s.length();
    }

    boolean consume(char c) {
        skipSpacesAndNewlines();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    void skipSpacesAndNewlines() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Reads {@code [A-Za-z0-9_.]+}, the characters of a value name. */
    String valueName() {
        int start = pos;
        while (pos < text.length() && (isIdentChar(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a value name after '%'");
        }
        return text.substring(start, pos);
    }

    /** Reads an op name such as {@code aten::add} or {@code prim::TensorExprGroup_0}. */
    String opName() {
        skipSpacesAndNewlines();
        int start = pos;
        while (pos < text.length() && (isIdentChar(text.charAt(pos)) || text.charAt(pos) == ':'
                || text.charAt(pos) == '.')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (!name.contains("::")) {
            pos = start;
            throw error("expected an op name like 'aten::add' but found " + describeHere());
        }
        return name;
    }

    String describeHere() {
        if (atEnd()) {
            return "end of input";
        }
        int end = pos;
        while (end < text.length() && end - pos < 20 && text.charAt(end) != '\n') {
            end++;
        }
        return end == pos ? "end of line" : "'" + text.substring(pos, end) + "'";
    }

    GraphParseException error(String message) {
        return errorAt(pos, message);
    }

    GraphParseException errorAt(int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = text.indexOf('\n', lineStart);
        String src = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        return new GraphParseException(file, line, offset - lineStart + 1, message, src);
    }
}
