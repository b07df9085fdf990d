package kiln.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the PyTorch fixtures live (../shared/fixtures beside the repository, or the {@code kiln.fixtures}
 * system property). Tests that need them call {@link #root()}, which skips the test with a clear message when
 * the folder is absent.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        String prop = System.getProperty("kiln.fixtures");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "..", "shared", "fixtures");
        assumeTrue(Files.isDirectory(p.resolve("models")),
                "PyTorch fixtures not found at " + p.toAbsolutePath().normalize()
                        + " (set -Dkiln.fixtures=DIR); skipping fixture tests");
        return p;
    }

    public static Path models() {
        return root().resolve("models");
    }

    public static Path ops() {
        return root().resolve("ops");
    }

    /** Files in {@code dir} whose names end with {@code suffix}, sorted by name. */
    public static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
