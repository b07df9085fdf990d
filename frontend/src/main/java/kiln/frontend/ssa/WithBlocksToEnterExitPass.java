package kiln.frontend.ssa;

import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.TorchDialect;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * Puts each {@code prim::With}'s body and exit block back in place of it once the exit transforms are done (PyTorch's
 * convertWithBlocksToEnterExitNodes, frontend/exit_transforms.cpp): the inverse of {@link EnterExitToWithBlocksPass}.
 */
public final class WithBlocksToEnterExitPass implements Pass {
    public static final String NAME = "convert-with-blocks-to-enter-exit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "frontend: put each prim::With's body and its prim::Exit back in place of it";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        return unwrap(root.entry());
    }

    private static boolean unwrap(Block block) {
        boolean changed = false;
        for (Operation op : block.opsSnapshot()) {
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    changed |= unwrap(b);
                }
            }
            if (op.def() == TorchDialect.WITH) {
                for (Region r : op.regions()) {
                    Block b = r.entry();
                    for (Operation inner : b.opsSnapshot()) {
                        if (inner != BlockOutputs.returnOp(b)) {
                            inner.moveBefore(op);
                        }
                    }
                }
                op.erase();
                changed = true;
            }
        }
        return changed;
    }
}
