package kiln.lowering;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import kiln.dialects.ir.DialectRegistry;

/** What a running pass may use besides the IR: the dialects, and named statistics it counts. */
public final class PassContext {
    private final DialectRegistry registry;
    private final Map<String, Long> statistics = new TreeMap<>();

    public PassContext(DialectRegistry registry) {
        this.registry = registry;
    }

    public DialectRegistry registry() {
        return registry;
    }

    /** Adds {@code n} to statistic {@code pass.name}, e.g. {@code constant-pooling.deduplicated}. */
    public void count(Pass pass, String name, long n) {
        statistics.merge(pass.name() + "." + name, n, Long::sum);
    }

    public Map<String, Long> statistics() {
        return Collections.unmodifiableMap(statistics);
    }
}
