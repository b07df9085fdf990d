package kiln.frontend.script;

/**
 * TorchScript source that cannot be read, or that uses Python the TorchScript language does not have. The message
 * is {@code file:line:col: error: reason}, then the source line and a caret line under the offending text.
 */
public final class ScriptSyntaxError extends RuntimeException {
    private final SourceRange range;
    private final String reason;

    public ScriptSyntaxError(SourceRange range, String reason) {
        super(position(range) + reason + "\n" + range.highlight());
        this.range = range;
        this.reason = reason;
    }

    public SourceRange range() {
        return range;
    }

    /** The message without position or source line. */
    public String reason() {
        return reason;
    }

    /** {@code file:line:col: error: reason}, the first line of {@link #getMessage()}. */
    public String oneLine() {
        return position(range) + reason;
    }

    private static String position(SourceRange range) {
        return range.file() + ":" + range.startLine() + ":" + range.startColumn() + ": error: ";
    }
}
