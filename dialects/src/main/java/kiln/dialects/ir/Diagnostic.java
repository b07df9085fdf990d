package kiln.dialects.ir;

/**
 * One verification problem, printed as {@code file:line:col: error: 'op' op message}.
 *
 * @param op the operation it concerns, or null
 */
public record Diagnostic(Operation op, Location location, String opName, String message) {
    @Override
    public String toString() {
        String where = location instanceof Location.FileLineCol ? location + ": " : "";
        return where + "error: " + (opName == null ? "" : "'" + opName + "' op ") + message;
    }
}
