package kiln.cli.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.frontend.archive.OpCaseFiles;
import kiln.frontend.emit.ScriptCompiler;
import kiln.frontend.emit.ScriptUnit;
import kiln.frontend.pickle.PySequence;
import kiln.frontend.pickle.PyValue;
import kiln.runtime.interp.Interpreter;
import kiln.runtime.interp.value.ScriptException;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every operator case of the fixtures, end to end: its {@code src} compiled by Kiln's TorchScript compiler, run
 * by the interpreter on the case's inputs, compared with what PyTorch returned ({@link FixtureComparison}). The
 * count of matching cases may only go up: raise {@link #FLOOR} as kernels are added.
 */
class OpCaseRunTest {
    /** Cases that must match; the count printed by this test, rounded down. */
    static final int FLOOR = 923;

    @Test
    void opCasesRunLikePyTorch() throws Exception {
        OperatorRegistry ops = OperatorRegistry.standard();
        Interpreter interp = Interpreter.builder().output(new StringBuilder()).warnings(new StringBuilder()).build();
        int[] total = {0};
        int[] passed = {0};
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        OpCaseFiles.forEach(Fixtures.ops(), c -> {
            total[0]++;
            String why = run(c, ops, interp);
            if (why == null) {
                passed[0]++;
            } else {
                String key = why.startsWith("mismatch") ? "mismatch" : why;
                reasons.merge(key, 1, Integer::sum);
                if (!why.startsWith("missing") && !why.equals("does not compile")) {
                    problems.add(c.id() + " " + why);
                }
            }
        });
        System.out.printf("%d of %d operator cases run and match PyTorch%n", passed[0], total[0]);
        System.out.println("most common reasons for the others:");
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .filter(e -> !e.getKey().startsWith("missing")).limit(40)
                .forEach(e -> System.out.printf("  %4d  %s%n", e.getValue(), e.getKey()));
        System.out.println("most common missing kernels:");
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .filter(e -> e.getKey().startsWith("missing")).limit(Integer.getInteger("kiln.missing", 30))
                .forEach(e -> System.out.printf("  %4d  %s%n", e.getValue(), e.getKey().substring("missing: ".length())));
        System.out.println(problems.stream().limit(40).collect(Collectors.joining("\n  ", "errors and mismatches:\n  ",
                "")));
        assertTrue(passed[0] >= FLOOR, passed[0] + " operator cases match, fewer than the floor " + FLOOR);
    }

    /** Null when the case runs and matches, else a short reason (grouping similar failures). */
    private static String run(OpCaseFiles.OpCase c, OperatorRegistry ops, Interpreter interp) {
        String src = c.string("src");
        String fn = c.string("fn");
        String file = c.file();
        Graph g;
        try {
            g = new ScriptCompiler(ScriptUnit.fromSource(src, file, "__torch__"), ops)
                    .inlinedFunction("__torch__." + fn);
        } catch (RuntimeException e) {
            return "does not compile";
        }
        PickledValues values = new PickledValues();
        List<Object> inputs = new ArrayList<>();
        for (PyValue v : ((PySequence) c.field("inputs")).items()) {
            inputs.add(values.convert(v));
        }
        List<Object> out;
        try {
            out = interp.run(g, inputs);
        } catch (ScriptException e) {
            return e.className().equals("NotImplementedError") ? "missing: " + e.scriptMessage().lines().findFirst()
                    .orElse("").replaceAll("\\(.*", "") : e.className() + " " + e.trace().stream().findFirst()
                    .orElse("").replaceAll(" at .*", "") + ": " + e.scriptMessage();
        }
        String m = FixtureComparison.mismatch(c.field("expected"), out.size() == 1 ? out.getFirst() : out);
        return m == null ? null : "mismatch " + m;
    }
}
