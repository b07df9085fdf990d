package kiln.dialects.torch.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every type PyTorch printed in the fixture graph dumps reads back and prints identically, and every type
 * annotation in their {@code ### code} sections reads back to the same annotation.
 */
class FixtureGraphTypesTest {
    /** {@code %name : } before a value's type in a graph line. */
    private static final Pattern VALUE_TYPE = Pattern.compile("%[\\w.]+ : ");
    /** Where annotations start in TorchScript source: {@code annotate(T, ...)}, {@code -> T:}, {@code name: T}. */
    private static final Pattern ANNOTATION = Pattern.compile("annotate\\(|-> |\\b\\w+: ");

    @Test
    void everyGraphDumpTypeReadsBackAndPrintsIdentically() throws IOException {
        Map<String, Integer> seen = new TreeMap<>();
        for (Path dump : graphDumps()) {
            for (String line : graphLines(dump)) {
                Matcher m = VALUE_TYPE.matcher(line);
                while (m.find()) {
                    ParsedType parsed = TorchTypeParser.parse(line, m.end());
                    String text = line.substring(m.end(), parsed.end());
                    assertEquals(text, parsed.type().toString(), () -> dump.getFileName() + ": " + line);
                    assertEndsCleanly(line, parsed.end(), dump);
                    assertEquals(parsed.type(), TorchTypeParser.parse(parsed.type().toString()));
                    seen.merge(text, 1, Integer::sum);
                }
            }
        }
        assertTrue(seen.size() > 300, "expected the fixtures' 300+ distinct types, found " + seen.size());
        assertTrue(seen.containsKey("(Dict(str, Tensor), str, Tensor)"));
        assertTrue(seen.containsKey("__torch__.corpus_public.Hyp[]"));
        assertTrue(seen.containsKey("(int[], float)[]"));
        assertTrue(seen.containsKey("Float(8, 10, strides=[10, 1], requires_grad=0, device=cuda:0)"));
    }

    @Test
    void everyAnnotationInTheDumpedSourceReadsBack() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Path dump : graphDumps()) {
            for (String line : codeLines(dump)) {
                Matcher m = ANNOTATION.matcher(line);
                while (m.find()) {
                    if (line.startsWith("self", m.end()) || !Character.isLetter(charAt(line, m.end()))) {
                        continue;
                    }
                    ParsedType parsed = TorchTypeParser.parse(line, m.end());
                    String text = line.substring(m.end(), parsed.end());
                    assertEquals(text, parsed.type().annotationString(), () -> dump.getFileName() + ": " + line);
                    checked.add(text);
                }
            }
        }
        assertTrue(checked.contains("List[Tuple[List[int], float]]"), "annotations found: " + checked);
        assertTrue(checked.contains("Dict[str, Tensor]"), "annotations found: " + checked);
        assertTrue(checked.contains("List[__torch__.corpus_public.Hyp]"), "annotations found: " + checked);
    }

    private static void assertEndsCleanly(String line, int end, Path dump) {
        String rest = line.substring(end).stripLeading();
        assertTrue(rest.isEmpty() || ",)=".indexOf(rest.charAt(0)) >= 0,
                () -> dump.getFileName() + ": type ends before '" + rest + "' in " + line);
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : ' ';
    }

    static Path fixtures() {
        String dir = System.getProperty("kiln.fixtures");
        assumeTrue(dir != null, "system property kiln.fixtures is not set; skipping fixture checks");
        Path models = Path.of(dir, "models");
        assumeTrue(Files.isDirectory(models), "no fixtures at " + models + "; skipping fixture checks");
        return models;
    }

    private static List<Path> graphDumps() throws IOException {
        try (Stream<Path> files = Files.list(fixtures())) {
            List<Path> dumps = files.filter(p -> p.getFileName().toString().endsWith(".graph.txt")).sorted().toList();
            assumeTrue(!dumps.isEmpty(), "no *.graph.txt under the fixtures");
            return dumps;
        }
    }

    /** Lines of every section but {@code ### code}. */
    private static List<String> graphLines(Path dump) throws IOException {
        return section(dump, false);
    }

    /** Lines of the {@code ### code} section (TorchScript source). */
    private static List<String> codeLines(Path dump) throws IOException {
        return section(dump, true);
    }

    private static List<String> section(Path dump, boolean code) throws IOException {
        List<String> out = new ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(dump)) {
            if (line.startsWith("### ")) {
                inCode = line.equals("### code");
            } else if (inCode == code) {
                out.add(line);
            }
        }
        return out;
    }
}
