package kiln.dialects.arith;

import static kiln.dialects.arith.IntegerFolds.NONE;
import static kiln.dialects.arith.IntegerFolds.to;

import java.util.List;
import java.util.Optional;
import java.util.function.DoublePredicate;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.Operation;

/** The folds of the float ops beyond constant operands (MLIR's), exact under IEEE-754: none assumes fast math. */
final class FloatFolds {
    private FloatFolds() {
    }

    /** Whether a constant (a scalar or a splat) is a float satisfying {@code test}. */
    private static boolean rhs(List<Attribute> c, DoublePredicate test) {
        Attribute s = c.get(1) == null ? null : IntegerFolds.splat(c.get(1));
        Double v = s == null ? null : Kernels.floatOf(s);
        return v != null && test.test(v);
    }

    private static boolean bits(double v, double expected) {
        return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(expected);
    }

    /** {@code negf(negf(x)) -> x}. */
    static Optional<List<Folder.Result>> negf(Operation op, List<Attribute> c) {
        Operation inner = IntegerFolds.defining(op.operand(0), ArithOps.NEGF);
        return inner != null ? to(inner.operand(0)) : NONE;
    }

    /** {@code addf(x, -0.0) -> x} (not +0.0: {@code -0.0 + 0.0} is {@code +0.0}). */
    static Optional<List<Folder.Result>> addf(Operation op, List<Attribute> c) {
        return rhs(c, v -> bits(v, -0.0)) ? to(op.operand(0)) : NONE;
    }

    /** {@code subf(x, +0.0) -> x}. */
    static Optional<List<Folder.Result>> subf(Operation op, List<Attribute> c) {
        return rhs(c, v -> bits(v, 0.0)) ? to(op.operand(0)) : NONE;
    }

    /** mulf, divf: {@code op(x, 1.0) -> x}. */
    static Optional<List<Folder.Result>> byOne(Operation op, List<Attribute> c) {
        return rhs(c, v -> v == 1.0) ? to(op.operand(0)) : NONE;
    }

    /** {@code maximumf(x, x) -> x}; {@code maximumf(x, -inf) -> x}. */
    static Optional<List<Folder.Result>> maximumf(Operation op, List<Attribute> c) {
        if (op.operand(0) == op.operand(1)) {
            return to(op.operand(1));
        }
        return rhs(c, v -> v == Double.NEGATIVE_INFINITY) ? to(op.operand(0)) : NONE;
    }

    /** {@code minimumf(x, x) -> x}; {@code minimumf(x, +inf) -> x}. */
    static Optional<List<Folder.Result>> minimumf(Operation op, List<Attribute> c) {
        if (op.operand(0) == op.operand(1)) {
            return to(op.operand(1));
        }
        return rhs(c, v -> v == Double.POSITIVE_INFINITY) ? to(op.operand(0)) : NONE;
    }
}
