package kiln.frontend.ssa;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Constants;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.LeafType;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * PyTorch's CanonicalizeModifiedLoops (frontend/canonicalize_modified_loop.cpp): a {@code prim::Loop} with both a
 * trip count and a condition that is not always true (a {@code for} loop that a {@code break} or a {@code return}
 * modified) becomes a while loop — the maximal trip count, and a counter carried through the loop that the
 * condition compares with the old trip count — so that it reads as a Python {@code while} loop.
 */
public final class CanonicalizeModifiedLoopsPass implements Pass {
    public static final String NAME = "canonicalize-modified-loops";
    private static final DialectRegistry REGISTRY = TorchDialect.registry();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "make each for loop that a break or return modified a while loop with a counter";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        return run(root.entry());
    }

    private static boolean run(Block block) {
        boolean changed = false;
        for (Operation op : block.opsSnapshot()) {
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    changed |= run(b);
                }
            }
            if (op.def() == TorchDialect.LOOP && isModified(op)) {
                canonicalize(op);
                changed = true;
            }
        }
        return changed;
    }

    /** LoopView's ModifiedLoop: the condition is not always true, and the trip count is not the maximal one. */
    private static boolean isModified(Operation loop) {
        Value next = BlockOutputs.outputs(loop.region(0).entry()).getFirst();
        boolean alwaysTrue = Constants.asBool(loop.operand(1)).orElse(false) && Constants.asBool(next).orElse(false);
        Optional<Long> trips = Constants.definingConstant(loop.operand(0))
                .map(c -> c.attribute("value", IntAttr.class)).map(IntAttr::value);
        return !alwaysTrue && (trips.isEmpty() || trips.get() != Long.MAX_VALUE);
    }

    private static void canonicalize(Operation loop) {
        Block body = loop.region(0).entry();
        Value maxTrips = loop.operand(0);
        Value zero = before(loop, Constants.integer(0));
        Value one = before(loop, Constants.integer(1));
        Value condition = before(loop, op("aten::gt", maxTrips, zero, LeafType.BOOL));
        loop.setOperand(0, before(loop, Constants.integer(Long.MAX_VALUE)));
        Optional<Boolean> initial = Constants.asBool(loop.operand(1));
        if (initial.isEmpty() || !initial.get()) {
            condition = before(loop, op("aten::__and__", condition, loop.operand(1), LeafType.BOOL));
        }
        loop.setOperand(1, condition);
        loop.addResult(LeafType.INT);
        loop.addOperand(zero);
        Value counter = body.addArgument(LeafType.INT, null);
        Value iteration = body.argument(0);
        iteration.setName(null);
        iteration.replaceAllUsesWith(counter);
        Value next = atEnd(body, op("aten::add", counter, one, LeafType.INT));
        BlockOutputs.add(body, next);
        Value below = atEnd(body, op("aten::lt", next, maxTrips, LeafType.BOOL));
        Value carryOn = atEnd(body, op("aten::__and__", below, BlockOutputs.outputs(body).getFirst(), LeafType.BOOL));
        BlockOutputs.erase(body, 0);
        BlockOutputs.insert(body, 0, carryOn);
    }

    private static Operation op(String name, Value a, Value b, LeafType result) {
        return Operation.create(REGISTRY.lookup(name).orElseThrow(), List.of(a, b), List.of(result), Map.of(), 0,
                Location.UNKNOWN);
    }

    private static Value before(Operation anchor, Operation op) {
        anchor.block().insertBefore(op, anchor);
        return op.result(0);
    }

    private static Value atEnd(Block block, Operation op) {
        block.insertBefore(op, BlockOutputs.returnOp(block));
        return op.result(0);
    }
}
