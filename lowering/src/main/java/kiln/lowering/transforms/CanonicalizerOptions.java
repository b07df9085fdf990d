package kiln.lowering.transforms;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kiln.dialects.ir.rewrite.GreedyRewriteConfig;

/**
 * The options of {@code canonicalize}, as MLIR's canonicalizer names them.
 *
 * @param maxIterations   {@code max-iterations}: sweeps of the greedy driver at most (-1: no limit)
 * @param maxRewrites     {@code max-num-rewrites}: pattern applications per sweep at most (-1: no limit)
 * @param topDown         {@code top-down}: whether the first worklist is in program order
 * @param testConvergence {@code test-convergence}: fail when the driver stops before reaching a fixed point
 * @param disabled        {@code disable-patterns}: names of patterns not to apply
 * @param enabled         {@code enable-patterns}: when not empty, the only patterns to apply
 */
public record CanonicalizerOptions(int maxIterations, int maxRewrites, boolean topDown, boolean testConvergence,
                                   Set<String> disabled, Set<String> enabled) {
    public static final CanonicalizerOptions DEFAULT = new CanonicalizerOptions(10, GreedyRewriteConfig.NO_LIMIT,
            true, false, Set.of(), Set.of());

    public CanonicalizerOptions {
        disabled = Set.copyOf(disabled);
        enabled = Set.copyOf(enabled);
    }

    /** Whether the pattern named {@code name} may apply. */
    public boolean admits(String name) {
        return !disabled.contains(name) && (enabled.isEmpty() || enabled.contains(name));
    }

    /**
     * Reads the options of a pipeline entry ({@code canonicalize{max-iterations=3}}); lists are separated by
     * commas or spaces.
     *
     * @throws IllegalArgumentException naming an unknown option or a malformed value
     */
    public static CanonicalizerOptions parse(Map<String, String> options) {
        Map<String, String> rest = new LinkedHashMap<>(options);
        CanonicalizerOptions o = new CanonicalizerOptions(
                integer(rest.remove("max-iterations"), DEFAULT.maxIterations(), "max-iterations"),
                integer(rest.remove("max-num-rewrites"), DEFAULT.maxRewrites(), "max-num-rewrites"),
                bool(rest.remove("top-down"), DEFAULT.topDown(), "top-down"),
                bool(rest.remove("test-convergence"), DEFAULT.testConvergence(), "test-convergence"),
                names(rest.remove("disable-patterns")), names(rest.remove("enable-patterns")));
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("canonicalize: unknown option '" + rest.keySet().iterator().next()
                    + "' (known: max-iterations, max-num-rewrites, top-down, test-convergence, disable-patterns, "
                    + "enable-patterns)");
        }
        return o;
    }

    private static int integer(String text, int otherwise, String name) {
        try {
            return text == null ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("canonicalize: " + name + " expects an integer, got '" + text + "'");
        }
    }

    private static boolean bool(String text, boolean otherwise, String name) {
        return switch (text == null ? null : text.strip()) {
            case null -> otherwise;
            case "true", "1", "" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("canonicalize: " + name + " expects true or false, got '"
                    + text + "'");
        };
    }

    private static Set<String> names(String text) {
        return text == null ? Set.of() : Set.copyOf(Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty())
                .toList());
    }
}
