package kiln.dialects.ir;

/** A value introduced by a block: a graph input, or a loop's iteration variable and carried values. */
public final class BlockArgument extends Value {
    private final Block block;
    int index;

    BlockArgument(Block block, int index, Type type, String name) {
        super(type, name);
        this.block = block;
        this.index = index;
    }

    public int index() {
        return index;
    }

    @Override
    public Operation definingOp() {
        return null;
    }

    @Override
    public Block parentBlock() {
        return block;
    }
}
