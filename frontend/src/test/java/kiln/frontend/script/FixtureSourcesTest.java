package kiln.frontend.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kiln.frontend.archive.TorchArchive;
import kiln.frontend.archive.OpCaseFiles;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every TorchScript source in the fixtures parses and round-trips through {@link ScriptPrinter}: the
 * {@code code/**.py} files PyTorch wrote into the model (and benchmark) archives, and the {@code src} of every
 * operator case.
 */
class FixtureSourcesTest {

    @Test
    void everyArchiveSourceFileParsesAndRoundTrips() throws IOException {
        List<Path> archives = new ArrayList<>(Fixtures.list(Fixtures.models(), ".pt"));
        archives.removeIf(f -> f.getFileName().toString().endsWith(".io.pt"));
        assertEquals(20, archives.size(), "model archives");
        Path bench = Fixtures.root().resolve("bench");
        if (Files.isDirectory(bench)) {
            archives.addAll(Fixtures.list(bench, ".pt"));
        }
        int files = 0;
        int definitions = 0;
        List<String> failures = new ArrayList<>();
        for (Path archive : archives) {
            try (TorchArchive a = TorchArchive.open(archive)) {
                for (Map.Entry<String, String> code : a.code().entrySet()) {
                    String where = archive.getFileName() + "!" + code.getKey();
                    try {
                        Module m = RoundTrip.check(code.getValue(), where);
                        assertFalse(m.body().isEmpty(), where);
                        definitions += m.body().size();
                        files++;
                    } catch (ScriptSyntaxError | AssertionError e) {
                        failures.add(e.getMessage());
                    }
                }
            }
        }
        System.out.printf("parsed and round-tripped %d code files (%d top-level definitions) from %d archives%n",
                files, definitions, archives.size());
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first:\n"
                + String.join("\n\n", failures.subList(0, Math.min(3, failures.size()))));
        assertTrue(files >= 211, "code files: " + files);
    }

    @Test
    void everyOperatorCaseSourceParsesAndRoundTrips() throws Exception {
        List<Path> files = OpCaseFiles.files(Fixtures.ops());
        int[] cases = {0};
        List<String> failures = new ArrayList<>();
        OpCaseFiles.forEach(Fixtures.ops(), c -> {
            try {
                Module m = RoundTrip.check(c.string("src"), c.id());
                Stmt.FunctionDef def = assertInstanceOf(Stmt.FunctionDef.class, m.body().getFirst(), c.id());
                assertEquals(c.string("fn"), def.name().name(), c.id());
                cases[0]++;
            } catch (ScriptSyntaxError | AssertionError e) {
                failures.add(e.getMessage());
            }
        });
        System.out.printf("parsed and round-tripped %d operator-case sources from %d files%n", cases[0], files.size());
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first:\n"
                + String.join("\n\n", failures.subList(0, Math.min(3, failures.size()))));
        assertEquals(1544, cases[0]);
    }
}
