package kiln.frontend.emit;

import java.util.List;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.TorchDialect;
import kiln.lowering.PassContext;
import kiln.lowering.torch.ConstantPoolingPass;

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
        eliminateDeadCode(g.block(), operators);
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
            eliminateDeadCode(g.block(), operators);
        }
        new ConstantPoolingPass().run(g.region(), context);
    }

    /** {@code TupleUnpack(TupleConstruct(xs))} is {@code xs}; {@code TupleIndex(TupleConstruct(xs), i)} is {@code xs[i]}. */
    static void lowerSimpleTuples(Block block) {
        for (Operation op : block.opsSnapshot()) {
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    lowerSimpleTuples(b);
                }
            }
            if (op.def() == TorchDialect.TUPLE_UNPACK && op.operand(0).definingOp() != null
                    && op.operand(0).definingOp().def() == TorchDialect.TUPLE_CONSTRUCT
                    && op.operand(0).definingOp().numOperands() == op.numResults()) {
                Operation construct = op.operand(0).definingOp();
                op.replaceWith(List.copyOf(construct.operands()));
            } else if (op.def() == TorchDialect.TUPLE_INDEX && op.operand(0).definingOp() != null
                    && op.operand(0).definingOp().def() == TorchDialect.TUPLE_CONSTRUCT
                    && kiln.dialects.torch.Constants.definingConstant(op.operand(1)).isPresent()) {
                Operation construct = op.operand(0).definingOp();
                long i = kiln.dialects.torch.Constants.definingConstant(op.operand(1)).get()
                        .attribute("value", kiln.dialects.ir.IntAttr.class).value();
                int n = construct.numOperands();
                op.replaceWith(List.of(construct.operand((int) (i < 0 ? i + n : i))));
            }
        }
    }

    static void eliminateDeadCode(Block block, kiln.dialects.torch.schema.OperatorRegistry operators) {
        new kiln.lowering.torch.DeadCodeEliminationPass(operators).run(block.parent(),
                new PassContext(TorchDialect.registry()));
    }

}
