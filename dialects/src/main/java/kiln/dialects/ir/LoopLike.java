package kiln.dialects.ir;

import java.util.List;

/**
 * An op interface (MLIR's {@code LoopLikeOpInterface}): an op whose regions run repeatedly, once per iteration.
 * Loop transforms (hoisting invariant code, unrolling, fusion) ask it instead of knowing each dialect's loop ops.
 */
public interface LoopLike {
    /** The regions that run on every iteration (the body). */
    List<Region> loopRegions(Operation loop);

    /** Whether {@code v} is defined outside {@code loop}, so it is the same on every iteration. */
    default boolean isDefinedOutsideOfLoop(Operation loop, Value v) {
        Operation def = v.definingOp();
        Operation owner = def != null ? def : v.parentBlock().parentOp();
        return owner == null || !loop.isAncestorOf(owner);
    }

    /** Moves {@code op}, which is invariant, out of {@code loop}: to just before it. */
    default void moveOutOfLoop(Operation loop, Operation op) {
        op.moveBefore(loop);
    }
}
