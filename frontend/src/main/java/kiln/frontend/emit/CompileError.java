package kiln.frontend.emit;

import kiln.frontend.script.SourceRange;

/**
 * A TorchScript type or name error, pointing at the source as PyTorch does: the first line is
 * {@code file:line:col: error: message}, then the offending line with a caret under the range.
 */
public final class CompileError extends RuntimeException {
    private final transient SourceRange range;
    private final String reason;

    public CompileError(SourceRange range, String reason) {
        super(format(range, reason));
        this.range = range;
        this.reason = reason;
    }

    private static String format(SourceRange range, String reason) {
        if (range == null) {
            return "error: " + reason;
        }
        return oneLine(range, reason) + "\n" + range.highlight();
    }

    private static String oneLine(SourceRange range, String reason) {
        return range.file() + ":" + range.startLine() + ":" + range.startColumn() + ": error: " + reason;
    }

    public SourceRange range() {
        return range;
    }

    public String reason() {
        return reason;
    }

    /** {@code file:line:col: error: message}, for one-line reports. */
    public String oneLine() {
        return range == null ? "error: " + reason : oneLine(range, reason);
    }
}
