package kiln.dialects.arith;

import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Operation;

/**
 * An op interface of the arith dialect: what an op computes, on the values of its operands as attributes
 * ({@link kiln.dialects.ir.IntAttr}, {@link kiln.dialects.ir.BoolAttr} for {@code i1},
 * {@link kiln.dialects.ir.FloatAttr}, {@link kiln.dialects.ir.DenseElementsAttr} for vectors). The op's folder
 * uses it when every operand is a constant, and {@link ArithEvaluator} runs functions with it.
 */
@FunctionalInterface
public interface ArithKernel {
    /**
     * The value of {@code op}'s one result for these operand values; empty when MLIR leaves it undefined (a
     * division by zero, a signed division that overflows, a shift by the width or more, a float conversion out of
     * range) or when it cannot be computed here exactly (integers wider than 64 bits, NaN bit patterns).
     */
    Optional<Attribute> evaluate(Operation op, List<Attribute> operands);

    /** A function of float operands (scalars or vectors, element by element), computed in double and rounded once. */
    @FunctionalInterface
    interface FloatFunction {
        double apply(double[] operands);
    }

    /**
     * The kernel of an op on floats whose result is {@code f} of its operands' values, rounded to the result's float
     * type (as other dialects' float ops, {@code math.exp}, need it).
     */
    static ArithKernel ofFloats(FloatFunction f) {
        return (op, xs) -> {
            if (!(ArithTypes.elementOf(op.result(0).type()) instanceof kiln.dialects.ir.FloatType t)) {
                return Optional.empty();
            }
            return Kernels.elementwise(xs, op.result(0).type(), s -> {
                double[] values = new double[s.size()];
                for (int i = 0; i < values.length; i++) {
                    Double v = Kernels.floatOf(s.get(i));
                    if (v == null) {
                        return null;
                    }
                    values[i] = v;
                }
                return new kiln.dialects.ir.FloatAttr(Floats.round(f.apply(values), t), t);
            });
        };
    }
}
