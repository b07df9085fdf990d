package kiln.dialects.ir;

import java.util.Map;

/**
 * One problem with IR (from the verifier, a pass or a conversion), printed as
 * {@code file:line:col: error: 'op' op message}, or {@code file:line:col: error: message} when it names no op.
 *
 * @param op     the operation it concerns, or null
 * @param opName the name to show for the op, or null to show none
 */
public record Diagnostic(Operation op, Location location, String opName, String message) {
    /** A diagnostic about {@code op}, at its location. */
    public static Diagnostic of(Operation op, String message) {
        return new Diagnostic(op, op.location(), op.name(), message);
    }

    /** A diagnostic at {@code op}'s location that does not prefix the op's name ({@code failed to legalize …}). */
    public static Diagnostic at(Operation op, String message) {
        return new Diagnostic(op, op.location(), null, message);
    }

    /**
     * This diagnostic placed where its op stood in the text it was read from, when the op carries no source location
     * of its own ({@code positions} maps ops to their place in the text).
     */
    public Diagnostic locatedBy(Map<Operation, Location> positions) {
        if (location instanceof Location.FileLineCol || op == null || !positions.containsKey(op)) {
            return this;
        }
        return new Diagnostic(op, positions.get(op), opName, message);
    }

    @Override
    public String toString() {
        String where = location instanceof Location.FileLineCol ? location + ": " : "";
        return where + "error: " + (opName == null ? "" : "'" + opName + "' op ") + message;
    }
}
