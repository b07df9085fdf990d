package kiln.dialects.arith;

import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.DenseElementsAttr;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.ShapedType;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;

/**
 * The folds of the integer ops that need more than constant operands (MLIR's {@code ArithOps.cpp}), each under a
 * comment with its rule. Constant operands are on the right, where the commutative ops' folder puts them.
 */
final class IntegerFolds {
    private IntegerFolds() {
    }

    static final Optional<List<Folder.Result>> NONE = Optional.empty();

    // ---- matching constants

    /** The one value of a scalar or splat constant; null otherwise. */
    static Attribute splat(Attribute a) {
        if (a instanceof DenseElementsAttr d) {
            return d.isSplat() ? d.elements().getFirst() : null;
        }
        return a;
    }

    /** The integer a constant of type {@code type} holds (a scalar, or a splat), canonical at its width; else null. */
    static Long intOf(Attribute constant, Type type) {
        Attribute s = constant == null ? null : splat(constant);
        if (s == null || !IntBits.isInt(s) || !ArithTypes.foldableInteger(type)) {
            return null;
        }
        return IntBits.of(s, ArithTypes.width(ArithTypes.elementOf(type)));
    }

    /** Whether a constant of type {@code type} is (a splat of) {@code value}, read at the type's width. */
    static boolean is(Attribute constant, Type type, long value) {
        Long v = intOf(constant, type);
        return v != null && v == IntBits.wrap(value, ArithTypes.width(ArithTypes.elementOf(type)));
    }

    /** Whether {@code op}'s right operand, constant {@code c}, is {@code value}. */
    static boolean rhsIs(Operation op, Attribute c, long value) {
        return is(c, op.operand(1).type(), value);
    }

    static int width(Operation op) {
        return ArithTypes.width(ArithTypes.elementOf(op.operand(0).type()));
    }

    /** A constant of type {@code t} (a scalar, or a splat of a vector) holding {@code v}. */
    static Attribute constant(long v, Type t) {
        Attribute element = IntBits.attr(v, ArithTypes.elementOf(t));
        return t instanceof ShapedType s ? new DenseElementsAttr(s, List.of(element)) : element;
    }

    static Attribute bool(boolean v, Type t) {
        return t instanceof ShapedType s ? new DenseElementsAttr(s, List.of(new BoolAttr(v))) : new BoolAttr(v);
    }

    static Optional<List<Folder.Result>> to(Value v) {
        return Folder.to(v);
    }

    static Optional<List<Folder.Result>> toZero(Operation op) {
        return Folder.to(constant(0, op.result(0).type()));
    }

    /** The op defining {@code v} if it is of kind {@code def}. */
    static Operation defining(Value v, kiln.dialects.ir.OpDef def) {
        Operation d = v.definingOp();
        return d != null && d.def() == def ? d : null;
    }

    /** Whether {@code v} is {@code xori(x, allOnes)} of {@code x}. */
    private static boolean isNotOf(Value v, Value x) {
        Operation xor = defining(v, ArithOps.XORI);
        return xor != null && xor.operand(0) == x && isConstantAllOnes(xor.operand(1));
    }

    private static boolean isConstantAllOnes(Value v) {
        Operation c = defining(v, ArithOps.CONSTANT);
        return c != null && is(c.attribute(ArithFormats.VALUE), v.type(), -1);
    }

    // ---- the folds

    static Optional<List<Folder.Result>> addi(Operation op, List<Attribute> c) {
        Value lhs = op.operand(0);
        Value rhs = op.operand(1);
        // addi(x, 0) -> x
        if (rhsIs(op, c.get(1), 0)) {
            return to(lhs);
        }
        // addi(subi(a, b), b) -> a
        Operation sub = defining(lhs, ArithOps.SUBI);
        if (sub != null && sub.operand(1) == rhs) {
            return to(sub.operand(0));
        }
        // addi(b, subi(a, b)) -> a
        sub = defining(rhs, ArithOps.SUBI);
        if (sub != null && sub.operand(1) == lhs) {
            return to(sub.operand(0));
        }
        return NONE;
    }

    static Optional<List<Folder.Result>> subi(Operation op, List<Attribute> c) {
        Value lhs = op.operand(0);
        Value rhs = op.operand(1);
        // subi(x, x) -> 0
        if (lhs == rhs) {
            return toZero(op);
        }
        // subi(x, 0) -> x
        if (rhsIs(op, c.get(1), 0)) {
            return to(lhs);
        }
        Operation add = defining(lhs, ArithOps.ADDI);
        if (add != null) {
            // subi(addi(a, b), b) -> a
            if (add.operand(1) == rhs) {
                return to(add.operand(0));
            }
            // subi(addi(a, b), a) -> b
            if (add.operand(0) == rhs) {
                return to(add.operand(1));
            }
        }
        return NONE;
    }

    static Optional<List<Folder.Result>> muli(Operation op, List<Attribute> c) {
        // muli(x, 0) -> 0
        if (rhsIs(op, c.get(1), 0)) {
            return to(op.operand(1));
        }
        // muli(x, 1) -> x
        return rhsIs(op, c.get(1), 1) ? to(op.operand(0)) : NONE;
    }

