package kiln.dialects.ir.rewrite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.MemoryEffects;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;

/**
 * Folds ops for the greedy driver and materializes constant results through the op's dialect
 * ({@link Dialect#materializeConstant}), as MLIR's {@code OperationFolder} does. With uniquing on, constants without
 * memory effects live once per isolated region: each is kept at the top of the entry block of the nearest region
 * whose op is {@link Trait#ISOLATED_FROM_ABOVE} (or of the driver's root region), where it dominates every use, and
 * an equal one (same dialect, value and type) found or folded later is replaced by it.
 */
final class OperationFolder {
    /** What {@link #tryToFold} did. */
    enum Outcome { NONE, IN_PLACE, REPLACED }

    private record Key(Dialect dialect, Attribute value, Type type) {
    }

    private record Home(Region region, Key key) {
    }

    private final DialectRegistry registry;
    private final Region scope;
    private final boolean unique;
    private final Map<Region, Map<Key, Operation>> known = new IdentityHashMap<>();
    private final Map<Operation, Home> owned = new IdentityHashMap<>();

    OperationFolder(DialectRegistry registry, Region scope, boolean unique) {
        this.registry = registry;
        this.scope = scope;
        this.unique = unique;
    }

    /**
     * Registers constant {@code op} found in the IR: hoists it to its region's constants, or replaces it by an
     * equal constant already there. Returns false when {@code op} was replaced (and erased); true otherwise,
     * including for ops that are not uniqued constants.
     */
    boolean insertKnownConstant(Operation op, PatternRewriter rewriter) {
        Key key = unique ? keyOf(op) : null;
        if (key == null || owned.containsKey(op)) {
            return true;
        }
        Region region = insertionRegion(op);
        Map<Key, Operation> constants = known.computeIfAbsent(region, r -> new HashMap<>());
        Operation existing = constants.get(key);
        if (existing != null) {
            rewriter.replaceOp(op, existing.results());
            return false;
        }
        hoist(op, region, rewriter);
        constants.put(key, op);
        owned.put(op, new Home(region, key));
        return true;
    }

    /**
     * Folds {@code op} (never a constant-like op: that would fold it into a copy of itself): replaces it by what
     * it folds to, materializing constants, or reports it changed in place.
     */
    Outcome tryToFold(Operation op, PatternRewriter rewriter) {
        if (op.has(Trait.CONSTANT_LIKE)) {
            return Outcome.NONE;
        }
        Optional<List<Folder.Result>> folded = Folding.fold(op);
        if (folded.isEmpty()) {
            return Outcome.NONE;
        }
        if (Folding.isInPlace(op, folded.get())) {
            rewriter.modifyOpInPlace(op, () -> { });
            return Outcome.IN_PLACE;
        }
        List<Value> replacements = new ArrayList<>();
        List<Operation> created = new ArrayList<>();
        for (int i = 0; i < folded.get().size(); i++) {
            Value v = switch (folded.get().get(i)) {
                case Folder.Result.Existing e -> e.value();
                case Folder.Result.Constant c -> constant(op, c.value(), op.result(i).type(), created, rewriter);
            };
            if (v == null) {
                created.forEach(rewriter::eraseOp);
                return Outcome.NONE;
            }
            replacements.add(v);
        }
        rewriter.replaceOp(op, replacements);
        return Outcome.REPLACED;
    }

    /** Forgets {@code op} if it is one of the uniqued constants (it is being erased). */
    void notifyRemoval(Operation op) {
        Home home = owned.remove(op);
        if (home != null) {
            known.get(home.region()).remove(home.key(), op);
        }
    }

    /** The constant {@code value} of {@code type} for {@code op}'s result, reused or made; null when none can be. */
    private Value constant(Operation op, Attribute value, Type type, List<Operation> created,
                           PatternRewriter rewriter) {
        Optional<Dialect> dialect = registry.dialectOf(op.def());
        if (dialect.isEmpty()) {
            return null;
        }
        Region region = insertionRegion(op);
        Key key = new Key(dialect.get(), value, type);
        Operation existing = unique ? known.getOrDefault(region, Map.of()).get(key) : null;
        if (existing != null) {
            return existing.result(0);
        }
        Optional<Operation> made = dialect.get().materializeConstant(value, type, op.location());
        if (made.isEmpty()) {
            return null;
        }
        Operation c = made.get();
        if (!c.has(Trait.CONSTANT_LIKE) || c.numResults() != 1) {
            throw new IllegalStateException("dialect '" + dialect.get().name() + "' materialized " + c.name()
                    + ", which is not a constant-like op with one result");
        }
        rewriter.setInsertionPointBefore(op);
        rewriter.insert(c);
        created.add(c);
        if (unique && key.equals(keyOf(c))) {
            hoist(c, region, rewriter);
            known.computeIfAbsent(region, r -> new HashMap<>()).put(key, c);
            owned.put(c, new Home(region, key));
        }
        return c.result(0);
    }

    /** The uniquing key of {@code op}, or null when it is not a constant without effects. */
    private Key keyOf(Operation op) {
        if (!op.has(Trait.CONSTANT_LIKE) || op.numResults() != 1 || !MemoryEffects.hasNoEffect(op)) {
            return null;
        }
        Attribute value = Folding.constantOf(op.result(0));
        Optional<Dialect> dialect = registry.dialectOf(op.def());
        return value == null || dialect.isEmpty() ? null : new Key(dialect.get(), value, op.result(0).type());
    }

    /** Moves {@code op} after the uniqued constants at the top of {@code region}'s entry block. */
    private void hoist(Operation op, Region region, PatternRewriter rewriter) {
        Block entry = region.entry();
        Operation at = entry.firstOp();
        while (at != null && at != op && owned.containsKey(at)) {
            at = at.nextOp();
        }
        if (at == null) {
            rewriter.modifyOpInPlace(op, () -> {
                op.remove();
                entry.append(op);
            });
        } else if (at != op) {
            rewriter.moveOpBefore(op, at);
        }
    }

    /** The region whose entry block holds {@code op}'s uniqued constants. */
    private Region insertionRegion(Operation op) {
        Region r = op.block().parent();
        while (r != scope && r.parentOp() != null && !r.parentOp().has(Trait.ISOLATED_FROM_ABOVE)
                && r.parentOp().block() != null) {
            r = r.parentOp().block().parent();
        }
        return r;
    }
}
