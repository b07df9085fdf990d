package kiln.dialects.torch;

/** A syntax or name error in graph text, positioned as {@code file:line:col}. */
public final class GraphParseException extends kiln.dialects.ir.text.ParseException {
    public GraphParseException(String file, int line, int column, String message, String sourceLine) {
        super(file, line, column, message, sourceLine);
    }
}
