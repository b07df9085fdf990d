package kiln.dialects.ir.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.OpResult;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Value;

/**
 * Folding without creating ops (MLIR's {@code Operation::fold}): an op's own {@link Folder}, then the folds its
 * traits give every op — {@link Trait#INVOLUTION} {@code f(f(x)) -> x}, {@link Trait#IDEMPOTENT}
 * {@code f(f(x)) -> f(x)}, and {@link Trait#COMMUTATIVE}, which moves constant operands after the others in place.
 * Constants are what {@link Trait#CONSTANT_LIKE} ops fold to.
 */
public final class Folding {
    private Folding() {
    }

    /** The constant {@code v} is: what its defining op folds it to when that op is constant-like; else null. */
    public static Attribute constantOf(Value v) {
        if (!(v instanceof OpResult r) || !r.definingOp().has(Trait.CONSTANT_LIKE)) {
            return null;
        }
        Operation def = r.definingOp();
        Optional<List<Folder.Result>> folded = def.getInterface(Folder.class)
                .flatMap(f -> f.fold(def, Collections.nCopies(def.numOperands(), null)));
        if (folded.isEmpty() || folded.get().size() != def.numResults()) {
            return null;
        }
        return folded.get().get(r.index()) instanceof Folder.Result.Constant c ? c.value() : null;
    }

    /** One entry per operand of {@code op}: the constant it is, or null. */
    public static List<Attribute> operandConstants(Operation op) {
        List<Attribute> out = new ArrayList<>(op.numOperands());
        for (Value v : op.operands()) {
            out.add(constantOf(v));
        }
        return out;
    }

    /**
     * Folds {@code op}: its {@link Folder} first, then (when that gives nothing or only changed the op in place)
     * the folds of its traits. Returns empty when nothing folds; the op's own results when it was changed in
     * place; else one result per op result.
     */
    public static Optional<List<Folder.Result>> fold(Operation op) {
        List<Attribute> constants = operandConstants(op);
        Optional<List<Folder.Result>> own = op.getInterface(Folder.class).flatMap(f -> f.fold(op, constants));
        if (own.isPresent() && !isInPlace(op, own.get())) {
            return own;
        }
        // an in-place fold may have changed the operands: the trait folds look at them afresh
        Optional<List<Folder.Result>> traits = foldTraits(op, own.isPresent() ? operandConstants(op) : constants);
        return traits.isPresent() ? traits : own;
    }

    /** Whether fold results {@code results} say that {@code op} was updated in place (they are its own results). */
    public static boolean isInPlace(Operation op, List<Folder.Result> results) {
        if (results.size() != op.numResults()) {
            return false;
        }
        for (int i = 0; i < results.size(); i++) {
            if (!(results.get(i) instanceof Folder.Result.Existing e) || e.value() != op.result(i)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<List<Folder.Result>> foldTraits(Operation op, List<Attribute> constants) {
        boolean unary = op.numOperands() == 1 && op.numResults() == 1;
        Operation inner = unary ? op.operand(0).definingOp() : null;
        boolean nested = inner != null && inner.def() == op.def() && inner.numOperands() == 1;
        if (nested && op.has(Trait.INVOLUTION)) {
            return Folder.to(inner.operand(0));
        }
        if (nested && op.has(Trait.IDEMPOTENT)) {
            return Folder.to(op.operand(0));
        }
        if (op.has(Trait.COMMUTATIVE) && op.numOperands() >= 2) {
            return constantsLast(op, constants);
        }
        return Optional.empty();
    }

    /** Moves constant operands after the others, keeping each group's order (MLIR's foldCommutative). */
    private static Optional<List<Folder.Result>> constantsLast(Operation op, List<Attribute> constants) {
        List<Value> values = new ArrayList<>();
        List<Value> constant = new ArrayList<>();
        for (int i = 0; i < op.numOperands(); i++) {
            (constants.get(i) == null ? values : constant).add(op.operand(i));
        }
        values.addAll(constant);
        if (values.equals(op.operands())) {
            return Optional.empty();
        }
        op.setOperands(values);
        return Optional.of(op.results().stream().<Folder.Result>map(Folder.Result.Existing::new).toList());
    }
}
