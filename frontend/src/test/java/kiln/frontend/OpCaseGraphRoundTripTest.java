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
import kiln.frontend.archive.TorchSaveFile;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyValue;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The {@code graph} of every operator case in the fixtures (PyTorch's graph for the case's {@code src}) parses,
 * verifies, prints back to exactly PyTorch's text and re-parses to a structurally equal graph.
 */
class OpCaseGraphRoundTripTest {

    @Test
    void everyOpCaseGraphRoundTrips() throws Exception {
        List<Path> files = Fixtures.list(Fixtures.ops(), ".pt");
        int graphs = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            try (TorchSaveFile file = TorchSaveFile.open(f)) {
                PyList cases = (PyList) ((PyDict) file.data()).require("cases");
                int i = 0;
                for (PyValue item : cases.items()) {
                    String where = f.getFileName() + "#" + i++;
                    String text = ((PyStr) ((PyDict) item).require("graph")).value();
                    try {
                        Graph g = GraphParser.parse(text, where);
                        List<Diagnostic> problems = Verifier.verify(g.region());
                        if (!problems.isEmpty()) {
                            failures.add(where + ": " + problems.getFirst());
                            continue;
                        }
                        String printed = GraphPrinter.print(g);
                        if (!printed.equals(text)) {
                            failures.add(where + ": prints back differently:\n" + printed + "\nexpected:\n" + text);
                            continue;
                        }
                        String diff = StructuralEquality.firstDifference(g.region(),
                                GraphParser.parse(printed, where).region());
                        if (diff != null) {
                            failures.add(where + ": parse(print(g)) differs: " + diff);
                        }
                        graphs++;
                    } catch (RuntimeException e) {
                        failures.add(where + ": " + e.getMessage());
                    }
                }
            }
        }
        System.out.printf("round-tripped %d operator-case graphs from %d files%n", graphs, files.size());
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
        assertEquals(1544, graphs);
    }
}
