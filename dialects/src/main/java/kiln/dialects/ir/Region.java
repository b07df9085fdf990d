package kiln.dialects.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A list of blocks owned by an op (or standing alone as the body of a graph). TorchScript's regions have one
 * block each: the branches of {@code prim::If}, the body of {@code prim::Loop}, a graph's body.
 */
public final class Region {
    private final Operation parentOp;
    private final List<Block> blocks = new ArrayList<>(1);

    /** A region owned by {@code parentOp}, or a top-level one when null. */
    public Region(Operation parentOp) {
        this.parentOp = parentOp;
    }

    public Operation parentOp() {
        return parentOp;
    }

    public List<Block> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public Block entry() {
        if (blocks.isEmpty()) {
            throw new IllegalStateException("region has no blocks");
        }
        return blocks.getFirst();
    }

    public Block addBlock() {
        Block b = new Block(this);
        blocks.add(b);
        return b;
    }

    public void walk(Consumer<Operation> visitor) {
        for (Block b : blocks) {
            for (Operation op : b.ops()) {
                op.walk(visitor);
            }
        }
    }

    public void walkPostOrder(Consumer<Operation> visitor) {
        for (Block b : blocks) {
            for (Operation op : b.opsSnapshot()) {
                op.walkPostOrder(visitor);
            }
        }
    }

    /**
     * Moves every block of {@code other} to the end of this region (MLIR's {@code takeBody} when this one is empty);
     * {@code other} is left with no blocks.
     */
    public void takeBody(Region other) {
        for (Block b : other.blocks) {
            b.parent = this;
            blocks.add(b);
        }
        other.blocks.clear();
    }

    /** Removes block {@code b} and everything in it; nothing outside may use its values. */
    public void eraseBlock(Block b) {
        if (!blocks.remove(b)) {
            throw new IllegalArgumentException("block is not in this region");
        }
        for (Operation op : b.opsSnapshot()) {
            op.dropAllReferences();
        }
    }

    /** Appends deep copies of this region's blocks to {@code target}, recording the correspondence. */
    public void cloneInto(Region target, IRMapping mapping) {
        List<Block> fresh = new ArrayList<>();
        for (Block b : blocks) {
            Block copy = target.addBlock();
            mapping.map(b, copy);
            for (BlockArgument a : b.arguments()) {
                mapping.map(a, copy.addArgument(a.type(), a.name()));
            }
            fresh.add(copy);
        }
        for (int i = 0; i < blocks.size(); i++) {
            for (Operation op : blocks.get(i).ops()) {
                fresh.get(i).append(op.clone(mapping));
            }
        }
    }
}
