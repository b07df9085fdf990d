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

/**
 * Brackets each {@code prim::Enter} … {@code prim::Exit} pair in a {@code prim::With} while the exit transforms
 * run, and flattens them again afterwards (exit_transforms.cpp's convertEnterExitNodesToWithBlocks and
 * convertWithBlocksToEnterExitNodes): an early exit inside a {@code with} body then ends the body, while the
 * {@code prim::Exit} in the with's second block still runs.
 */
final class WithBlocks {
    private WithBlocks() {
    }

    /** Moves the ops between each Enter and its Exit into a new {@code prim::With}'s body, the Exit into its exit. */
    static void wrap(Block top) {
        List<Operation[]> pairs = new ArrayList<>();
        pairs(top, new ArrayDeque<>(), pairs);
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
    }

    /** Puts each {@code prim::With}'s body and exit back in place of it. */
    static void unwrap(Block block) {
        for (Operation op : block.opsSnapshot()) {
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    unwrap(b);
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
            }
        }
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
