package kiln.frontend.ssa;

import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.TorchDialect;

/**
 * Loops are emitted with their condition in a second block (PyTorch's InlineLoopCondition): a copy of it
 * becomes the loop's start condition, and the block itself moves to the end of the body as the continue
 * condition.
 */
final class InlineLoopCondition {
    private InlineLoopCondition() {
    }

    static void run(Block block) {
        for (Operation n : block.opsSnapshot()) {
            for (Region r : n.regions()) {
                for (Block b : r.blocks()) {
                    run(b);
                }
            }
            if (n.def() == TorchDialect.LOOP && n.regions().size() == 2) {
                inline(n);
            }
        }
    }

    private static void inline(Operation loop) {
        Block body = loop.region(0).entry();
        Block preHeader = loop.region(1).entry();
        Block temp = BlockOutputs.newBlock(new Region(null));
        BlockOutputs.cloneFrom(temp, preHeader);
        BlockOutputs.inlineBefore(loop, temp);
        loop.insertOperand(1, BlockOutputs.outputs(temp).getFirst());
        Operation bodyReturn = BlockOutputs.returnOp(body);
        BlockOutputs.inlineBefore(bodyReturn, preHeader);
        BlockOutputs.insert(body, 0, BlockOutputs.outputs(preHeader).getFirst());
        loop.eraseRegion(1);
    }
}
