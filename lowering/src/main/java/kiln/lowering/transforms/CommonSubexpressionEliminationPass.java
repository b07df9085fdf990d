package kiln.lowering.transforms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.MemoryEffects;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * MLIR's CSE (lib/Transforms/CSE.cpp), over any dialect: an op equal to one computed before it — same kind,
 * attributes, operands and result types, no regions — is replaced by that one. What is known lives in a scoped table
 * that follows dominance: an op computed in a block is available in the blocks nested below it (and, in a region of
 * several blocks, the entry block's in the others), never inside an {@link Trait#ISOLATED_FROM_ABOVE} op.
 * <ul>
 *   <li>Ops without memory effects merge with an equal op anywhere in scope.</li>
 *   <li>Ops that only read merge only with an equal op of the same block with no op between them that may write
 *       ({@link MemoryEffects#mayWrite}; unknown effects count as writes), as PyTorch's alias-aware CSE
 *       (torch/csrc/jit/passes/common_subexpression_elimination.cpp) refuses to merge across a mutation.</li>
 *   <li>Ops that allocate or write, {@link Trait#NONDETERMINISTIC} ops (random draws) and terminators never
 *       merge.</li>
 * </ul>
 * Like MLIR's, it also erases ops that are trivially dead when it reaches them.
 */
public final class CommonSubexpressionEliminationPass implements Pass {
    public static final String NAME = "cse";

    /** What makes two ops the same computation. */
    private record Key(OpDef def, Map<String, Attribute> attributes, List<Value> operands, List<Type> resultTypes) {
        static Key of(Operation op) {
            return new Key(op.def(), Map.copyOf(op.attributes()), List.copyOf(op.operands()),
                    op.results().stream().map(Value::type).toList());
        }
    }

    /** A known op, with the number of ops that may write before it in its block. */
    private record Known(Operation op, int writesBefore) {
    }

    /** One level of the scoped table. */
    private record Scope(Scope parent, Map<Key, Known> known) {
        Scope(Scope parent) {
            this(parent, new HashMap<>());
        }

        Known lookup(Key key) {
            for (Scope s = this; s != null; s = s.parent) {
                Known k = s.known.get(key);
                if (k != null) {
                    return k;
                }
            }
            return null;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "merge equal ops whose effects allow it, along dominance";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        return region(root, null, context);
    }

    private boolean region(Region r, Scope outer, PassContext context) {
        if (r.isEmpty()) {
            return false;
        }
        Scope entry = new Scope(outer);
        boolean changed = block(r.entry(), entry, context);
        for (Block b : r.blocks().subList(1, r.blocks().size())) {
            changed |= block(b, new Scope(entry), context);
        }
        return changed;
    }

    private boolean block(Block b, Scope scope, PassContext context) {
        boolean changed = false;
        int writes = 0;
        for (Operation op : b.opsSnapshot()) {
            for (Region r : op.regions()) {
                changed |= region(r, op.has(Trait.ISOLATED_FROM_ABOVE) ? null : scope, context);
            }
            if (op.has(Trait.TERMINATOR)) {
                continue;
            }
            if (MemoryEffects.isTriviallyDead(op)) {
                op.erase();
                context.count(this, "dead", 1);
                changed = true;
                continue;
            }
            if (merge(op, scope, writes)) {
                context.count(this, "merged", 1);
                changed = true;
                continue;
            }
            if (MemoryEffects.mayWrite(op)) {
                writes++;
            }
        }
        return changed;
    }

    /** Replaces {@code op} by an equal known op if its effects allow; else makes it known. */
    private static boolean merge(Operation op, Scope scope, int writesBefore) {
        if (!op.regions().isEmpty() || op.has(Trait.NONDETERMINISTIC)) {
            return false;
        }
        boolean pure = MemoryEffects.hasNoEffect(op);
        if (!pure && !MemoryEffects.onlyReads(op)) {
            return false;
        }
        Key key = Key.of(op);
        Known existing = scope.lookup(key);
        if (existing != null && (pure
                || existing.op().block() == op.block() && existing.writesBefore() == writesBefore)) {
            op.replaceWith(existing.op().results());
            return true;
        }
        scope.known().put(key, new Known(op, writesBefore));
        return false;
    }
}
