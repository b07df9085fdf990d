package kiln.dialects.ir.rewrite;

import java.util.Map;

/**
 * What a {@link GreedyRewriteDriver} run did.
 *
 * @param converged    whether the last sweep found nothing to do (false when a limit stopped the driver first)
 * @param changed      whether the IR changed at all
 * @param iterations   the sweeps made
 * @param applications how many times each pattern applied, by pattern name (only those that did)
 * @param folded       ops folded away or folded in place
 * @param erased       trivially dead ops erased
 */
public record GreedyRewriteResult(boolean converged, boolean changed, int iterations,
                                  Map<String, Integer> applications, int folded, int erased) {
    public GreedyRewriteResult {
        applications = Map.copyOf(applications);
    }
}
