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
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * Second step of the conversion to SSA (PyTorch's LoopContinuations, frontend/convert_to_ssa.cpp): turns
 * {@code prim::BreakStmt} and {@code prim::ContinueStmt} into {@code prim::LoopContinuation(cond, carried...)}: a
 * break continues with false, a continue re-evaluates the loop condition (a copy of the loop's condition block);
 * both pass the current values of the loop-carried variables. Runs on loops that still have their condition block.
 */
public final class LoopContinuationsPass implements Pass {
    public static final String NAME = "loop-continuations";

    /** State of one run: the graph's {@code false} constant and the innermost loop walked. */
    private Value falseValue;
    private Operation currentLoop;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "frontend: turn break and continue into prim::LoopContinuation with the loop-carried values";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        Block graphBlock = root.entry();
        LoopContinuationsPass run = new LoopContinuationsPass();
        Operation f = Constants.bool(false);
        graphBlock.insertBefore(f, graphBlock.firstOp());
        run.falseValue = f.result(0);
        run.assign(graphBlock);
        return true;
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
