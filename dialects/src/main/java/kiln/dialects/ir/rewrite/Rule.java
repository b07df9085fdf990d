package kiln.dialects.ir.rewrite;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import kiln.dialects.ir.Value;

/**
 * One rewrite rule as data (MLIR's DRR {@code Pat}, a row of tinygrad's {@code PatternMatcher}): a name, a pattern
 * rooted at an op, an optional constraint over the bindings, and the rewrite. Write one rule per line with the
 * rewrite as a comment:
 * <pre>{@code
 * Rule.of("mul-one", op("aten::mul", var("x"), constant(1)), m -> m.value("x")),  // aten::mul(x, 1) -> x
 * }</pre>
 * The name shows in statistics and traces and selects the rule in {@code enable-patterns}/{@code disable-patterns};
 * the benefit defaults to the number of ops the pattern matches (as in DRR), so more specific rules go first.
 *
 * @param constraint checked after the pattern matched, before rewriting
 */
public record Rule(String name, int benefit, Pattern.Op root, Predicate<Match> constraint, Action rewrite) {

    /** The right-hand side: rewrites the matched root through the match's rewriter; true when it did. */
    @FunctionalInterface
    public interface Action {
        boolean apply(Match match, PatternRewriter rewriter);
    }

    public Rule {
        Objects.requireNonNull(name);
        Objects.requireNonNull(root);
        Objects.requireNonNull(constraint);
        Objects.requireNonNull(rewrite);
    }

    /**
     * A rule replacing the root (an op with one result) by the value {@code replacement} gives; the function may
     * create ops with the match's rewriter first. A null value declines the match, so it must create nothing then.
     */
    public static Rule of(String name, Pattern.Op root, Function<Match, Value> replacement) {
        return ofValues(name, root, m -> {
            Value v = replacement.apply(m);
            return v == null ? null : List.of(v);
        });
    }

    /** A rule replacing the root's results by the values {@code replacement} gives (null declines, as above). */
    public static Rule ofValues(String name, Pattern.Op root, Function<Match, List<Value>> replacement) {
        return new Rule(name, root.opCount(), root, m -> true, (m, rewriter) -> {
            List<Value> values = replacement.apply(m);
            if (values == null) {
                return false;
            }
            if (values.size() != m.root().numResults()) {
                throw new IllegalStateException("rule '" + name + "' gives " + values.size() + " value(s) for "
                        + m.root().name() + ", which has " + m.root().numResults() + " result(s)");
            }
            rewriter.replaceOp(m.root(), values);
            return true;
        });
    }

    /** A rule whose rewrite is code: {@code rewrite} must change the IR through the rewriter. */
    public static Rule of(String name, Pattern.Op root, BiConsumer<Match, PatternRewriter> rewrite) {
        return new Rule(name, root.opCount(), root, m -> true, (m, rewriter) -> {
            rewrite.accept(m, rewriter);
            return true;
        });
    }

    /** This rule, applying only where {@code test} holds of the bindings as well. */
    public Rule where(Predicate<Match> test) {
        return new Rule(name, benefit, root, constraint.and(test), rewrite);
    }

    /** This rule with benefit {@code n}. */
    public Rule benefit(int n) {
        return new Rule(name, n, root, constraint, rewrite);
    }

    /** This rule as a pattern for the rewrite drivers. */
    public RewritePattern pattern() {
        return new RewritePattern(name, benefit, List.of(root.name())) {
            @Override
            public boolean matchAndRewrite(kiln.dialects.ir.Operation op, PatternRewriter rewriter) {
                Match m = new Match(op, rewriter);
                if (!root.matchesOp(op, m) || !constraint.test(m)) {
                    return false;
                }
                rewriter.setInsertionPointBefore(op);
                return rewrite.apply(m, rewriter);
            }
        };
    }
}
