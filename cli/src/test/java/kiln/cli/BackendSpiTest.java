package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kiln.cli.spi.CountingBackend;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Backends;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** A backend added on the class path alone (this test's {@link CountingBackend}) is a target like the built-in one. */
class BackendSpiTest {

    @Test
    void theInterpreterAndAClassPathBackendAreFound() {
        List<String> names = Backends.available().stream().map(Backend::name).toList();
        assertEquals("interp", names.getFirst(), "the default target comes first");
        assertTrue(names.contains("counting"), names.toString());
        Backend interp = Backends.named("interp");
        assertEquals(java.util.Set.of("torch"), interp.inputDialects(), "the interpreter runs the torch dialect");
        assertEquals("", interp.loweringPipeline(), "as the frontend leaves it");
        assertEquals(interp.inputDialects(), Backends.named("counting").inputDialects());
        assertTrue(interp.capabilities().supports("aten::add.Tensor"));
        assertTrue(interp.capabilities().devices().contains("cpu"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.named("tpu"));
        assertTrue(e.getMessage().startsWith("unknown target 'tpu' (available: interp, "), e.getMessage());
    }

    @Test
    void helpListsTargets() {
        CliErrorsTest.Result r = CliErrorsTest.run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Targets (--target)"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  interp +the reference interpreter \\(CPU\\): every op with a "
                + "kernel\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  counting +a test backend.*"), r.out());
    }

    @Test
    void runOnAClassPathBackend() {
        Path models = Fixtures.models();
        int before = CountingBackend.CALLS.get();
        CliErrorsTest.Result r = CliErrorsTest.run("run", models.resolve("mlp.pt").toString(), "--inputs",
                models.resolve("mlp.io.pt").toString(), "--target", "counting");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("matches the recorded output"), r.out());
        assertTrue(CountingBackend.COMPILED.get() > 0);
        assertTrue(CountingBackend.CALLS.get() > before, "the cases ran through the counting backend");
    }
}
