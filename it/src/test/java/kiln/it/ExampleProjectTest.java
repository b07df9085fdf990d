package kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's path, end to end: {@code ./mvnw install} installs every module under {@code dev.kiln} with the BOM,
 * the {@code examples/} project builds against those artifacts alone (importing the BOM, depending on {@code
 * kiln-api}), runs a fixture model and prints what the README says it prints; no class of the CLI (or picocli) is
 * on its class path. The install goes to a local repository of its own under {@code it/target/} (with the build's
 * repository as a read-only tail, for the plugins and third-party jars), never to {@code ~/.m2}, so that no other
 * checkout sees these snapshot jars.
 */
class ExampleProjectTest {
    private static final Path ROOT = ReadmeJavaSectionTest.ROOT.toAbsolutePath().normalize();
    private static final Path HEAD = ROOT.resolve("it/target/local-repo");
    private static final long TIMEOUT_MINUTES = 15;

    @Test
    void theExampleBuildsAgainstTheInstalledArtifactsAndRuns() throws Exception {
        Path model = Fixtures.models().resolve("control_flow.pt").toAbsolutePath();
        deleteTree(HEAD);
        maven("install", "-DskipTests", "-pl", "!it");
        for (String artifact : bomArtifacts()) {
            Path dir = HEAD.resolve("dev/kiln/" + artifact + "/" + version());
            assertTrue(Files.isRegularFile(dir.resolve(artifact + "-" + version() + ".jar")), "installed: " + dir);
        }
        assertTrue(Files.isRegularFile(HEAD.resolve("dev/kiln/kiln-bom/" + version() + "/kiln-bom-" + version()
                + ".pom")), "the BOM is installed");

        maven("-f", "examples/pom.xml", "package");
        Path examples = ROOT.resolve("examples");
        List<String> lib;
        try (Stream<Path> s = Files.list(examples.resolve("target/lib"))) {
            lib = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(lib.contains("kiln-api-" + version() + ".jar"), lib.toString());
        assertTrue(lib.stream().noneMatch(j -> j.startsWith("kiln-cli") || j.startsWith("picocli")
                || j.startsWith("kiln-conformance") || j.startsWith("kiln-bench")), "an application needs no tool: " + lib);

        // the README's command, from examples/
        String classpath = "target/classes" + File.pathSeparator + "target/lib/*";
        String out = run(examples, List.of(java(), "--enable-native-access=ALL-UNNAMED", "--add-modules",
                "jdk.incubator.vector", "-cp", classpath, "example.RunModel", model.toString()));
        String printed = out.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                .map(l -> l + "\n").reduce("", String::concat);
        ReadmeJavaSectionTest.check("output", printed);
        String readme = Files.readString(ReadmeJavaSectionTest.README);
        assertTrue(readme.contains("java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp '"
                + classpath + "' example.RunModel"), "the README gives the command this test ran");
    }

    /** The artifacts the BOM manages: every module of the parent pom but the BOM itself and these tests. */
    @Test
    void theBomListsEveryModule() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (m.find()) {
            if (!m.group(1).equals("bom") && !m.group(1).equals("it")) {
                modules.add("kiln-" + m.group(1));
            }
        }
        assertEquals(modules.stream().sorted().toList(), bomArtifacts().stream().sorted().toList());
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        assertTrue(bom.contains("<version>" + version() + "</version>"), "the BOM's version is the build's");
    }

    private static List<String> bomArtifacts() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<artifactId>(kiln-[a-z]+)</artifactId>").matcher(
                bom.substring(bom.indexOf("<dependencyManagement>")));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String version() {
        return System.getProperty("kiln.version", "0.1.0-SNAPSHOT");
    }

    /** Runs the wrapper in the repository root with the local repositories set; fails with its output's tail. */
    private static void maven(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-ntp", "-q",
                "-Dmaven.repo.local=" + HEAD));
        String tail = System.getProperty("kiln.m2.repository");
        if (tail != null && !tail.isBlank()) {
            command.add("-Dmaven.repo.local.tail=" + tail);
        }
        command.addAll(List.of(args));
        run(ROOT, command);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String run(Path dir, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES), "timed out: " + command);
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n"
                + text.lines().skip(Math.max(0, text.lines().count() - 40)).reduce("", (a, b) -> a + b + "\n"));
        return text;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