    /** divsi, divui, floordivsi, ceildivsi, ceildivui: {@code div(x, 1) -> x}. */
    static Optional<List<Folder.Result>> divByOne(Operation op, List<Attribute> c) {
        return rhsIs(op, c.get(1), 1) ? to(op.operand(0)) : NONE;
    }

    /** remsi, remui: {@code rem(x, 1) -> 0}. */
    static Optional<List<Folder.Result>> remByOne(Operation op, List<Attribute> c) {
        return rhsIs(op, c.get(1), 1) ? toZero(op) : NONE;
    }

    static Optional<List<Folder.Result>> andi(Operation op, List<Attribute> c) {
        Value lhs = op.operand(0);
        Value rhs = op.operand(1);
        // andi(x, x) -> x (idempotent)
        if (lhs == rhs) {
            return to(lhs);
        }
        // andi(x, 0) -> 0
        if (rhsIs(op, c.get(1), 0)) {
            return to(rhs);
        }
        // andi(x, allOnes) -> x
        if (rhsIs(op, c.get(1), -1)) {
            return to(lhs);
        }
        // andi(x, not(x)) -> 0, andi(not(x), x) -> 0
        if (isNotOf(rhs, lhs) || isNotOf(lhs, rhs)) {
            return toZero(op);
        }
        // andi(a, andi(a, b)) -> andi(a, b)
        for (int i = 0; i < 2; i++) {
            Operation prev = defining(op.operand(i), ArithOps.ANDI);
            Value other = op.operand(1 - i);
            if (prev != null && (prev.operand(0) == other || prev.operand(1) == other)) {
                return to(prev.result(0));
            }
        }
        return NONE;
    }

    static Optional<List<Folder.Result>> ori(Operation op, List<Attribute> c) {
        Value lhs = op.operand(0);
        Value rhs = op.operand(1);
        // ori(x, x) -> x (idempotent)
        if (lhs == rhs) {
            return to(lhs);
        }
        // ori(x, 0) -> x
        if (rhsIs(op, c.get(1), 0)) {
            return to(lhs);
        }
        // ori(x, allOnes) -> allOnes
        if (rhsIs(op, c.get(1), -1)) {
            return to(rhs);
        }
        // ori(x, xori(x, allOnes)) -> allOnes, ori(xori(x, allOnes), x) -> allOnes
        if (isNotOf(rhs, lhs)) {
            return to(rhs.definingOp().operand(1));
        }
        if (isNotOf(lhs, rhs)) {
            return to(lhs.definingOp().operand(1));
        }
        return NONE;
    }

    static Optional<List<Folder.Result>> xori(Operation op, List<Attribute> c) {
        Value lhs = op.operand(0);
        Value rhs = op.operand(1);
        // xori(x, 0) -> x
        if (rhsIs(op, c.get(1), 0)) {
            return to(lhs);
        }
        // xori(x, x) -> 0
        if (lhs == rhs) {
            return toZero(op);
        }
        // xori(xori(x, a), a) -> x, xori(xori(a, x), a) -> x
        Operation prev = defining(lhs, ArithOps.XORI);
        if (prev != null) {
            if (prev.operand(1) == rhs) {
                return to(prev.operand(0));
            }
            if (prev.operand(0) == rhs) {
                return to(prev.operand(1));
            }
        }
        // xori(a, xori(x, a)) -> x, xori(a, xori(a, x)) -> x
        prev = defining(rhs, ArithOps.XORI);
        if (prev != null) {
            if (prev.operand(1) == lhs) {
                return to(prev.operand(0));
            }
            if (prev.operand(0) == lhs) {
                return to(prev.operand(1));
            }
        }
        return NONE;
    }

    /** shli, shrsi, shrui: {@code shift(x, 0) -> x}. */
    static Optional<List<Folder.Result>> shiftByZero(Operation op, List<Attribute> c) {
        return rhsIs(op, c.get(1), 0) ? to(op.operand(0)) : NONE;
    }

    /**
     * maxsi, maxui, minsi, minui: {@code m(x, x) -> x}; {@code m(x, absorbing) -> absorbing};
     * {@code m(x, neutral) -> x} (for maxsi the absorbing value is the signed maximum, the neutral one the minimum).
     */
    static Folder extremum(boolean max, boolean signed) {
        return (op, c) -> {
            if (op.operand(0) == op.operand(1)) {
                return to(op.operand(1));
            }
            Long v = intOf(c.get(1), op.operand(1).type());
            if (v == null) {
                return NONE;
            }
            int w = width(op);
            long lowest = signed ? IntBits.signedMin(w) : 0;
            long highest = signed ? IntBits.signedMax(w) : IntBits.allOnes(w);
            if (v == (max ? highest : lowest)) {
                return to(op.operand(1));
            }
            return v == (max ? lowest : highest) ? to(op.operand(0)) : NONE;
        };
    }
}
