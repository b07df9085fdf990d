package kiln.dialects.torch;

/** A syntax or name error in graph text, positioned as {@code file:line:col}. */
public final class GraphParseException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String sourceLine;

    public GraphParseException(String file, int line, int column, String message, String sourceLine) {
        super(file + ":" + line + ":" + column + ": error: " + message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.sourceLine = sourceLine;
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
