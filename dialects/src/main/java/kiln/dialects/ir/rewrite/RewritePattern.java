package kiln.dialects.ir.rewrite;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import kiln.dialects.ir.Operation;

/**
 * One rewrite (MLIR's {@code RewritePattern}): matches an op, and when it matches rewrites it through the {@link
 * PatternRewriter} (never directly, so that drivers see every change). A pattern that does not match must leave the
 * IR untouched. Patterns are named (the name shows in statistics and traces), have a benefit (drivers try higher
 * ones first) and may declare the op names they apply to, so drivers index them instead of trying every pattern on
 * every op.
 */
public abstract class RewritePattern {
    private final String name;
    private final int benefit;
    private final Set<String> rootNames;

    /**
     * @param rootNames the op names this pattern applies to; none means any op
     */
    protected RewritePattern(String name, int benefit, List<String> rootNames) {
        this.name = Objects.requireNonNull(name);
        this.benefit = benefit;
        this.rootNames = Set.copyOf(rootNames);
    }

    public final String name() {
        return name;
    }

    public final int benefit() {
        return benefit;
    }

    /** The op names this pattern applies to; empty when it may apply to any op. */
    public final Set<String> rootNames() {
        return rootNames;
    }

    /** Rewrites {@code op} if it matches; returns whether it did (and so whether the IR changed). */
    public abstract boolean matchAndRewrite(Operation op, PatternRewriter rewriter);

    @Override
    public String toString() {
        return name;
    }
}
