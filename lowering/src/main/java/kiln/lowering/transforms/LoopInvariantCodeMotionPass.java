package kiln.lowering.transforms;

import java.util.ArrayList;
import java.util.List;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.LoopLike;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Value;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * MLIR's loop-invariant code motion (LoopInvariantCodeMotion.cpp), over any dialect's loops ({@link LoopLike}): an
 * op of a loop's body whose operands are all defined outside the loop (or by ops already hoisted) and that is
 * {@link Trait#PURE} — no memory effects, and safe to run even when the loop runs zero times — moves to just before
 * the loop. Inner loops are done first, so invariant code climbs out of a whole nest. Ops with regions and
 * terminators stay.
 */
public final class LoopInvariantCodeMotionPass implements Pass {
    public static final String NAME = "loop-invariant-code-motion";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "hoist pure ops whose operands are defined outside a loop out of it";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        List<Operation> loops = new ArrayList<>();
        root.walkPostOrder(op -> {
            if (op.getInterface(LoopLike.class).isPresent()) {
                loops.add(op);
            }
        });
        boolean changed = false;
        for (Operation loop : loops) {
            int moved = hoist(loop, loop.getInterface(LoopLike.class).orElseThrow());
            context.count(this, "hoisted", moved);
            changed |= moved > 0;
        }
        return changed;
    }

    private static int hoist(Operation loop, LoopLike like) {
        int moved = 0;
        for (Region r : like.loopRegions(loop)) {
            for (Block b : r.blocks()) {
                for (Operation op : b.opsSnapshot()) {
                    if (canHoist(loop, like, op)) {
                        like.moveOutOfLoop(loop, op);
                        moved++;
                    }
                }
            }
        }
        return moved;
    }

    private static boolean canHoist(Operation loop, LoopLike like, Operation op) {
        if (op.has(Trait.TERMINATOR) || !op.regions().isEmpty() || !op.has(Trait.PURE)) {
            return false;
        }
        for (Value v : op.operands()) {
            if (!like.isDefinedOutsideOfLoop(loop, v)) {
                return false;
            }
        }
        return true;
    }
}
