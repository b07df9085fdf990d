package kiln.dialects.ir;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates operations at an insertion point (before an op, or at the end of a block) with a current location,
 * resolving op names through a {@link DialectRegistry}.
 */
public final class Builder {
    private final DialectRegistry registry;
    private Block block;
    private Operation before;
    private Location location = Location.UNKNOWN;

    public Builder(DialectRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    public DialectRegistry registry() {
        return registry;
    }

    public Builder atEnd(Block b) {
        this.block = b;
        this.before = null;
        return this;
    }

    public Builder atStart(Block b) {
        this.block = b;
        this.before = b.firstOp();
        return this;
    }

    public Builder before(Operation op) {
        this.block = op.block();
        this.before = op;
        return this;
    }

    public Builder after(Operation op) {
        this.block = op.block();
        this.before = op.nextOp();
        return this;
    }

    public Builder at(Location loc) {
        this.location = Objects.requireNonNull(loc);
        return this;
    }

    public Block block() {
        return block;
    }

    public OpDef resolve(String opName) {
        return registry.lookup(opName)
                .orElseThrow(() -> new IllegalArgumentException("unknown op '" + opName + "'"));
    }

    public Operation create(String opName, List<? extends Value> operands, List<? extends Type> resultTypes) {
        return create(resolve(opName), operands, resultTypes, Map.of(), 0);
    }

    public Operation create(OpDef def, List<? extends Value> operands, List<? extends Type> resultTypes,
                            Map<String, Attribute> attributes, int regions) {
        return insert(Operation.create(def, operands, resultTypes, attributes, regions, location));
    }

    /** Inserts a detached op at the insertion point; later ops go after it. */
    public Operation insert(Operation op) {
        if (block == null) {
            throw new IllegalStateException("builder has no insertion point");
        }
        block.insertBefore(op, before);
        return op;
    }
}
