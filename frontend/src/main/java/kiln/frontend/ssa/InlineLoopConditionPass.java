package kiln.frontend.ssa;

import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.TorchDialect;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * Third step of the conversion to SSA (PyTorch's InlineLoopCondition, frontend/convert_to_ssa.cpp): loops are
 * emitted with their condition in a second block; a copy of it becomes the loop's start condition (its second
 * operand), and the block itself moves to the end of the body as the continue condition.
 */
public final class InlineLoopConditionPass implements Pass {
    public static final String NAME = "inline-loop-condition";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "frontend: make each loop's condition block its start condition and the end of its body";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        return run(root.entry());
    }

    private static boolean run(Block block) {
        boolean changed = false;
        for (Operation n : block.opsSnapshot()) {
            for (Region r : n.regions()) {
                for (Block b : r.blocks()) {
                    changed |= run(b);
                }
            }
            if (n.def() == TorchDialect.LOOP && n.regions().size() == 2) {
                inline(n);
                changed = true;
            }
        }
        return changed;
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
