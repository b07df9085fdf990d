package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code lower ops} reads the target's own list of kernels; docs/operators.md must be its current output. */
class OpsCommandTest {

    @Test
    void listsWhatTheTargetImplements() {
        CliErrorsTest.Result r = CliErrorsTest.run("ops");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("target interp implements "), r.out());
        assertTrue(r.out().matches("(?s).*\\n  aten::add +[^\\n]*\\bTensor\\b.*"), r.out());
    }

    @Test
    void theOperatorsPageIsGeneratedFromTheImplementation() throws Exception {
        CliErrorsTest.Result r = CliErrorsTest.run("ops", "--markdown");
        assertEquals(0, r.code(), r.err());
        Path page = Path.of("..", "docs", "operators.md");
        assertEquals(r.out(), Files.readString(page),
                "docs/operators.md is out of date: run `bin/lower ops --markdown > docs/operators.md`");
    }
}
