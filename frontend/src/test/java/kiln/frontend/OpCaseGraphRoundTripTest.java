package kiln.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.StructuralEquality;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.GraphPrinter;
import kiln.frontend.archive.OpCaseFiles;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The {@code graph} of every operator case in the fixtures (PyTorch's graph for the case's {@code src}) parses,
 * verifies, prints back to exactly PyTorch's text and re-parses to a structurally equal graph.
 */
class OpCaseGraphRoundTripTest {

    @Test
    void everyOpCaseGraphRoundTrips() throws Exception {
        List<Path> files = OpCaseFiles.files(Fixtures.ops());
        int[] graphs = {0};
        List<String> failures = new ArrayList<>();
        OpCaseFiles.forEach(Fixtures.ops(), c -> {
            String where = c.id();
            String text = c.string("graph");
            try {
                Graph g = GraphParser.parse(text, where);
                List<Diagnostic> problems = Verifier.verify(g.region());
                if (!problems.isEmpty()) {
                    failures.add(where + ": " + problems.getFirst());
                    return;
                }
                String printed = GraphPrinter.print(g);
                if (!printed.equals(text)) {
                    failures.add(where + ": prints back differently:\n" + printed + "\nexpected:\n" + text);
                    return;
                }
                String diff = StructuralEquality.firstDifference(g.region(), GraphParser.parse(printed, where).region());
                if (diff != null) {
                    failures.add(where + ": parse(print(g)) differs: " + diff);
                }
                graphs[0]++;
            } catch (RuntimeException e) {
                failures.add(where + ": " + e.getMessage());
            }
        });
        System.out.printf("round-tripped %d operator-case graphs from %d files%n", graphs[0], files.size());
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
        assertEquals(1544, graphs[0]);
    }
}
