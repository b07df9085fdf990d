package kiln.frontend.archive;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The conformance fixtures, found through the {@code kiln.fixtures} system property; tests skip without them. */
final class Fixtures {
    private Fixtures() {
    }

    /** The fixtures folder, or a skipped test when it is absent. */
    static Path root() {
        String property = System.getProperty("kiln.fixtures");
        assumeTrue(property != null, "kiln.fixtures is not set: skipping fixture tests");
        Path root = Path.of(property);
        assumeTrue(Files.isDirectory(root), "no fixtures at " + root + ": skipping fixture tests");
        return root;
    }

    static Path model(String name) {
        Path file = root().resolve("models").resolve(name);
        assumeTrue(Files.isRegularFile(file), "fixture " + file + " is missing");
        return file;
    }

    /** The files of a fixtures subfolder whose names end with {@code suffix}, sorted. */
    static List<Path> files(String folder, String suffix) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
