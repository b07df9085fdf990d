package kiln.frontend.ssa;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.TorchDialect;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * Brackets each {@code prim::Enter} … {@code prim::Exit} pair in a {@code prim::With} while the exit transforms run
 * (PyTorch's convertEnterExitNodesToWithBlocks, frontend/exit_transforms.cpp): the ops between them become the
 * with's body (region 0), the Exit its exit block (region 1). An early exit inside a with body then ends the body,
 * while the {@code prim::Exit} still runs. {@link WithBlocksToEnterExitPass} undoes it.
 */
public final class EnterExitToWithBlocksPass implements Pass {
    public static final String NAME = "convert-enter-exit-to-with-blocks";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "frontend: bracket the ops between each prim::Enter and its prim::Exit in a prim::With";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        List<Operation[]> pairs = new ArrayList<>();
        pairs(root.entry(), new ArrayDeque<>(), pairs);
        // innermost pairs come first, so that an outer pair moves an inner With as one op
        for (Operation[] pair : pairs) {
            Operation enter = pair[0];
            Operation exit = pair[1];
            Operation with = Operation.create(TorchDialect.WITH, List.of(), List.of(), Map.of(), 2, Location.UNKNOWN);
            Block body = BlockOutputs.newBlock(with.region(0));
            Block exitBlock = BlockOutputs.newBlock(with.region(1));
            for (Operation op = enter.nextOp(); op != exit; ) {
                Operation next = op.nextOp();
                op.moveBefore(BlockOutputs.returnOp(body));
                op = next;
            }
            exit.moveBefore(BlockOutputs.returnOp(exitBlock));
            enter.block().insertAfter(with, enter);
        }
        return !pairs.isEmpty();
    }

    private static void pairs(Block block, Deque<Operation> open, List<Operation[]> out) {
        for (Operation op : block.opsSnapshot()) {
            if (op.def() == TorchDialect.ENTER) {
                open.push(op);
            } else if (op.def() == TorchDialect.EXIT) {
                Operation enter = open.pop();
                if (enter.operand(0) != op.operand(0) || enter.block() != op.block()) {
                    throw new IllegalStateException("prim::Exit does not match the prim::Enter before it");
                }
                out.add(new Operation[] {enter, op});
            }
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    pairs(b, open, out);
                }
            }
        }
    }
}
