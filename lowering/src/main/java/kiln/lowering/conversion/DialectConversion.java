package kiln.lowering.conversion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.rewrite.PatternRewriter;
import kiln.dialects.ir.rewrite.RewritePattern;

/**
 * MLIR's dialect conversion, without rollback: every op under a root that the {@link ConversionTarget} does not call
 * legal is offered to the patterns (highest benefit first; a pattern either rewrites or leaves the IR as it was),
 * parents before the ops nested in them, producers before users; ops a pattern creates are legalized in turn.
 * Where converted and unconverted code meet, values cross through materializations
 * ({@code builtin.unrealized_conversion_cast} by default); casts that meet their inverse cancel at the end.
 *
 * <p>{@link #applyPartialConversion} converts what it can: illegal ops no pattern converts stay, with casts at
 * their boundaries, and are reported in {@link ConversionResult#left}. {@link #applyFullConversion} requires every op
 * to end up legal (unknown ones included) and reports each op left with a located diagnostic, as MLIR words it
 * ({@code failed to legalize operation 'aten::mul' that was explicitly marked illegal}); what it did convert stays
 * converted.
 */
public final class DialectConversion {
    /** Ops an op modified in place is offered to the patterns again, at most. */
    private static final int MAX_ATTEMPTS_PER_OP = 8;

    private final ConversionTarget target;
    private final List<RewritePattern> patterns;
    private final TypeConverter typeConverter;
    private final boolean full;

    private DialectConversion(ConversionTarget target, List<? extends RewritePattern> patterns,
                              TypeConverter typeConverter, boolean full) {
        this.target = target;
        this.patterns = patterns.stream().sorted(Comparator.comparingInt(RewritePattern::benefit).reversed())
                .map(p -> (RewritePattern) p).toList();
        this.typeConverter = typeConverter;
        this.full = full;
    }

    /**
     * Converts what the patterns can under {@code root} (the region and everything nested in it).
     *
     * @param typeConverter the materializations replacements use where a pattern has no converter of its own; may be
     *                      null (casts)
     */
    public static ConversionResult applyPartialConversion(Region root, ConversionTarget target,
                                                          List<? extends RewritePattern> patterns,
                                                          TypeConverter typeConverter) {
        return new DialectConversion(target, patterns, typeConverter, false).run(root::walk);
    }

    /** Converts {@code root} and what is nested in it. */
    public static ConversionResult applyPartialConversion(Operation root, ConversionTarget target,
                                                          List<? extends RewritePattern> patterns,
                                                          TypeConverter typeConverter) {
        return new DialectConversion(target, patterns, typeConverter, false).run(root::walk);
    }

    /** Converts everything under {@code root}; fails (with a diagnostic per op) unless all of it ends up legal. */
    public static ConversionResult applyFullConversion(Region root, ConversionTarget target,
                                                       List<? extends RewritePattern> patterns,
                                                       TypeConverter typeConverter) {
        return new DialectConversion(target, patterns, typeConverter, true).run(root::walk);
    }

    public static ConversionResult applyFullConversion(Operation root, ConversionTarget target,
                                                       List<? extends RewritePattern> patterns,
                                                       TypeConverter typeConverter) {
        return new DialectConversion(target, patterns, typeConverter, true).run(root::walk);
    }

    /** Converts the ops {@code root} walks (parents before the ops nested in them). */
    private ConversionResult run(Consumer<Consumer<Operation>> root) {
        ConversionRewriter rewriter = new ConversionRewriter(new PatternRewriter.Listener() {
        });
        List<ConversionResult.Converted> converted = new ArrayList<>();
        Deque<Operation> worklist = new ArrayDeque<>();
        root.accept(worklist::add);
        Map<Operation, Integer> attempts = new IdentityHashMap<>();
        while (!worklist.isEmpty()) {
            Operation op = worklist.poll();
            if (rewriter.isErased(op) || target.isLegal(op) || attempts.merge(op, 1, Integer::sum) > MAX_ATTEMPTS_PER_OP) {
                continue;
            }
            String name = op.name();
            Location location = op.location();
            for (RewritePattern pattern : patterns) {
                if (!pattern.rootNames().isEmpty() && !pattern.rootNames().contains(name)) {
                    continue;
                }
                rewriter.beginAttempt(pattern instanceof ConversionPattern cp && cp.typeConverter() != null
                        ? cp.typeConverter() : typeConverter);
                rewriter.setInsertionPointBefore(op);
                if (!pattern.matchAndRewrite(op, rewriter)) {
                    rewriter.abandonAttempt();
                    continue;
                }
                converted.add(new ConversionResult.Converted(name, location, pattern.name()));
                List<Operation> fresh = new ArrayList<>(rewriter.insertedByAttempt());
                if (!rewriter.isErased(op)) {
                    fresh.add(op); // changed in place: offered again if still not legal
                }
                for (int i = fresh.size() - 1; i >= 0; i--) {
                    worklist.addFirst(fresh.get(i));
                }
                break;
            }
        }
        rewriter.reconcileOwnCasts();
        List<Operation> left = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        root.accept(op -> {
            if (rewriter.isErased(op)) {
                return; // the root op itself was replaced: its replacement lies outside what was converted
            }
            ConversionTarget.Legality legality = target.legality(op);
            if (legality == ConversionTarget.Legality.ILLEGAL
                    || full && legality == ConversionTarget.Legality.UNKNOWN) {
                left.add(op);
                if (full) {
                    diagnostics.add(Diagnostic.at(op, "failed to legalize operation '" + op.name() + "'"
                            + (legality == ConversionTarget.Legality.ILLEGAL ? " that was explicitly marked illegal"
                            : "")));
                }
            }
        });
        return new ConversionResult(converted, left, diagnostics);
    }
}
