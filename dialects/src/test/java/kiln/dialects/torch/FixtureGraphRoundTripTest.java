package kiln.dialects.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.dialects.ir.StructuralEquality;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every graph section of every fixture {@code *.graph.txt} parses, verifies, prints back to exactly the text
 * PyTorch wrote, and re-parses to a structurally equal graph.
 */
class FixtureGraphRoundTripTest {

    @Test
    void everyFixtureGraphRoundTrips() throws IOException {
        List<Path> files = Fixtures.list(Fixtures.models(), ".graph.txt");
        assertEquals(20, files.size(), "fixture graph dumps");
        int graphs = 0;
        int verbatim = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            List<GraphText.Section> sections = GraphText.parse(text, f.getFileName().toString());
            failures.addAll(GraphText.verify(sections).stream().map(p -> f.getFileName() + ": " + p).toList());
            for (GraphText.Section s : sections) {
                if (!s.isGraph()) {
                    verbatim++;
                    continue;
                }
                graphs++;
                String printed = GraphPrinter.print(s.graph());
                Graph again = GraphParser.parse(printed, f.getFileName() + "#" + s.name());
                String diff = StructuralEquality.firstDifference(s.graph().region(), again.region());
                if (diff != null) {
                    failures.add(f.getFileName() + " [" + s.name() + "]: parse(print(g)) differs: " + diff);
                }
            }
            assertEquals(text, GraphText.print(sections), () -> f.getFileName() + " does not print back verbatim");
        }
        System.out.printf("round-tripped %d fixture graphs (%d non-graph sections kept verbatim)%n", graphs, verbatim);
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        assertEquals(5 * 20 - 20 - 3, graphs, "graph sections (code sections and 3 FAILED excluded)");
    }
}
