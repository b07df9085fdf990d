package kiln.dialects.ir.rewrite;

import java.util.List;

/**
 * An op interface (MLIR's {@code getCanonicalizationPatterns}): the canonicalization patterns of one declared op
 * kind, gathered by the {@code canonicalize} pass with those its dialect gives for all its ops
 * ({@link kiln.dialects.ir.Dialect#canonicalizationPatterns}).
 */
@FunctionalInterface
public interface CanonicalizationPatterns {
    List<RewritePattern> patterns();
}
