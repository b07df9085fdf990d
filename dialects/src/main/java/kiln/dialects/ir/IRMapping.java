package kiln.dialects.ir;

import java.util.IdentityHashMap;
import java.util.Map;

/** Old-to-new correspondence of values and blocks while cloning or converting IR. */
public final class IRMapping {
    private final Map<Value, Value> values = new IdentityHashMap<>();
    private final Map<Block, Block> blocks = new IdentityHashMap<>();

    public IRMapping map(Value from, Value to) {
        values.put(from, to);
        return this;
    }

    public IRMapping map(Block from, Block to) {
        blocks.put(from, to);
        return this;
    }

    public Value lookup(Value v) {
        Value mapped = values.get(v);
        if (mapped == null) {
            throw new IllegalStateException("no mapping for " + v);
        }
        return mapped;
    }

    public Value lookupOrDefault(Value v) {
        return values.getOrDefault(v, v);
    }

    public Block lookupOrDefault(Block b) {
        return blocks.getOrDefault(b, b);
    }

    public boolean contains(Value v) {
        return values.containsKey(v);
    }
}
