package kiln.dialects.arith;

import static kiln.dialects.arith.IntegerFolds.NONE;
import static kiln.dialects.arith.IntegerFolds.defining;
import static kiln.dialects.arith.IntegerFolds.to;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;

/** The folds of {@code cmpi}, {@code cmpf} and {@code select} beyond constant operands (MLIR's). */
final class CompareFolds {
    private CompareFolds() {
    }

    static CmpIPredicate cmpiPredicate(Operation op) {
        return CmpIPredicate.values()[(int) op.attribute(ArithFormats.PREDICATE, IntAttr.class).value()];
    }

    private static boolean isI1(Value v) {
        return ArithTypes.elementOf(v.type()).equals(IntegerType.I1);
    }

    static Optional<List<Folder.Result>> cmpi(Operation op, List<Attribute> c) {
        CmpIPredicate p = cmpiPredicate(op);
        Value lhs = op.operand(0);
        // cmpi(p, x, x) -> whether p holds for equal operands
        if (lhs == op.operand(1)) {
            return Folder.to(IntegerFolds.bool(p.ofEqualOperands(), op.result(0).type()));
        }
        if (IntegerFolds.rhsIs(op, c.get(1), 0) && p == CmpIPredicate.NE) {
            // cmpi(ne, extsi(x : i1), 0) -> x; cmpi(ne, extui(x : i1), 0) -> x
            for (var ext : List.of(ArithOps.EXTSI, ArithOps.EXTUI)) {
                Operation e = defining(lhs, ext);
                if (e != null && isI1(e.operand(0))) {
                    return to(e.operand(0));
                }
            }
            // cmpi(ne, x : i1, false) -> x
            if (isI1(lhs)) {
                return to(lhs);
            }
        }
        // cmpi(eq, x : i1, true) -> x
        if (IntegerFolds.rhsIs(op, c.get(1), 1) && p == CmpIPredicate.EQ && isI1(lhs)) {
            return to(lhs);
        }
        // a constant moves to the right: cmpi(slt, c, x) -> cmpi(sgt, x, c)
        if (c.get(0) != null && c.get(1) == null) {
            Value rhs = op.operand(1);
            op.setAttribute(ArithFormats.PREDICATE, new IntAttr(p.swapped().ordinal()));
            op.setOperands(List.of(rhs, lhs));
            return to(op.result(0));
        }
        return NONE;
    }

    /** A comparison with a NaN constant does not depend on the other operand: it compares as two NaNs. */
    static Optional<List<Folder.Result>> cmpf(Operation op, List<Attribute> c) {
        List<Attribute> operands = new ArrayList<>(c);
        for (int i = 0; i < 2; i++) {
            if (c.get(i) instanceof FloatAttr f && Double.isNaN(f.value())) {
                operands.set(1 - i, f);
            }
        }
        if (operands.get(0) instanceof FloatAttr && operands.get(1) instanceof FloatAttr) {
            return Kernels.CMPF.evaluate(op, operands).flatMap(Folder::to);
        }
        return NONE;
    }

    static Optional<List<Folder.Result>> select(Operation op, List<Attribute> c) {
        Value cond = op.operand(0);
        Value t = op.operand(1);
        Value f = op.operand(2);
        // select(c, x, x) -> x
        if (t == f) {
            return to(t);
        }
        // select(true, x, y) -> x; select(false, x, y) -> y
        Attribute condition = c.get(0) == null ? null : IntegerFolds.splat(c.get(0));
        Boolean known = condition == null ? null : Kernels.asBool(condition);
        if (known != null) {
            return to(known ? t : f);
        }
        // select(c, true, false) -> c for i1 results
        if (op.result(0).type().equals(IntegerType.I1) && IntegerFolds.is(c.get(1), t.type(), 1)
                && IntegerFolds.is(c.get(2), f.type(), 0)) {
            return to(cond);
        }
        // select(cmpi(eq, a, b), a, b) -> b; select(cmpi(ne, a, b), a, b) -> a (either operand order)
        Operation cmp = defining(cond, ArithOps.CMPI);
        if (cmp != null) {
            CmpIPredicate p = cmpiPredicate(cmp);
            boolean same = cmp.operand(0) == t && cmp.operand(1) == f || cmp.operand(1) == t && cmp.operand(0) == f;
            if (same && (p == CmpIPredicate.EQ || p == CmpIPredicate.NE)) {
                return to(p == CmpIPredicate.NE ? t : f);
            }
        }
        return NONE;
    }
}
