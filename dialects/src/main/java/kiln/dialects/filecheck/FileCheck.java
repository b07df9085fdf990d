package kiln.dialects.filecheck;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An LLVM-style FileCheck: directives read from a check text, matched against the text a test produced.
 *
 * <pre>{@code
 * FileCheck.parse("""
 *     // CHECK-LABEL: graph(
 *     // CHECK: %[[SUM:.*]] = aten::add
 *     // CHECK-NEXT: return (%[[SUM]])
 *     """).match(printedGraph).assertPassed();
 * }</pre>
 *
 * <p>Supported directives: {@code CHECK:}, {@code CHECK-NEXT:}, {@code CHECK-SAME:}, {@code CHECK-NOT:},
 * {@code CHECK-DAG:}, {@code CHECK-LABEL:}, {@code CHECK-EMPTY:} and {@code CHECK-COUNT-N:}, each optionally with
 * the {@code {LITERAL}} modifier, with LLVM's semantics. A directive may stand anywhere on a line (after
 * {@code //}, {@code #}, ...); {@code COM:} and {@code RUN:} lines are comments. Patterns are literal text with
 * runs of spaces and tabs compared as one space, {@code {{regex}}} blocks (Java regexes that, like LLVM's, do not
 * match across lines unless they name {@code \n}), {@code [[NAME:regex]]} captures and {@code [[NAME]]} uses.
 * Variables are local to a CHECK-LABEL block unless their name starts with {@code $}.
 *
 * <p>Instances are immutable and may be reused and shared between threads.
 */
public final class FileCheck {
    private final List<CheckStep> steps;

    private FileCheck(List<CheckStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Reads the directives of {@code checkText}.
     *
     * @param checkText the check file's text
     * @param prefix    the check prefix, e.g. {@code "CHECK"} or {@code "INLINED"}; several may be given separated
     *                  by commas ({@code "CHECK,INLINED"}), as with LLVM's {@code --check-prefixes}; null means
     *                  {@code "CHECK"}
     * @throws IllegalArgumentException when the check text is malformed (an empty pattern, a bad regex, a misspelled
     *                                  directive, no directive with the prefix, ...); the message names the line
     */
    public static FileCheck parse(String checkText, String prefix) {
        Objects.requireNonNull(checkText, "checkText");
        List<String> prefixes = prefix == null ? List.of("CHECK")
                : Arrays.stream(prefix.split(",", -1)).map(String::strip).toList();
        return new FileCheck(DirectiveParser.parse(checkText, prefixes));
    }

    /** Reads the directives of {@code checkText} with the prefix {@code CHECK}. */
    public static FileCheck parse(String checkText) {
        return parse(checkText, "CHECK");
    }

    /** Checks {@code input} against the directives; the result lists every failure found. */
    public FileCheckResult match(String input) {
        Objects.requireNonNull(input, "input");
        List<Diagnostic> diagnostics = new InputMatcher(Whitespace.canonicalize(input)).run(steps);
        ErrorReport report = new ErrorReport(input);
        return new FileCheckResult(diagnostics.isEmpty(), diagnostics.stream().map(report::render).toList());
    }
}
