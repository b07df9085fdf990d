package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** {@code lower run} runs archives on the reference interpreter and checks recorded outputs. */
class RunCommandTest {

    @Test
    void runsRecordedCasesAndReportsTheyMatch() {
        Path models = Fixtures.models();
        CliErrorsTest.Result r = CliErrorsTest.run("run", models.resolve("my_module_state.pt").toString(),
                "--inputs", models.resolve("my_module_state.io.pt").toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("matches the recorded output"), r.out());
        assertTrue(!r.out().contains("differs"), r.out());
    }

    @Test
    void exportedMethodsRunByName() {
        Path models = Fixtures.models();
        CliErrorsTest.Result r = CliErrorsTest.run("run", models.resolve("with_export.pt").toString(),
                "--inputs", models.resolve("with_export.io.pt").toString(), "--method", "predict");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("predict -> "), r.out());
    }

    @Test
    void unknownTargetIsAnError() {
        Path models = Fixtures.models();
        CliErrorsTest.Result r = CliErrorsTest.run("run", models.resolve("mlp.pt").toString(), "--inputs",
                models.resolve("mlp.io.pt").toString(), "--target", "gpu");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown target 'gpu' (available: interp"), r.err());
    }
}
