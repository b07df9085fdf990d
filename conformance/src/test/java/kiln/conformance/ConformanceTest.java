package kiln.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.runtime.backend.Backends;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The conformance run over ../shared/fixtures, for every target with a committed expected-failures file
 * ({@code test/conformance/<target>.expected-failures}): every case must pass or be listed (so a case that
 * passed before cannot start failing), no listed case may pass (so the list only shrinks), and the README's
 * table of pass counts must be what the run produced.
 */
class ConformanceTest {
    static final Path EXPECTED = Path.of("..", "test", "conformance");
    static final Path README = Path.of("..", "README.md");

    @Test
    void everyTargetMatchesItsExpectedFailures() throws Exception {
        Path fixtures = Fixtures.root();
        List<Path> files = Fixtures.list(EXPECTED, ".expected-failures");
        assertFalse(files.isEmpty(), "no expected-failures files in " + EXPECTED.toAbsolutePath().normalize());
        List<String> problems = new ArrayList<>();
        String readme = Files.readString(README);
        for (Path file : files) {
            String target = file.getFileName().toString().replace(".expected-failures", "");
            ConformanceReport report = new ConformanceRunner(Backends.named(target), ExpectedFailures.read(file),
                    300).run(fixtures, id -> true, Progress.to(new PrintWriter(System.out, true), false));
            System.out.print(report.summary());
            if (!report.ok()) {
                problems.add(target + ": " + report.results().stream().filter(r -> !r.status().acceptable())
                        .map(r -> r.id() + " " + r.status().label() + ": " + r.message()).toList());
            }
            String command = "bin/lower conformance ../shared/fixtures --target " + target
                    + " --expected-failures test/conformance/" + file.getFileName();
            String updated = report.updateReadme(readme, command);
            if (!updated.equals(readme)) {
                problems.add(target + ": the README's pass counts are out of date; run `" + command
                        + " --readme README.md`");
            }
        }
        assertEquals(List.of(), problems);
    }
}
