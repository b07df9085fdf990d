package kiln.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Renders a DOT file to SVG with Graphviz's {@code dot}, when it is on the PATH. */
final class GraphvizSvg {
    private static final long TIMEOUT_SECONDS = 60;

    private GraphvizSvg() {
    }

    /** {@code dot} on the PATH, if there is one. */
    static Optional<Path> dotExecutable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes {@code FILE.svg} beside {@code dotFile} ({@code FILE.dot}); empty when {@code dot} is not on the PATH.
     *
     * @throws IOException when {@code dot} fails, with what it printed
     */
    static Optional<Path> render(Path dotFile) throws IOException, InterruptedException {
        Optional<Path> dot = dotExecutable();
        if (dot.isEmpty()) {
            return Optional.empty();
        }
        String name = dotFile.getFileName().toString();
        Path svg = dotFile.resolveSibling((name.endsWith(".dot") ? name.substring(0, name.length() - 4) : name)
                + ".svg");
        Process p = new ProcessBuilder(dot.get().toString(), "-Tsvg", dotFile.toString(), "-o", svg.toString())
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("dot did not finish within " + TIMEOUT_SECONDS + " s rendering " + dotFile);
        }
        if (p.exitValue() != 0) {
            throw new IOException("dot failed on " + dotFile + ": " + printed.strip().lines().findFirst().orElse(""));
        }
        return Optional.of(svg);
    }
}
