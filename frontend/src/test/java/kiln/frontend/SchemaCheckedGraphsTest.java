package kiln.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.GraphText;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.dialects.torch.schema.SchemaMatcher;
import kiln.dialects.torch.schema.SchemaVerifier;
import kiln.frontend.archive.OpCaseFiles;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every graph PyTorch 2.11 wrote into the fixtures (the graph sections of the 20 {@code models/*.graph.txt} and
 * the {@code graph} of all 1,544 operator cases) verifies with the schema-checked torch dialect: each operator op
 * is accepted by one of the PyTorch 2.13 schemas of its name.
 */
class SchemaCheckedGraphsTest {
    /**
     * Graphs that may not verify, each with the reason (an operator added after 2.11, say, or one whose schema
     * changed). None so far: every 2.11 graph matches the 2.13 schemas.
     */
    private static final Map<String, String> EXCEPTIONS = Map.of();

    /** How many ops were checked against schemas, and how many of them more than one overload accepts. */
    private static final class Tally {
        int graphs;
        int operatorOps;
        int ambiguous;
        final TreeSet<String> overloads = new TreeSet<>();
        final List<String> failures = new ArrayList<>();

        void check(String where, Graph graph) {
            graphs++;
            List<Diagnostic> problems = Verifier.verify(graph.region());
            if (!problems.isEmpty() && !EXCEPTIONS.containsKey(where)) {
                failures.add(where + ": " + problems.getFirst());
            }
            graph.region().walk(this::count);
        }

        private void count(Operation op) {
            if (!(op.def().verifier() instanceof SchemaVerifier)) {
                return; // a structural op the dialect declares itself (prim::If, prim::ListConstruct, ...)
            }
            List<FunctionSchema> candidates = OperatorRegistry.standard().overloads(op.name());
            List<FunctionSchema> accepted = SchemaMatcher.accepting(candidates,
                    op.operands().stream().map(Value::type).toList(), op.results().stream().map(Value::type).toList());
            operatorOps++;
            if (accepted.size() > 1) {
                ambiguous++;
            }
            accepted.forEach(s -> overloads.add(s.overloadedName()));
        }

        void assertClean(String what) {
            System.out.printf("schema-checked %d %s: %d operator ops (%d accepted by more than one overload),"
                    + " %d distinct overloads; %d listed exception(s)%n", graphs, what, operatorOps, ambiguous,
                    overloads.size(), EXCEPTIONS.size());
            assertEquals(List.of(), failures, () -> failures.size() + " graph(s) fail schema checks");
        }
    }

    @Test
    void everyModelGraphVerifies() throws Exception {
        Tally tally = new Tally();
        List<Path> files = Fixtures.list(Fixtures.models(), ".graph.txt");
        assertEquals(20, files.size());
        for (Path f : files) {
            for (GraphText.Section s : GraphText.parse(Files.readString(f), f.getFileName().toString())) {
                if (s.isGraph()) {
                    tally.check(f.getFileName() + "#" + s.name(), s.graph());
                }
            }
        }
        tally.assertClean("model graphs");
        assertEquals(77, tally.graphs);
    }

    @Test
    void everyOpCaseGraphVerifies() throws Exception {
        Tally tally = new Tally();
        OpCaseFiles.forEach(Fixtures.ops(), c -> tally.check(c.id(), GraphParser.parse(c.string("graph"), c.id())));
        tally.assertClean("operator-case graphs");
        assertEquals(1544, tally.graphs);
    }
}
