package kiln.dialects.ir;

import java.util.List;

/** Thrown by {@link Verifier#verifyOrThrow} with every problem found; the message is the first one. */
public final class VerificationException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public VerificationException(List<Diagnostic> diagnostics) {
        super(diagnostics.getFirst().toString()
                + (diagnostics.size() > 1 ? " (and " + (diagnostics.size() - 1) + " more)" : ""));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
