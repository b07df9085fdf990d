package kiln.lowering;

import java.util.List;
import kiln.dialects.ir.Diagnostic;

/**
 * A pass could not do its job (MLIR's {@code signalPassFailure}): a full conversion left illegal ops, a pipeline
 * did not converge when asked to. Each diagnostic is one located line; the message is the first.
 */
public final class PassFailure extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public PassFailure(String pass, List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "pass '" + pass + "' failed" : diagnostics.getFirst().toString());
        if (diagnostics.isEmpty()) {
            diagnostics = List.of(new Diagnostic(null, kiln.dialects.ir.Location.UNKNOWN, null,
                    "pass '" + pass + "' failed"));
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    public PassFailure(String pass, String message) {
        this(pass, List.of(new Diagnostic(null, kiln.dialects.ir.Location.UNKNOWN, null, message)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
