package kiln.dialects.ir.rewrite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import kiln.dialects.ir.Operation;

/**
 * Patterns ready for a driver (MLIR's {@code FrozenRewritePatternSet}): indexed by root op name, each op's
 * candidates ordered by benefit, highest first (ties keep the order the patterns were given in); patterns without
 * root names are tried on every op.
 */
public final class PatternSet {
    private static final Comparator<RewritePattern> BY_BENEFIT =
            Comparator.comparingInt(RewritePattern::benefit).reversed();

    private final List<RewritePattern> all;
    private final Map<String, List<RewritePattern>> byRoot = new HashMap<>();
    private final List<RewritePattern> anyOp = new ArrayList<>();

    private PatternSet(Collection<? extends RewritePattern> patterns) {
        this.all = List.copyOf(patterns);
        for (RewritePattern p : all) {
            if (p.rootNames().isEmpty()) {
                anyOp.add(p);
            }
            for (String root : p.rootNames()) {
                byRoot.computeIfAbsent(root, k -> new ArrayList<>()).add(p);
            }
        }
        // stable sorts: among equal benefits, root-specific patterns first, each group in the order given
        byRoot.values().forEach(list -> {
            list.addAll(anyOp);
            list.sort(BY_BENEFIT);
        });
        anyOp.sort(BY_BENEFIT);
    }

    public static PatternSet of(Collection<? extends RewritePattern> patterns) {
        return new PatternSet(patterns);
    }

    public static PatternSet empty() {
        return new PatternSet(List.of());
    }

    /** The patterns {@code keep} accepts (e.g. by name, for a pass's disable/enable lists). */
    public PatternSet filter(Predicate<? super RewritePattern> keep) {
        return new PatternSet(all.stream().filter(keep).toList());
    }

    public List<RewritePattern> all() {
        return all;
    }

    /** The patterns that may apply to {@code op}, in the order to try them. */
    public List<RewritePattern> forOp(Operation op) {
        return byRoot.getOrDefault(op.name(), anyOp);
    }
}
