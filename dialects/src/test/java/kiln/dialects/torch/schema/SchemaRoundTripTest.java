package kiln.dialects.torch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kiln.dialects.torch.TorchDialect;
import org.junit.jupiter.api.Test;

/** Every schema PyTorch registers reads and prints back exactly as PyTorch's {@code str(schema)}. */
class SchemaRoundTripTest {
    /** The schemas in the resource: PyTorch 2.13's {@code torch._C._jit_get_all_schemas()}. */
    static final int SCHEMA_COUNT = 4374;

    static List<String> resourceLines() throws IOException {
        try (InputStream in = OperatorRegistry.class.getResourceAsStream(OperatorRegistry.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void everyLineRoundTrips() throws IOException {
        List<String> lines = resourceLines();
        List<String> failures = new ArrayList<>();
        for (String line : lines) {
            try {
                String printed = SchemaParser.parse(line).toString();
                if (!printed.equals(line)) {
                    failures.add("prints back as\n  " + printed + "\nnot\n  " + line);
                } else if (!SchemaParser.parse(printed).equals(SchemaParser.parse(line))) {
                    failures.add("re-reads differently: " + line);
                }
            } catch (SchemaParseException e) {
                failures.add(e.getMessage());
            }
        }
        System.out.printf("round-tripped %d of %d operator schemas%n", lines.size() - failures.size(), lines.size());
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertEquals(SCHEMA_COUNT, lines.size());
    }

    @Test
    void registryHoldsEveryLineInOrder() throws IOException {
        OperatorRegistry registry = OperatorRegistry.standard();
        assertEquals(resourceLines(), registry.all().stream().map(FunctionSchema::toString).toList());
        assertTrue(registry.header().getFirst().contains("PyTorch 2.13.0"), registry.header().getFirst());
        assertTrue(registry.header().stream().anyMatch(h -> h.contains("2.11")), "the header notes the fixtures' version");
    }

    @Test
    void everyNamespaceIsOpenInTheDialect() {
        for (String ns : OperatorRegistry.standard().namespaces()) {
            assertTrue(TorchDialect.OPERATOR_NAMESPACES.contains(ns), "namespace " + ns + " is not open in the dialect");
        }
    }
}
