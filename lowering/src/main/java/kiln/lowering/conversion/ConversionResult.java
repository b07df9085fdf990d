package kiln.lowering.conversion;

import java.util.List;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;

/**
 * What a dialect conversion did: the ops patterns converted, the ops it left that the target does not accept
 * (illegal ones in a partial conversion; illegal and unknown ones in a full one), and for a full conversion one
 * located diagnostic per op left.
 *
 * @param converted   each op a pattern rewrote, in the order rewritten
 * @param left        the ops still there that the target wanted gone, in program order
 * @param diagnostics why a full conversion failed; empty when it succeeded, and for a partial conversion
 */
public record ConversionResult(List<Converted> converted, List<Operation> left, List<Diagnostic> diagnostics) {
    public ConversionResult {
        converted = List.copyOf(converted);
        left = List.copyOf(left);
        diagnostics = List.copyOf(diagnostics);
    }

    /** One op a pattern rewrote: its name and location (the op itself is usually gone), and the pattern. */
    public record Converted(String opName, Location location, String pattern) {
    }

    public boolean succeeded() {
        return diagnostics.isEmpty();
    }
}
