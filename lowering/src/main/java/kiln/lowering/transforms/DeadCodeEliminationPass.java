package kiln.lowering.transforms;

import java.util.List;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.MemoryEffects;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.UnusedResults;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * Removes dead code (PyTorch's EliminateDeadCode, MLIR's trivially dead op removal), in any dialect: walking each
 * block from its end, nested blocks first, it erases every op that {@link MemoryEffects#isTriviallyDead} says is
 * dead — its results unused, its effects at most reads and allocations of its own results — so that an op whose
 * effects include a write (a print, an in-place update, an attribute store) or are unknown always stays. Ops
 * implementing {@link UnusedResults} first drop the results nobody uses with what their regions yield for them.
 */
public final class DeadCodeEliminationPass implements Pass {
    public static final String NAME = "dce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "remove unused ops whose effects are at most reads and allocations";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        boolean changed = false;
        for (Block b : root.blocks()) {
            changed |= block(b, context);
        }
        return changed;
    }

    private boolean block(Block block, PassContext context) {
        boolean changed = false;
        List<Operation> ops = block.opsSnapshot();
        for (int i = ops.size() - 1; i >= 0; i--) {
            Operation op = ops.get(i);
            changed |= op.getInterface(UnusedResults.class).map(u -> u.eraseUnusedResults(op)).orElse(false);
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    changed |= block(b, context);
                }
            }
            if (MemoryEffects.isTriviallyDead(op)) {
                op.erase();
                context.count(this, "removed", 1);
                changed = true;
            }
        }
        return changed;
    }
}
