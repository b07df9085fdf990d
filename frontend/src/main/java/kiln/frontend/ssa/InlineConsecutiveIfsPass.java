package kiln.frontend.ssa;

import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.OpResult;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Constants;
import kiln.dialects.torch.TorchDialect;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * After an early return, code is guarded by a second if on a flag the first if set to constants; this merges
 * the second if into the first (PyTorch's inlineConsecutiveIfs, frontend/exit_transforms.cpp), so
 * {@code if x: return 1 / return 2} becomes one if with two returning branches.
 */
public final class InlineConsecutiveIfsPass implements Pass {
    public static final String NAME = "inline-consecutive-ifs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "merge an if on a flag that the if before it sets to constants into that if";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        return run(root.entry());
    }

    private static boolean run(Block block) {
        boolean changed = false;
        Operation n = block.firstOp();
        while (n != null) {
            for (Region r : n.regions()) {
                for (Block b : r.blocks()) {
                    changed |= run(b);
                }
            }
            if (merge(n)) {
                changed = true;
            } else {
                n = n.nextOp();
            }
        }
        return changed;
    }

    private static boolean merge(Operation first) {
        Operation second = first.nextOp();
        if (first.def() != TorchDialect.IF || second == null || second.def() != TorchDialect.IF) {
            return false;
        }
        if (!(second.operand(0) instanceof OpResult cond) || cond.definingOp() != first) {
            return false;
        }
        int offset = cond.index();
        Block firstThen = first.region(0).entry();
        Block firstElse = first.region(1).entry();
        Optional<Boolean> thenValue = Constants.asBool(BlockOutputs.outputs(firstThen).get(offset));
        Optional<Boolean> elseValue = Constants.asBool(BlockOutputs.outputs(firstElse).get(offset));
        if (thenValue.isEmpty() || elseValue.isEmpty() || thenValue.get().equals(elseValue.get())) {
            return false;
        }
        for (int i = 0; i < 2; i++) {
            Block into = i == 0 ? firstThen : firstElse;
            boolean taken = i == 0 ? thenValue.get() : elseValue.get();
            Block from = (taken ? second.region(0) : second.region(1)).entry();
            appendMoved(into, from, first);
        }
        for (OpResult out : List.copyOf(second.results())) {
            OpResult fresh = first.addResult(out.type());
            fresh.setName(out.name());
            out.replaceAllUsesWith(fresh);
        }
        second.erase();
        return true;
    }

    /**
     * Moves {@code from}'s ops to the end of {@code into} and appends its outputs to {@code into}'s, reading
     * {@code first}'s results as {@code into}'s own outputs. The ops are moved, not copied (the second if is erased
     * after), so that they keep their identity: the compiler knows which script function each Function constant
     * names by the constant op itself.
     */
    private static void appendMoved(Block into, Block from, Operation first) {
        List<Value> intoOuts = List.copyOf(BlockOutputs.outputs(into));
        List<Value> fromOuts = List.copyOf(BlockOutputs.outputs(from));
        Operation ret = BlockOutputs.returnOp(into);
        for (Operation op : from.opsSnapshot()) {
            if (op != from.terminator()) {
                op.moveBefore(ret);
                op.walk(inner -> {
                    for (int i = 0; i < inner.numOperands(); i++) {
                        if (inner.operand(i) instanceof OpResult r && r.definingOp() == first) {
                            inner.setOperand(i, intoOuts.get(r.index()));
                        }
                    }
                });
            }
        }
        for (Value v : fromOuts) {
            BlockOutputs.add(into, v instanceof OpResult r && r.definingOp() == first ? intoOuts.get(r.index()) : v);
        }
    }
}
