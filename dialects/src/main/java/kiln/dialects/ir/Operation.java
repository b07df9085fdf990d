package kiln.dialects.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An operation: a declared op ({@link OpDef}) applied to operands, producing results, with named attributes,
 * nested regions and a source location. Operations live in a {@link Block}'s op list; structure changes
 * through the methods here keep use lists consistent.
 */
public final class Operation {
    private final OpDef def;
    private final List<Value> operands = new ArrayList<>();
    private final List<OpResult> results;
    private final List<OpResult> resultsView;
    private final LinkedHashMap<String, Attribute> attributes;
    private final List<Region> regions;
    private final List<Region> regionsView;
    private Location location;

    // Intrusive list links, owned by Block.
    Block block;
    Operation prev;
    Operation next;

    private Operation(OpDef def, List<Type> resultTypes, Map<String, Attribute> attributes, int regionCount,
                      Location location) {
        this.def = Objects.requireNonNull(def, "def");
        List<OpResult> rs = new ArrayList<>(resultTypes.size());
        for (int i = 0; i < resultTypes.size(); i++) {
            rs.add(new OpResult(this, i, resultTypes.get(i), null));
        }
        this.results = rs;
        this.resultsView = Collections.unmodifiableList(rs);
        this.attributes = new LinkedHashMap<>(attributes);
        List<Region> regs = new ArrayList<>(regionCount);
        for (int i = 0; i < regionCount; i++) {
            regs.add(new Region(this));
        }
        this.regions = regs;
        this.regionsView = Collections.unmodifiableList(regs);
        this.location = Objects.requireNonNull(location, "location");
    }

    /** Creates a detached operation; insert it with a {@link Builder} or {@link Block#append}. */
    public static Operation create(OpDef def, List<? extends Value> operands, List<? extends Type> resultTypes,
                                   Map<String, Attribute> attributes, int regionCount, Location location) {
        Operation op = new Operation(def, List.copyOf(resultTypes), attributes, regionCount, location);
        for (Value v : operands) {
            op.addOperand(v);
        }
        return op;
    }

    public OpDef def() {
        return def;
    }

    public String name() {
        return def.name();
    }

    /** Whether this op has {@code trait}: declared for its kind, or (for open kinds) for this op in particular. */
    public boolean has(Trait trait) {
        return def.has(trait) || def.dynamicTraits().has(this, trait);
    }

    /** The implementation of op interface {@code type} for this op's kind, if it implements it. */
    public <I> Optional<I> getInterface(Class<I> type) {
        return def.getInterface(type);
    }

    // ---- operands

    public List<Value> operands() {
        return Collections.unmodifiableList(operands);
    }

    public Value operand(int i) {
        return operands.get(i);
    }

    public int numOperands() {
        return operands.size();
    }

    public void setOperand(int i, Value v) {
        Objects.requireNonNull(v, "operand");
        Value old = operands.get(i);
        if (old == v) {
            return;
        }
        old.removeUse(this, i);
        operands.set(i, v);
        v.addUse(new Use(this, i));
    }

    public void addOperand(Value v) {
        Objects.requireNonNull(v, "operand");
        operands.add(v);
        v.addUse(new Use(this, operands.size() - 1));
    }

    /** Replaces all operands, keeping use lists right. */
    public void setOperands(List<? extends Value> values) {
        dropOperandUses();
        operands.clear();
        for (Value v : values) {
            addOperand(v);
        }
    }

    public void eraseOperand(int i) {
        List<Value> rest = new ArrayList<>(operands);
        rest.remove(i);
        setOperands(rest);
    }

    public void insertOperand(int i, Value v) {
        List<Value> all = new ArrayList<>(operands);
        all.add(i, v);
        setOperands(all);
    }

    private void dropOperandUses() {
        for (int i = 0; i < operands.size(); i++) {
            operands.get(i).removeUse(this, i);
        }
    }

    // ---- results, attributes, regions, location

    public List<OpResult> results() {
        return resultsView;
    }

    /**
     * Appends a result (TorchScript's {@code Node::addOutput}: control-flow ops gain outputs while the frontend
     * builds SSA form). Passes outside the frontend should prefer building a new op.
     */
    public OpResult addResult(Type type) {
        OpResult r = new OpResult(this, results.size(), type, null);
        results.add(r);
        return r;
    }

    /** Removes result {@code i}, which must be unused; later results move down one index. */
    public void eraseResult(int i) {
        OpResult r = results.get(i);
        if (r.hasUses()) {
            throw new IllegalStateException("cannot erase result " + i + " of " + name() + ": it has uses");
        }
        results.remove(i);
        for (int k = i; k < results.size(); k++) {
            results.get(k).index = k;
        }
    }

    public OpResult result(int i) {
        return results.get(i);
    }

    public int numResults() {
        return results.size();
    }

