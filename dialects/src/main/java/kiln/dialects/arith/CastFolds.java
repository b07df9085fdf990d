package kiln.dialects.arith;

import static kiln.dialects.arith.IntegerFolds.NONE;
import static kiln.dialects.arith.IntegerFolds.defining;
import static kiln.dialects.arith.IntegerFolds.to;

import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;

/** The cast-of-cast folds MLIR has; some update the op in place (its operand skips the inner cast). */
final class CastFolds {
    private CastFolds() {
    }

    private static int width(Type t) {
        Type e = ArithTypes.elementOf(t);
        return ArithTypes.hasWidth(e) ? ArithTypes.width(e) : -1;
    }

    /** The op reads {@code source} instead of its operand; it folds to itself. */
    private static Optional<List<Folder.Result>> inPlace(Operation op, Value source) {
        op.setOperand(0, source);
        return to(op.result(0));
    }

    /** extsi(extsi(x)) -> extsi(x); extui(extui(x)) -> extui(x). */
    static Optional<List<Folder.Result>> extendOfExtend(Operation op, List<Attribute> c) {
        Operation inner = defining(op.operand(0), op.def());
        return inner != null ? inPlace(op, inner.operand(0)) : NONE;
    }

    /**
     * trunci(extsi(x)), trunci(extui(x)): to {@code x} when it has the result type, to {@code trunci(x)} when x is
     * wider; trunci(trunci(x)) -> trunci(x).
     */
    static Optional<List<Folder.Result>> trunci(Operation op, List<Attribute> c) {
        Operation inner = defining(op.operand(0), ArithOps.EXTSI);
        if (inner == null) {
            inner = defining(op.operand(0), ArithOps.EXTUI);
        }
        if (inner != null) {
            Value src = inner.operand(0);
            if (width(src.type()) > width(op.result(0).type())) {
                return inPlace(op, src);
            }
            if (src.type().equals(op.result(0).type())) {
                return to(src);
            }
        }
        inner = defining(op.operand(0), ArithOps.TRUNCI);
        return inner != null ? inPlace(op, inner.operand(0)) : NONE;
    }

    /** truncf(extf(x)): to {@code x} when it has the result type, to {@code truncf(x)} when x is wider. */
    static Optional<List<Folder.Result>> truncf(Operation op, List<Attribute> c) {
        Operation inner = defining(op.operand(0), ArithOps.EXTF);
        if (inner == null) {
            return NONE;
        }
        Value src = inner.operand(0);
        if (width(src.type()) > width(op.result(0).type())) {
            return inPlace(op, src);
        }
        return src.type().equals(op.result(0).type()) ? to(src) : NONE;
    }

    /** index_cast(index_cast(x : A) : B) : A -> x, when B is at least as wide as A (nothing was truncated). */
    static Optional<List<Folder.Result>> indexCast(Operation op, List<Attribute> c) {
        Operation inner = defining(op.operand(0), ArithOps.INDEX_CAST);
        if (inner == null) {
            return NONE;
        }
        Value x = inner.operand(0);
        return x.type().equals(op.result(0).type()) && width(inner.result(0).type()) >= width(x.type()) ? to(x)
                : NONE;
    }
}
