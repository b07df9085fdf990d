package kiln.frontend.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Parses source, prints it, parses the print and checks that the two trees and the two prints agree. */
final class RoundTrip {
    private RoundTrip() {
    }

    /** The module parsed from {@code source}, after checking that it round-trips through the printer. */
    static Module check(String source, String file) {
        Module parsed = ScriptParser.parse(source, file);
        String printed = ScriptPrinter.print(parsed);
        Module reparsed;
        try {
            reparsed = ScriptParser.parse(printed, file);
        } catch (ScriptSyntaxError e) {
            throw new AssertionError("printed source does not parse: " + e.getMessage() + "\n" + printed, e);
        }
        assertNull(AstEquality.firstDifference(parsed, reparsed), () -> file + ": parse(print(ast)) differs\n"
                + printed);
        assertEquals(printed, ScriptPrinter.print(reparsed), file + ": printing is not idempotent");
        return parsed;
    }
}
