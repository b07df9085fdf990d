package kiln.dialects.filecheck;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of pattern variables captured so far during one run. Names starting with {@code $} are global;
 * the others are local to a CHECK-LABEL block and are cleared when the next block starts.
 */
final class Variables {
    private final Map<String, String> values = new HashMap<>();

    /** The value of {@code name}, or null when it is not defined. */
    String get(String name) {
        return values.get(name);
    }

    void define(String name, String value) {
        values.put(name, value);
    }

    /** Forgets every variable whose name does not start with {@code $}. */
    void clearLocals() {
        values.keySet().removeIf(name -> !name.startsWith("$"));
    }
}
