package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder or missing file where a file is wanted (and the reverse) is one line naming it; the help lists every command. */
class CommandLinePathsTest {
    @TempDir
    Path dir;

    private void assertError(String expected, String... args) {
        CliErrorsTest.Result r = CliErrorsTest.run(args);
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("lower: " + expected + "\n", r.err());
    }

    @Test
    void aFolderWhereAFileIsWanted() throws IOException {
        assertError(dir + ": is a folder, not a file", "run", dir.toString(), "--arg", "1");
        assertError(dir + ": is a folder, not a file", "inspect", dir.toString());
        assertError(dir + ": is a folder, not a file", "opt", dir.toString());
        assertError(dir + ": is a folder, not a file", "parse", dir.toString());
        Path model = Files.writeString(dir.resolve("m.pt"), "not a zip");
        assertError(dir + ": is a folder, not a file", "run", model.toString(), "--inputs", dir.toString());
    }

    @Test
    void aFileWhereAFolderIsWanted() throws IOException {
        Path file = Files.writeString(dir.resolve("cases.txt"), "x");
        assertError(file + ": is a file, not a folder", "conformance", file.toString());
        assertError(dir.resolve("nope") + ": no such folder", "conformance", dir.resolve("nope").toString());
        assertError(dir.resolve("nope.pt") + ": no such file", "run", dir.resolve("nope.pt").toString());
    }

    @Test
    void benchAndJmhAreInTheHelpAndPointToTheBenchModule() {
        CliErrorsTest.Result help = CliErrorsTest.run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("\n  bench "), help.out());
        assertTrue(help.out().contains("\n  jmh "), help.out());
        assertError("lower bench runs from the bench module (libtorch, ONNX Runtime), which this class path does not "
                + "hold: run it as bin/lower bench mlp_b4096", "bench", "mlp_b4096");
    }
}
