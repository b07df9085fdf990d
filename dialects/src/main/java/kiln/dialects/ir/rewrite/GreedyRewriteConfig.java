package kiln.dialects.ir.rewrite;

import java.util.Objects;

/**
 * How {@link GreedyRewriteDriver} runs (MLIR's {@code GreedyRewriteConfig}).
 *
 * @param maxIterations how many times at most the driver sweeps the region ({@link #NO_LIMIT} for no limit); the
 *                      sweep that finds nothing to do counts, so a region changed by the last allowed sweep has not
 *                      converged
 * @param maxRewrites   how many pattern applications at most per sweep, or {@link #NO_LIMIT}
 * @param topDown       whether the first worklist holds ops in program order (parents first); else bottom-up
 *                      (MLIR's default: nested ops before their parents, the last op first)
 * @param fold          whether ops are folded ({@link Folding}) before patterns are tried
 * @param cseConstants  whether constant-like ops without effects are de-duplicated and hoisted to the entry block of
 *                      the nearest isolated region (MLIR's {@code OperationFolder})
 * @param listener      told of every change the driver makes, after the driver's own bookkeeping
 */
public record GreedyRewriteConfig(int maxIterations, int maxRewrites, boolean topDown, boolean fold,
                                  boolean cseConstants, PatternRewriter.Listener listener) {
    public static final int NO_LIMIT = -1;

    /** MLIR's defaults: 10 sweeps, no rewrite limit, bottom-up, folding and constant de-duplication on. */
    public static final GreedyRewriteConfig DEFAULT =
            new GreedyRewriteConfig(10, NO_LIMIT, false, true, true, new PatternRewriter.Listener() { });

    public GreedyRewriteConfig {
        if (maxIterations < NO_LIMIT || maxRewrites < NO_LIMIT) {
            throw new IllegalArgumentException("limits must be -1 (none) or at least 0");
        }
        Objects.requireNonNull(listener);
    }

    public GreedyRewriteConfig withMaxIterations(int n) {
        return new GreedyRewriteConfig(n, maxRewrites, topDown, fold, cseConstants, listener);
    }

    public GreedyRewriteConfig withMaxRewrites(int n) {
        return new GreedyRewriteConfig(maxIterations, n, topDown, fold, cseConstants, listener);
    }

    public GreedyRewriteConfig withTopDown(boolean on) {
        return new GreedyRewriteConfig(maxIterations, maxRewrites, on, fold, cseConstants, listener);
    }

    public GreedyRewriteConfig withFold(boolean on) {
        return new GreedyRewriteConfig(maxIterations, maxRewrites, topDown, on, cseConstants, listener);
    }

    public GreedyRewriteConfig withCseConstants(boolean on) {
        return new GreedyRewriteConfig(maxIterations, maxRewrites, topDown, fold, on, listener);
    }

    public GreedyRewriteConfig withListener(PatternRewriter.Listener l) {
        return new GreedyRewriteConfig(maxIterations, maxRewrites, topDown, fold, cseConstants, l);
    }
}
