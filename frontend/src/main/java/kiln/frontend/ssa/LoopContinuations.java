package kiln.frontend.ssa;

import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Constants;
import kiln.dialects.torch.TorchDialect;

/**
 * Turns {@code break} and {@code continue} into {@code prim::LoopContinuation(cond, carried...)} (PyTorch's
 * LoopContinuations): a break continues with false, a continue re-evaluates the loop condition; both pass the
 * current values of the loop-carried variables.
 */
final class LoopContinuations {
    private Value falseValue;
    private Operation currentLoop;

    void run(Block graphBlock) {
        Operation f = Constants.bool(false);
        graphBlock.insertBefore(f, graphBlock.firstOp());
        falseValue = f.result(0);
        assign(graphBlock);
    }

    private void assign(Block block) {
        for (Operation n : block.opsSnapshot()) {
            if (n.def() == TorchDialect.IF) {
                assign(n.region(0).entry());
                assign(n.region(1).entry());
            } else if (n.def() == TorchDialect.LOOP) {
                Operation prev = currentLoop;
                currentLoop = n;
                assign(n.region(0).entry());
                currentLoop = prev;
            } else if (n.def() == TorchDialect.CONTINUE_STMT) {
                Operation cont = continuation(n);
                Region scratch = new Region(null);
                Block header = BlockOutputs.newBlock(scratch);
                BlockOutputs.cloneFrom(header, currentLoop.region(1).entry());
                BlockOutputs.inlineBefore(n, header);
                cont.addOperand(BlockOutputs.outputs(header).getFirst());
                addLoopCarriedOutputs(cont);
                n.erase();
            } else if (n.def() == TorchDialect.BREAK_STMT) {
                Operation exit = continuation(n);
                exit.addOperand(falseValue);
                addLoopCarriedOutputs(exit);
                n.erase();
            }
        }
    }

    private static Operation continuation(Operation after) {
        Operation c = Operation.create(TorchDialect.LOOP_CONTINUATION, List.of(), List.of(), Map.of(), 0,
                after.location());
        after.block().insertAfter(c, after);
        return c;
    }

    private void addLoopCarriedOutputs(Operation continuation) {
        for (Value out : BlockOutputs.outputs(currentLoop.region(0).entry())) {
            Operation load = out.definingOp();
            if (load == null || load.def() != TorchDialect.LOAD) {
                throw new IllegalStateException("loop-carried output is not a prim::Load");
            }
            Operation copy = load.clone();
            continuation.block().insertBefore(copy, continuation);
            continuation.addOperand(copy.result(0));
        }
    }
}
