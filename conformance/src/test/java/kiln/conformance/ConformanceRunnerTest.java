package kiln.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kiln.conformance.CaseResult.Status;
import kiln.runtime.backend.Backends;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on a folder of its own: a model, an op file, and a file that is not what it claims to be. */
class ConformanceRunnerTest {
    @TempDir
    Path dir;

    private Path folder() throws Exception {
        Path fixtures = Fixtures.root();
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("ops"));
        for (String f : List.of("mlp.pt", "mlp.io.pt")) {
            Files.createSymbolicLink(dir.resolve("models").resolve(f), fixtures.resolve("models").resolve(f)
                    .toAbsolutePath());
        }
        Files.createSymbolicLink(dir.resolve("ops/add.pt"), fixtures.resolve("ops/add.pt").toAbsolutePath());
        Files.write(dir.resolve("ops/broken.pt"), new byte[] {'P', 'K', 3, 4, 0, 0, 7});
        return dir;
    }

    private static ConformanceReport run(Path dir, ExpectedFailures expected, List<String> filters)
            throws Exception {
        StringWriter progress = new StringWriter();
        return new ConformanceRunner(Backends.named("interp"), expected, 60)
                .run(dir, CaseFilter.globs(filters), Progress.to(new PrintWriter(progress), false));
    }

    @Test
    void judgesEveryCaseAndReportsBrokenFilesAsErrors() throws Exception {
        Path d = folder();
        Path xf = dir.resolve("xf.txt");
        Files.writeString(xf, "# comment\nops/add#0  # pretend it fails\nops/broken  # not a zip\n");
        ConformanceReport r = run(d, ExpectedFailures.read(xf), List.of());
        Map<String, Status> status = r.results().stream()
                .collect(Collectors.toMap(CaseResult::id, CaseResult::status));
        assertEquals(Status.PASSED, status.get("models/mlp#0"));
        assertEquals(Status.UNEXPECTED_PASS, status.get("ops/add#0"));
        assertEquals(Status.PASSED, status.get("ops/add#1"));
        assertEquals(Status.EXPECTED_FAILURE, status.get("ops/broken"));
        assertFalse(r.ok(), "an unexpected pass fails the run");
        assertTrue(r.results().stream().filter(c -> c.id().equals("ops/broken")).findFirst().orElseThrow()
                .message().startsWith("cannot read broken.pt"));
        String summary = r.summary();
        assertTrue(summary.contains("unexpected pass: ops/add#0: passes, but is listed"), summary);
        String json = r.json();
        assertTrue(json.contains("{\"id\":\"ops/add#0\",\"group\":\"ops\",\"status\":\"unexpected_pass\""), json);
        assertTrue(json.contains("\"ok\":false"), json);
        String rewritten = ExpectedFailures.read(xf).rewrite(r.results(), "interp");
        assertTrue(rewritten.contains("ops/broken  # not a zip\n"), "a reason given by hand is kept: " + rewritten);
        assertFalse(rewritten.contains("ops/add#0"), "a passing case leaves the list");
    }

    @Test
    void filtersSelectCasesByGlob() throws Exception {
        ConformanceReport r = run(folder(), ExpectedFailures.none(), List.of("models/*", "ops/add#1"));
        assertEquals(List.of("models/mlp#0", "ops/add#1"), r.results().stream().map(CaseResult::id).toList());
        assertTrue(r.ok(), r.summary());
    }

    @Test
    void expectedFailuresNeedAReason() throws Exception {
        Path xf = dir.resolve("xf.txt");
        Files.writeString(xf, "ops/add#0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExpectedFailures.read(xf));
        assertTrue(e.getMessage().endsWith("xf.txt:1: an expected failure needs a reason: 'ID  # why it fails'"),
                e.getMessage());
    }

    @Test
    void aFolderWithoutCasesIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(dir, ExpectedFailures.none(), List.of()));
        assertTrue(e.getMessage().endsWith("no models/ or ops/ folder to run"), e.getMessage());
    }
}
