package kiln.dialects.filecheck;

import java.util.List;

/**
 * The outcome of {@link FileCheck#match(String)}.
 *
 * @param passed whether every directive was satisfied
 * @param errors one readable message per failure: the error and the failing directive's check line, notes that
 *               point at input lines (e.g. {@code input:3: note: scanning from here}) and a numbered excerpt of the
 *               input around them; empty when {@code passed}
 */
public record FileCheckResult(boolean passed, List<String> errors) {
    public FileCheckResult {
        errors = List.copyOf(errors);
    }

    /**
     * Does nothing when the check passed.
     *
     * @throws AssertionError with every error, each with its excerpt of the input, when it failed
     */
    public void assertPassed() {
        if (passed) {
            return;
        }
        int count = errors.size();
        String header = "FileCheck failed with " + count + (count == 1 ? " error" : " errors") + ":\n\n";
        throw new AssertionError(header + String.join("\n\n", errors));
    }
}
