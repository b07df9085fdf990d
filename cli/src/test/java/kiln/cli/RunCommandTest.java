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

    @Test
    void argumentsAsTorchScriptExpressions() {
        Path models = Fixtures.models();
        CliErrorsTest.Result r = CliErrorsTest.run("run", models.resolve("mlp.pt").toString(), "--arg",
                "torch.zeros(2, 32)");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().endsWith("[ CPUFloatType{2,10} ]\n"), r.out());
    }

    @Test
    void wrongNumberOfInputsIsOneLine() {
        Path models = Fixtures.models();
        CliErrorsTest.Result r = CliErrorsTest.run("run", models.resolve("mlp.pt").toString());
        assertEquals(1, r.code());
        assertEquals("lower: forward() is missing value for argument 'x'. Declared signature: forward(Tensor x) -> "
                + "Tensor\n", r.err(), "PyTorch's message for a call that misses an argument");
    }

    @Test
    void aShapeErrorNamesTheOpAndTheSourceLine() {
        Path models = Fixtures.models();
        CliErrorsTest.Result r = CliErrorsTest.run("run", models.resolve("mlp.pt").toString(), "--arg",
                "torch.zeros(2, 3)");
        assertEquals(1, r.code());
        assertTrue(r.err().matches("lower: RuntimeError: mat1 and mat2 shapes cannot be multiplied \\(2x3 and 32x64\\) "
                + "\\(in aten::linear at .*:\\d+:\\d+\\)\n"), r.err());
    }

    @Test
    void modulesWithSetStateAreRestoredByRunningIt() {
        // written by tools/gen-setstate-archive.py: Scaler.__setstate__ doubles the pickled scale and sets restored
        Path dir = Path.of("src", "test", "resources", "kiln", "cli", "run");
        CliErrorsTest.Result r = CliErrorsTest.run("run", dir.resolve("setstate.pt").toString(), "--inputs",
                dir.resolve("setstate.io.pt").toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().startsWith("case 0 forward -> ( 12.5000\n  2.5000\n"), r.out());
        assertTrue(r.out().endsWith("2 case(s) run\n"), r.out());
    }
}
