package kiln.dialects.ir.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Use;
import kiln.dialects.ir.Value;

/**
 * The only way patterns change IR (MLIR's {@code RewriterBase}): creating ops at an insertion point, replacing and
 * erasing ops, changing an op in place, moving and inlining. Each change is reported to a {@link Listener}, which is
 * how a driver keeps its worklist and statistics right.
 */
public class PatternRewriter {
    /** Told of every change a rewriter makes. */
    public interface Listener {
        default void inserted(Operation op) {
        }

        /** {@code op} is about to be erased (its nested ops are erased with it). */
        default void erased(Operation op) {
        }

        /** {@code op}'s operands, attributes or types changed in place. */
        default void modified(Operation op) {
        }

        /** Every use of {@code op}'s results is about to be replaced by {@code values}. */
        default void replaced(Operation op, List<? extends Value> values) {
        }
    }

    private Listener listener;
    private Block block;
    private Operation before;
    private Location location = Location.UNKNOWN;

    public PatternRewriter(Listener listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    public PatternRewriter() {
        this(new Listener() { });
    }

    public Listener listener() {
        return listener;
    }

    public void setListener(Listener listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    // ---- insertion point

    public PatternRewriter setInsertionPointBefore(Operation op) {
        this.block = op.block();
        this.before = op;
        this.location = op.location();
        return this;
    }

    public PatternRewriter setInsertionPointAfter(Operation op) {
        this.block = op.block();
        this.before = op.nextOp();
        this.location = op.location();
        return this;
    }

    public PatternRewriter setInsertionPointToStart(Block b) {
        this.block = b;
        this.before = b.firstOp();
        return this;
    }

    public PatternRewriter setInsertionPointToEnd(Block b) {
        this.block = b;
        this.before = null;
        return this;
    }

    /** The location new ops get (the op the insertion point was set at, until changed). */
    public PatternRewriter at(Location loc) {
        this.location = Objects.requireNonNull(loc);
        return this;
    }

    public Location location() {
        return location;
    }

    public Block insertionBlock() {
        return block;
    }

    // ---- creating

    /** Inserts detached {@code op} at the insertion point. */
    public Operation insert(Operation op) {
        if (block == null) {
            throw new IllegalStateException("the rewriter has no insertion point");
        }
        block.insertBefore(op, before);
        op.walk(listener::inserted);
        return op;
    }

    /** Creates and inserts an op at the insertion point, with the current location. */
    public Operation create(OpDef def, List<? extends Value> operands, List<? extends Type> resultTypes,
                            Map<String, Attribute> attributes, int regions) {
        return insert(Operation.create(def, operands, resultTypes, attributes, regions, location));
    }

    public Operation create(OpDef def, List<? extends Value> operands, List<? extends Type> resultTypes) {
        return create(def, operands, resultTypes, Map.of(), 0);
    }

    // ---- replacing and erasing

    /**
     * Replaces every use of {@code op}'s results with {@code values} (one per result) and erases {@code op}.
     */
    public void replaceOp(Operation op, List<? extends Value> values) {
        if (values.size() != op.numResults()) {
            throw new IllegalArgumentException(op.name() + " has " + op.numResults() + " result(s), got "
                    + values.size() + " replacement(s)");
        }
        listener.replaced(op, values);
        for (int i = 0; i < values.size(); i++) {
            replaceAllUsesWith(op.result(i), values.get(i));
        }
        eraseOp(op);
    }

    /** Replaces {@code op} by a new op created in its place, its results named as {@code op}'s; returns it. */
    public Operation replaceOpWithNew(Operation op, OpDef def, List<? extends Value> operands,
                                      List<? extends Type> resultTypes, Map<String, Attribute> attributes) {
        setInsertionPointBefore(op);
        Operation fresh = create(def, operands, resultTypes, attributes, 0);
        for (int i = 0; i < Math.min(op.numResults(), fresh.numResults()); i++) {
            fresh.result(i).setName(op.result(i).name());
        }
        replaceOp(op, fresh.results());
        return fresh;
    }

    /** Erases {@code op}, whose results must be unused, and everything nested in it. */
    public void eraseOp(Operation op) {
        List<Operation> nested = new ArrayList<>();
        op.walkPostOrder(nested::add);
        nested.forEach(listener::erased);
        op.erase();
    }

    /** Makes every user of {@code from} use {@code to}; each user is reported modified. */
    public void replaceAllUsesWith(Value from, Value to) {
        if (from == to) {
            return;
        }
        for (Use use : List.copyOf(from.uses())) {
            use.user().setOperand(use.index(), to);
            listener.modified(use.user());
        }
    }

    /** Runs {@code change} on {@code op} (attributes, operands, result types) and reports it modified. */
    public void modifyOpInPlace(Operation op, Runnable change) {
        change.run();
        listener.modified(op);
    }

    /** Moves {@code op} before {@code anchor}. */
    public void moveOpBefore(Operation op, Operation anchor) {
        op.moveBefore(anchor);
        listener.modified(op);
    }

    /**
     * Moves the ops of {@code source} (all but its terminator, which is erased) before {@code anchor}, its
     * arguments replaced by {@code arguments}; returns the terminator's operands (what the block yielded), which
     * stay valid.
     */
    public List<Value> inlineBlockBefore(Block source, Operation anchor, List<? extends Value> arguments) {
        if (arguments.size() != source.arguments().size()) {
            throw new IllegalArgumentException("block takes " + source.arguments().size() + " argument(s), got "
                    + arguments.size());
        }
        for (int i = 0; i < arguments.size(); i++) {
            replaceAllUsesWith(source.argument(i), arguments.get(i));
        }
        Operation end = source.terminator();
        List<Value> yielded = end == null ? List.of() : List.copyOf(end.operands());
        for (Operation op : source.opsSnapshot()) {
            if (op != end) {
                op.moveBefore(anchor);
                listener.modified(op);
            }
        }
        if (end != null) {
            eraseOp(end);
        }
        return yielded;
    }

    /** Moves every block of {@code from} to the end of {@code into}. */
    public void inlineRegion(Region from, Region into) {
        into.takeBody(from);
        into.walk(listener::modified);
    }
}
