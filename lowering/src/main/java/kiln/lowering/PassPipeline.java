package kiln.lowering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An ordered list of passes, written as text: {@code constant-pooling,dce,cse{max-iterations=4}}. Pipelines are
 * data: named stage lists read from the command line or from code.
 */
public record PassPipeline(List<Pass> passes) {
    public PassPipeline {
        passes = List.copyOf(passes);
    }

    /**
     * Reads {@code text}: pass names separated by commas, each optionally followed by {@code {key=value,…}}.
     *
     * @throws IllegalArgumentException naming the unknown pass or malformed part, and listing known passes
     */
    public static PassPipeline parse(String text, PassRegistry registry) {
        List<Pass> passes = new ArrayList<>();
        int i = 0;
        String s = text.strip();
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != '{') {
                i++;
            }
            String name = s.substring(start, i).strip();
            Map<String, String> options = new LinkedHashMap<>();
            if (i < s.length() && s.charAt(i) == '{') {
                int close = s.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("pass pipeline: missing '}' after options of '" + name + "'");
                }
                for (String kv : s.substring(i + 1, close).split(",")) {
                    if (kv.isBlank()) {
                        continue;
                    }
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("pass pipeline: option '" + kv.strip() + "' of '" + name
                                + "' is not key=value");
                    }
                    options.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                }
                i = close + 1;
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("pass pipeline: empty pass name at offset " + start);
            }
            PassRegistry.Entry entry = registry.lookup(name).orElseThrow(() -> new IllegalArgumentException(
                    "pass pipeline: unknown pass '" + name + "' (known: " + registry.entries().stream()
                            .map(PassRegistry.Entry::name).collect(Collectors.joining(", ")) + ")"));
            passes.add(entry.factory().apply(options));
            if (i < s.length()) {
                if (s.charAt(i) != ',') {
                    throw new IllegalArgumentException("pass pipeline: expected ',' at offset " + i);
                }
                i++;
            }
        }
        return new PassPipeline(passes);
    }

    @Override
    public String toString() {
        return passes.stream().map(Pass::name).collect(Collectors.joining(","));
    }
}
