package kiln.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * CI's one quick iteration of the bench: a small workload, called once in Kiln, libtorch and ONNX Runtime, whose
 * outputs must agree. Timing is not checked (the bench is not a test). Skips when the fixtures are absent.
 */
class BenchSmokeTest {
    private static final String WORKLOAD = "mlp_b4096";

    @Test
    void oneCallInEachEngineAgrees() throws Exception {
        Path fixtures = Fixtures.root();
        assumeTrue(Files.isRegularFile(fixtures.resolve("bench/" + WORKLOAD + ".pt")),
                "bench fixtures not found in " + fixtures + "; skipping the bench smoke test");
        Workload w = Workload.resolve(WORKLOAD, null, fixtures);
        StringWriter log = new StringWriter();
        Map<String, Object> result = new WorkloadRun(w, "interp", WorkloadRun.Plan.smoke(), new PrintWriter(log))
                .run(Engines.NAMES);
        StringWriter table = new StringWriter();
        Table.print(result, new PrintWriter(table));
        System.out.print(log + table.toString());
        Map<?, ?> engines = (Map<?, ?>) result.get("engines");
        for (String peer : new String[] {"libtorch", "ort"}) {
            Map<?, ?> e = (Map<?, ?>) engines.get(peer);
            assertEquals(null, e.get("unavailable"), peer);
            assertEquals(Boolean.TRUE, e.get("agrees"), peer + " vs kiln: " + e);
        }
        assertTrue(((Map<?, ?>) result.get("ratios")).containsKey("kiln/ort"));
    }

    @Test
    void jsonRoundTrips() {
        Map<String, Object> doc = Map.of("a", java.util.List.of(1.0, 2.5, "x"));
        assertEquals(doc, Json.parse(Json.write(doc)));
    }
}
