package kiln.dialects.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the structural invariants of IR: use lists agree with operands; every op matches its declaration
 * (operand, result and region counts, attributes); every block ends with exactly one terminator (unless its op has
 * {@link Trait#NO_TERMINATOR}); SSA dominance across nested blocks (a value is visible after its definition in its
 * block and in blocks nested below, never across an {@link Trait#ISOLATED_FROM_ABOVE} boundary); then the checks
 * of the op's traits and its own verifier.
 */
public final class Verifier {
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private Verifier() {
    }

    /** Verifies a top-level region (a graph body) and everything in it. */
    public static List<Diagnostic> verify(Region root) {
        Verifier v = new Verifier();
        v.region(root, new Scope(null));
        return Collections.unmodifiableList(v.diagnostics);
    }

    public static List<Diagnostic> verify(Operation root) {
        Verifier v = new Verifier();
        v.op(root, new Scope(null));
        return Collections.unmodifiableList(v.diagnostics);
    }

    public static void verifyOrThrow(Region root) {
        List<Diagnostic> d = verify(root);
        if (!d.isEmpty()) {
            throw new VerificationException(d);
        }
    }

    /** Values visible at a point: a chain of per-block sets. */
    private record Scope(Scope parent, Set<Value> values) {
        Scope(Scope parent) {
            this(parent, Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        boolean sees(Value v) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.values.contains(v)) {
                    return true;
                }
            }
            return false;
        }
    }

    private void region(Region r, Scope outer) {
        for (Block b : r.blocks()) {
            block(b, outer);
        }
    }

    private void block(Block b, Scope outer) {
        Scope scope = new Scope(outer);
        scope.values.addAll(b.arguments());
        Operation parent = b.parentOp();
        // an unregistered op may have regions of any kind, as in MLIR
        boolean needsTerminator = parent == null || !parent.has(Trait.NO_TERMINATOR)
                && !parent.def().isUnregistered();
        if (b.parent() != null && b.parent().parentOp() != parent) {
            report(parent, "has a block with a stale parent link");
        }
        if (b.isEmpty()) {
            if (needsTerminator) {
                report(parent, "has a block with no terminator");
            }
            return;
        }
        for (Operation op : b.ops()) {
            if (op.block() != b) {
                report(op, "has a stale parent-block link");
            }
            boolean isLast = op.nextOp() == null;
            if (op.has(Trait.TERMINATOR) && !isLast) {
                report(op, "is a terminator but not the last op of its block");
            }
            if (isLast && needsTerminator && !op.has(Trait.TERMINATOR) && !op.def().isUnregistered()) {
                report(op, "ends a block but is not a terminator");
            }
            op(op, scope);
            scope.values.addAll(op.results());
        }
    }

    private void op(Operation op, Scope scope) {
        OpDef def = op.def();
        checkUses(op);
        if (!def.operands().accepts(op.numOperands())) {
            report(op, "expects " + def.operands() + " operand(s), got " + op.numOperands());
        }
        if (!def.results().accepts(op.numResults())) {
            report(op, "expects " + def.results() + " result(s), got " + op.numResults());
        }
        if (!def.regions().accepts(op.regions().size())) {
            report(op, "expects " + def.regions() + " region(s), got " + op.regions().size());
        }
        checkAttributes(op, def);
        for (int i = 0; i < op.numOperands(); i++) {
            Value v = op.operand(i);
            if (!scope.sees(v)) {
                report(op, "operand " + i + " (" + describe(v) + ") does not dominate this use");
            }
        }
        Scope nested = op.has(Trait.ISOLATED_FROM_ABOVE) ? null : scope;
        for (Region r : op.regions()) {
            if (r.parentOp() != op) {
                report(op, "has a region with a stale parent link");
            }
            region(r, nested);
        }
        for (Trait t : def.traits()) {
            t.verify(op, message -> report(op, message));
        }
        if (op.has(Trait.SYMBOL_TABLE)) {
            for (Operation again : SymbolTable.redefinitions(op)) {
                report(again, "redefines symbol '@" + SymbolTable.nameOf(again).orElseThrow() + "'");
            }
        }
        def.verifier().verify(op, message -> report(op, message));
    }

    private void checkUses(Operation op) {
        for (int i = 0; i < op.numOperands(); i++) {
            if (!op.operand(i).uses().contains(new Use(op, i))) {
                report(op, "operand " + i + " is missing from its value's use list");
            }
        }
        for (OpResult r : op.results()) {
            for (Use u : r.uses()) {
                if (u.index() >= u.user().numOperands() || u.user().operand(u.index()) != r) {
                    report(op, "result " + r.index() + " has a stale use in " + u.user().name());
                }
            }
        }
    }

    private void checkAttributes(Operation op, OpDef def) {
        for (AttrSpec spec : def.attributes()) {
            Attribute a = op.attribute(spec.name());
            if (a == null) {
                if (spec.required()) {
                    report(op, "requires attribute '" + spec.name() + "'");
                }
            } else if (!spec.kind().isInstance(a)) {
                report(op, "attribute '" + spec.name() + "' must be " + spec.kind().getSimpleName() + ", got " + a);
            }
        }
        if (!def.openAttributes()) {
            for (Map.Entry<String, Attribute> e : op.attributes().entrySet()) {
                if (def.attribute(e.getKey()).isEmpty()) {
                    report(op, "has undeclared attribute '" + e.getKey() + "'");
                }
            }
        }
    }

    private static String describe(Value v) {
        return "%" + (v.name() == null ? "?" : v.name());
    }

    private void report(Operation op, String message) {
        diagnostics.add(new Diagnostic(op, op == null ? Location.UNKNOWN : op.location(),
                op == null ? null : op.name(), message));
    }
}
