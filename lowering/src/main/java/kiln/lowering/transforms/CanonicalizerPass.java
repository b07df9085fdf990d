package kiln.lowering.transforms;

import java.util.ArrayList;
import java.util.List;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.rewrite.CanonicalizationPatterns;
import kiln.dialects.ir.rewrite.GreedyRewriteConfig;
import kiln.dialects.ir.rewrite.GreedyRewriteDriver;
import kiln.dialects.ir.rewrite.GreedyRewriteResult;
import kiln.dialects.ir.rewrite.PatternSet;
import kiln.dialects.ir.rewrite.RewritePattern;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;
import kiln.lowering.PassFailure;
import kiln.lowering.PassOptions;

/**
 * MLIR's canonicalizer (lib/Transforms/Canonicalizer.cpp): the canonicalization patterns of every registered
 * dialect and op, every op's folds, and the removal of dead ops, applied by the {@link GreedyRewriteDriver} until
 * nothing changes. Not converging is no failure unless {@code test-convergence} asks for it. Each pattern that
 * applied is counted under its name ({@code canonicalize.tuple-unpack-of-construct}).
 */
public final class CanonicalizerPass implements Pass {
    public static final String NAME = "canonicalize";

    private final PassOptions given;
    private final CanonicalizerOptions options;
    private DialectRegistry gatheredFrom;
    private PatternSet patterns;

    /** The pass with the options a pipeline gave ({@link CanonicalizerOptions#DECLARED}). */
    public CanonicalizerPass(PassOptions given) {
        this.given = given;
        this.options = CanonicalizerOptions.of(given);
    }

    public CanonicalizerPass() {
        this(PassOptions.defaults(CanonicalizerOptions.DECLARED));
    }

    @Override
    public PassOptions options() {
        return given;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "fold ops, remove dead ones and apply every dialect's canonicalization patterns to a fixed point";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        GreedyRewriteConfig config = GreedyRewriteConfig.DEFAULT.withMaxIterations(options.maxIterations())
                .withMaxRewrites(options.maxRewrites()).withTopDown(options.topDown());
        GreedyRewriteResult result = GreedyRewriteDriver.apply(root, patterns(context.registry()), config,
                context.registry());
        result.applications().forEach((pattern, n) -> context.count(this, pattern, n));
        if (result.folded() > 0) {
            context.count(this, "folded", result.folded());
        }
        if (result.erased() > 0) {
            context.count(this, "erased", result.erased());
        }
        if (options.testConvergence() && !result.converged()) {
            String message = "canonicalizer failed to converge within " + options.maxIterations() + " iteration(s)";
            Operation on = root.parentOp();
            throw on == null ? new PassFailure(NAME, message) : new PassFailure(NAME, List.of(Diagnostic.at(on,
                    message)));
        }
        return result.changed();
    }

    /** The patterns of {@code registry}'s dialects and ops, less those the options disable; gathered once. */
    private PatternSet patterns(DialectRegistry registry) {
        if (registry != gatheredFrom) {
            patterns = PatternSet.of(gather(registry)).filter(p -> options.admits(p.name()));
            gatheredFrom = registry;
        }
        return patterns;
    }

    /** Every canonicalization pattern of {@code registry}: each dialect's, then those its ops declare. */
    public static List<RewritePattern> gather(DialectRegistry registry) {
        List<RewritePattern> all = new ArrayList<>();
        for (Dialect d : registry.dialects()) {
            all.addAll(d.canonicalizationPatterns());
            for (OpDef def : d.ops()) {
                def.getInterface(CanonicalizationPatterns.class).ifPresent(c -> all.addAll(c.patterns()));
            }
        }
        return all;
    }
}