    public Map<String, Attribute> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public Attribute attribute(String attrName) {
        return attributes.get(attrName);
    }

    public <A extends Attribute> A attribute(String attrName, Class<A> kind) {
        Attribute a = attributes.get(attrName);
        return kind.isInstance(a) ? kind.cast(a) : null;
    }

    public void setAttribute(String attrName, Attribute value) {
        attributes.put(attrName, Objects.requireNonNull(value));
    }

    public void removeAttribute(String attrName) {
        attributes.remove(attrName);
    }

    public List<Region> regions() {
        return regionsView;
    }

    /** Appends an empty region (TorchScript's {@code Node::addBlock}, used while the frontend builds SSA). */
    public Region addRegion() {
        Region r = new Region(this);
        regions.add(r);
        return r;
    }

    /** Removes region {@code i} and everything in it; nothing outside may use values defined inside. */
    public void eraseRegion(int i) {
        Region r = regions.remove(i);
        for (Block b : r.blocks()) {
            for (Operation op : b.ops()) {
                op.dropAllReferences();
            }
        }
    }

    public Region region(int i) {
        return regions.get(i);
    }

    public Location location() {
        return location;
    }

    public void setLocation(Location location) {
        this.location = Objects.requireNonNull(location);
    }

    // ---- position

    public Block block() {
        return block;
    }

    public Operation nextOp() {
        return next;
    }

    public Operation prevOp() {
        return prev;
    }

    /** The op whose region contains this op's block, or null at the top. */
    public Operation parentOp() {
        return block == null || block.parent() == null ? null : block.parent().parentOp();
    }

    /** True when {@code other} is this op or nested in one of its regions. */
    public boolean isAncestorOf(Operation other) {
        for (Operation o = other; o != null; o = o.parentOp()) {
            if (o == this) {
                return true;
            }
        }
        return false;
    }

    /** Unlinks this op from its block without touching its operands or uses. */
    public void remove() {
        if (block != null) {
            block.unlink(this);
        }
    }

    public void moveBefore(Operation anchor) {
        remove();
        anchor.block().insertBefore(this, anchor);
    }

    public void moveAfter(Operation anchor) {
        remove();
        anchor.block().insertAfter(this, anchor);
    }

    /**
     * Deletes this op: its results must be unused. Drops its operand uses and everything nested in its regions.
     */
    public void erase() {
        for (OpResult r : results) {
            if (r.hasUses()) {
                throw new IllegalStateException("cannot erase " + name() + ": result " + r.index() + " still has "
                        + r.uses().size() + " use(s)");
            }
        }
        remove();
        dropAllReferences();
    }

    /** Drops operand uses of this op and of every op nested in it, so the whole tree can be discarded. */
    void dropAllReferences() {
        dropOperandUses();
        operands.clear();
        for (Region r : regions) {
            for (Block b : r.blocks()) {
                for (Operation op : b.ops()) {
                    op.dropAllReferences();
                }
            }
        }
    }

    /** Replaces every use of this op's results with {@code values} (same count) and erases the op. */
    public void replaceWith(List<? extends Value> values) {
        if (values.size() != results.size()) {
            throw new IllegalArgumentException(name() + " has " + results.size() + " results, got "
                    + values.size() + " replacements");
        }
        for (int i = 0; i < values.size(); i++) {
            results.get(i).replaceAllUsesWith(values.get(i));
        }
        erase();
    }

    // ---- walking

    /** Visits this op and every nested op, parents before children. */
    public void walk(Consumer<Operation> visitor) {
        visitor.accept(this);
        for (Region r : regions) {
            r.walk(visitor);
        }
    }

    /** Visits nested ops first, then this op (safe for erasing the visited op). */
    public void walkPostOrder(Consumer<Operation> visitor) {
        for (Region r : regions) {
            r.walkPostOrder(visitor);
        }
        visitor.accept(this);
    }

    // ---- cloning

    /**
     * A detached deep copy: operands are looked up in {@code mapping} (unmapped ones are kept, i.e. values from
     * outside the cloned tree), results and nested block arguments are added to it.
     */
    public Operation clone(IRMapping mapping) {
        Function<Value, Value> lookup = v -> mapping.lookupOrDefault(v);
        Operation copy = create(def, operands.stream().map(lookup).toList(),
                results.stream().map(Value::type).toList(), attributes, regions.size(), location);
        for (int i = 0; i < results.size(); i++) {
            copy.result(i).setName(results.get(i).name());
            mapping.map(results.get(i), copy.result(i));
        }
        for (int i = 0; i < regions.size(); i++) {
            regions.get(i).cloneInto(copy.region(i), mapping);
        }
        return copy;
    }

    public Operation clone() {
        return clone(new IRMapping());
    }

    @Override
    public String toString() {
        return name() + "@" + location;
    }
}
