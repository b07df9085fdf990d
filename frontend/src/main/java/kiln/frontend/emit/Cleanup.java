package kiln.frontend.emit;

import kiln.dialects.ir.Block;
import kiln.dialects.ir.rewrite.GreedyRewriteConfig;
import kiln.dialects.ir.rewrite.GreedyRewriteDriver;
import kiln.dialects.ir.rewrite.PatternSet;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.TorchCanonicalization;
import kiln.dialects.torch.TorchDialect;
import kiln.lowering.PassContext;
import kiln.lowering.torch.ConstantPoolingPass;
import kiln.lowering.transforms.DeadCodeEliminationPass;

/**
 * The clean-up TorchScript runs on every freshly compiled graph (ir_emitter.cpp: NormalizeOps, then
 * runCleanupPasses): operator aliases are normalized, tuples built only to be taken apart again are lowered away,
 * constants are propagated, dead code is removed, and constants are pooled.
 */
final class Cleanup {
    private Cleanup() {
    }

    static void run(Graph g, kiln.dialects.torch.schema.OperatorRegistry operators) {
        PassContext context = new PassContext(TorchDialect.registry());
        new kiln.lowering.torch.NormalizeOpsPass(TorchDialect.registry()).run(g.region(), context);
        lowerSimpleTuples(g.block());
        new kiln.lowering.torch.ConstantPropagationPass().run(g.region(), context);
        // the exit transforms always leave constant conditions behind, so PyTorch's constant propagation always
        // changes something here and runs dead code elimination after it
        eliminateDeadCode(g.block());
        new ConstantPoolingPass().run(g.region(), context);
    }

    /**
     * What PyTorch does to a callee before inlining it (GraphFunction::optimized_graph, preoptimizeGraph) and
     * at the end of compilation: constant propagation on immutable types (followed, when it changed anything, by
     * dead code removal, as PyTorch's does), then constant pooling.
     */
    static void optimize(Graph g, kiln.dialects.torch.schema.OperatorRegistry operators) {
        PassContext context = new PassContext(TorchDialect.registry());
        if (new kiln.lowering.torch.ConstantPropagationPass().run(g.region(), context)) {
            eliminateDeadCode(g.block());
        }
        new ConstantPoolingPass().run(g.region(), context);
    }

    /**
     * PyTorch's LowerSimpleTuples: {@code TupleUnpack(TupleConstruct(xs))} is {@code xs} and
     * {@code TupleIndex(TupleConstruct(xs), i)} is {@code xs[i]} (the torch dialect's tuple rows, applied by the
     * greedy driver without folding or constant de-duplication).
     */
    static void lowerSimpleTuples(Block block) {
        GreedyRewriteDriver.apply(block.parent(), TUPLE_RULES, TUPLES_ONLY, TorchDialect.registry());
    }

    private static final PatternSet TUPLE_RULES = PatternSet.of(TorchCanonicalization.tupleRules().patterns());
    private static final GreedyRewriteConfig TUPLES_ONLY =
            GreedyRewriteConfig.DEFAULT.withFold(false).withCseConstants(false).withTopDown(true);

    static void eliminateDeadCode(Block block) {
        new DeadCodeEliminationPass().run(block.parent(), new PassContext(TorchDialect.registry()));
    }

}
