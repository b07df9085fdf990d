package kiln.dialects.ir.text;

/** A syntax or name error in IR text, positioned as {@code file:line:col}, with the offending line of input. */
public class ParseException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String sourceLine;

    public ParseException(String file, int line, int column, String message, String sourceLine) {
        super(file + ":" + line + ":" + column + ": error: " + message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.sourceLine = sourceLine;
    }

    /** An error at {@code offset} of {@code text}. */
    public static ParseException at(String text, String file, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(Math.max(offset, 0), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int eol = text.indexOf('\n', lineStart);
        String source = text.substring(lineStart, eol < 0 ? text.length() : eol);
        return new ParseException(file, line, end - lineStart + 1, message, source);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The offending line of input, for showing under the message. */
    public String sourceLine() {
        return sourceLine;
    }
}
