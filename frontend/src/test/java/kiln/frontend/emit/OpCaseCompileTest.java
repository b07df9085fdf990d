package kiln.frontend.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.GraphShape;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.frontend.archive.OpCaseFiles;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every operator case's {@code src} compiles to a verified graph with the node kinds and nesting of the case's
 * {@code graph} (what PyTorch built from the same source), except the cases listed, each with its reason, in
 * {@code op-case-exceptions.txt}. The list only shrinks: a listed case that now passes fails this test too.
 */
class OpCaseCompileTest {
    static final String EXCEPTIONS = "op-case-exceptions.txt";

    @Test
    void opCasesCompileLikePyTorch() throws Exception {
        Map<String, String> expectedFailures = readExceptions();
        OperatorRegistry ops = OperatorRegistry.standard();
        Map<String, String> failures = new TreeMap<>();
        int[] total = {0};
        OpCaseFiles.forEach(Fixtures.ops(), c -> {
            total[0]++;
            String why = compile(c, ops);
            if (why != null) {
                failures.put(c.id(), why);
            }
        });
        System.out.printf("%d of %d operator cases compile to PyTorch's graph shape (%d listed exceptions)%n",
                total[0] - failures.size(), total[0], expectedFailures.size());
        List<String> unexpected = new ArrayList<>();
        failures.forEach((id, why) -> {
            if (!expectedFailures.containsKey(id)) {
                unexpected.add(id + " " + why);
            }
        });
        List<String> fixed = expectedFailures.keySet().stream().filter(id -> !failures.containsKey(id)).toList();
        assertTrue(unexpected.isEmpty(), () -> "cases failing that are not listed in " + EXCEPTIONS + ":\n"
                + String.join("\n", unexpected));
        assertEquals(List.of(), fixed, "listed cases now pass: remove them from " + EXCEPTIONS);
    }

    /** Null when the case compiles to PyTorch's graph shape, else the reason. */
    static String compile(OpCaseFiles.OpCase c, OperatorRegistry ops) {
        String src = c.string("src");
        String fn = c.string("fn");
        String file = c.file();
        try {
            Graph g = new ScriptCompiler(ScriptUnit.fromSource(src, file, "__torch__"), ops).function("__torch__." + fn);
            List<Diagnostic> problems = Verifier.verify(g.region());
            if (!problems.isEmpty()) {
                return "invalid IR: " + problems.getFirst();
            }
            Graph expected = GraphParser.parse(c.string("graph"));
            String diff = GraphShape.of(g).differenceFrom(GraphShape.of(expected));
            return diff == null ? null : "shape differs: " + diff;
        } catch (CompileError e) {
            return e.reason().lines().findFirst().orElse("");
        }
    }

    private static Map<String, String> readExceptions() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = OpCaseCompileTest.class.getResourceAsStream(EXCEPTIONS)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int sp = line.indexOf(' ');
                out.put(line.substring(0, sp), line.substring(sp + 1));
            }
        }
        return out;
    }

    /** Regenerates the exceptions file's lines (run by hand: see the file's header). */
    static List<String> currentFailures(OperatorRegistry ops) throws Exception {
        List<String> lines = new ArrayList<>();
        OpCaseFiles.forEach(Fixtures.ops(), c -> {
            String why = compile(c, ops);
            if (why != null) {
                lines.add(c.id() + " " + why);
            }
        });
        return lines;
    }
}
