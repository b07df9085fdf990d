package kiln.lowering.transforms;

import java.util.List;
import java.util.Set;
import kiln.dialects.ir.rewrite.GreedyRewriteConfig;
import kiln.lowering.PassOption;
import kiln.lowering.PassOptions;

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
    static final PassOption<Integer> MAX_ITERATIONS = PassOption.integer("max-iterations",
            "sweeps of the greedy driver at most (-1: no limit)", 10);
    static final PassOption<Integer> MAX_REWRITES = PassOption.integer("max-num-rewrites",
            "pattern applications per sweep at most (-1: no limit)", GreedyRewriteConfig.NO_LIMIT);
    static final PassOption<Boolean> TOP_DOWN = PassOption.bool("top-down",
            "start from the ops in program order (else nested ops first, from the end)", true);
    static final PassOption<Boolean> TEST_CONVERGENCE = PassOption.bool("test-convergence",
            "fail when no fixed point is reached within max-iterations", false);
    static final PassOption<List<String>> DISABLE = PassOption.list("disable-patterns",
            "names of patterns not to apply");
    static final PassOption<List<String>> ENABLE = PassOption.list("enable-patterns",
            "when given, the only patterns to apply");

    /** The declared options, for the pass registry. */
    public static final List<PassOption<?>> DECLARED = List.of(MAX_ITERATIONS, MAX_REWRITES, TOP_DOWN,
            TEST_CONVERGENCE, DISABLE, ENABLE);

    public static final CanonicalizerOptions DEFAULT = of(PassOptions.defaults(DECLARED));

    public CanonicalizerOptions {
        disabled = Set.copyOf(disabled);
        enabled = Set.copyOf(enabled);
    }

    /** The values a pipeline gave the declared options. */
    public static CanonicalizerOptions of(PassOptions o) {
        return new CanonicalizerOptions(o.get(MAX_ITERATIONS), o.get(MAX_REWRITES), o.get(TOP_DOWN),
                o.get(TEST_CONVERGENCE), Set.copyOf(o.get(DISABLE)), Set.copyOf(o.get(ENABLE)));
    }

    /** Whether the pattern named {@code name} may apply. */
    public boolean admits(String name) {
        return !disabled.contains(name) && (enabled.isEmpty() || enabled.contains(name));
    }
}
