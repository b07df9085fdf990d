package kiln.dialects.ir;

import java.util.function.Consumer;

/** Op-specific checks beyond what an {@link OpDef} declares; report each problem as one sentence. */
@FunctionalInterface
public interface OpVerifier {
    OpVerifier NONE = (op, report) -> { };

    void verify(Operation op, Consumer<String> report);
}
