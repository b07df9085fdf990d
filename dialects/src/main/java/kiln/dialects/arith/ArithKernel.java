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
}
