package kiln.dialects.filecheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shorthands for the FileCheck tests: run a check text over an input and expect it to pass or fail. */
final class Checks {
    /** A small TorchScript graph, as the printer writes it. */
    static final String GRAPH = """
            graph(%a : Tensor):
              %1 : int = prim::Constant[value=1]()
              %2 : Tensor = aten::add(%a, %a, %1)
              %3 : Tensor = aten::mul(%2, %2)
              return (%3)
            """;

    private Checks() {
    }

    /** Asserts that {@code input} satisfies {@code checkText}. */
    static void passes(String checkText, String input) {
        FileCheck.parse(checkText).match(input).assertPassed();
    }

    /** Asserts that {@code input} does not satisfy {@code checkText}; returns all error text, joined. */
    static String fails(String checkText, String input) {
        return fails(FileCheck.parse(checkText), input);
    }

    /** Asserts that {@code input} fails {@code checkText} with errors containing every one of {@code expected}. */
    static String failsWith(String checkText, String input, String... expected) {
        String errors = fails(checkText, input);
        for (String fragment : expected) {
            assertTrue(errors.contains(fragment), () -> "expected <" + fragment + "> in:\n" + errors);
        }
        return errors;
    }

    static String fails(FileCheck check, String input) {
        FileCheckResult result = check.match(input);
        assertFalse(result.passed(), "expected FileCheck to fail on:\n" + input);
        assertTrue(!result.errors().isEmpty(), "a failed result has errors");
        return String.join("\n\n", result.errors());
    }
}
