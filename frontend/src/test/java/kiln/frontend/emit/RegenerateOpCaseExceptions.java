package kiln.frontend.emit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.dialects.torch.schema.OperatorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes {@code op-case-exceptions.txt} from the current compiler. Runs only when asked:
 * {@code ./mvnw -pl frontend test -Dtest=RegenerateOpCaseExceptions -Dkiln.regenerate=true}.
 */
class RegenerateOpCaseExceptions {
    @Test
    @EnabledIfSystemProperty(named = "kiln.regenerate", matches = "true")
    void regenerate() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("# Operator cases whose src does not (yet) compile to PyTorch's graph shape, one per line: FILE#CASE reason.");
        lines.add("# OpCaseCompileTest fails when a case fails that is not listed, or when a listed case passes.");
        lines.add("# Regenerate: ./mvnw -pl frontend test -Dtest=RegenerateOpCaseExceptions -Dkiln.regenerate=true");
        lines.addAll(OpCaseCompileTest.currentFailures(OperatorRegistry.standard()));
        Path out = Path.of("src/test/resources/kiln/frontend/emit", OpCaseCompileTest.EXCEPTIONS);
        Files.write(out, lines);
    }
}
