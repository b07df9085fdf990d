package kiln.lowering.conversion;

import java.util.List;
import java.util.stream.Collectors;
import kiln.dialects.ir.Diagnostic;

/** A conversion that failed: its diagnostics, one line each ({@code file:line:col: error: …}). */
public final class ConversionException extends RuntimeException {
    private final transient List<Diagnostic> diagnostics;

    public ConversionException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
