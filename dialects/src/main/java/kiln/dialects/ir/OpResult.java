package kiln.dialects.ir;

/** Result {@link #index()} of an {@link Operation}. */
public final class OpResult extends Value {
    private final Operation owner;
    int index;

    OpResult(Operation owner, int index, Type type, String name) {
        super(type, name);
        this.owner = owner;
        this.index = index;
    }

    public int index() {
        return index;
    }

    @Override
    public Operation definingOp() {
        return owner;
    }

    @Override
    public Block parentBlock() {
        return owner.block();
    }
}
