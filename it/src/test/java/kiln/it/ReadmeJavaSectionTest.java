package kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's Java section is the example project's own text, so that it cannot rot: its code block is the marked
 * region of {@code examples/src/main/java/example/RunModel.java} (which ExampleProjectTest builds and runs), and its
 * Maven block is the marked region of {@code examples/pom.xml}. {@code -Dkiln.readme.write=true} rewrites them.
 */
class ReadmeJavaSectionTest {
    static final Path ROOT = Path.of(System.getProperty("kiln.root", ".."));
    static final Path README = ROOT.resolve("README.md");
    static final Path EXAMPLE = ROOT.resolve("examples/src/main/java/example/RunModel.java");
    static final Path EXAMPLE_POM = ROOT.resolve("examples/pom.xml");

    @Test
    void theJavaSectionIsTheExamplesCode() throws IOException {
        check("java", ReadmeSections.region(Files.readString(EXAMPLE)));
    }

    @Test
    void theMavenSectionIsTheExamplesPom() throws IOException {
        check("pom", ReadmeSections.region(Files.readString(EXAMPLE_POM)));
    }

    /** Section {@code name} must read {@code expected}; with {@code kiln.readme.write} it is rewritten to. */
    static void check(String name, String expected) throws IOException {
        String readme = Files.readString(README);
        if (Boolean.getBoolean("kiln.readme.write")) {
            Files.writeString(README, ReadmeSections.write(readme, name, expected));
            return;
        }
        assertEquals(expected, ReadmeSections.read(readme, name), "README.md's example:" + name
                + " section is not the example's text; rewrite it with ./mvnw -pl it test -Dkiln.readme.write=true "
                + "(after building) or by hand");
    }
}
