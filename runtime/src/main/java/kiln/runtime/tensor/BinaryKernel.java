package kiln.runtime.tensor;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * One elementwise function of two operands at each compute precision (see {@link UnaryKernel}). {@code alpha}
 * is the constant a {@link VectorOp#ADD_SCALED} form needs, already in the compute precision.
 */
record BinaryKernel(String name, FloatBinary floats, DoubleBinaryOperator doubles, LongBinaryOperator longs,
        BoolBinary bools, VectorOp vector, double alpha) {

    @FunctionalInterface
    interface FloatBinary {
        float apply(float a, float b);
    }

    @FunctionalInterface
    interface BoolBinary {
        boolean apply(boolean a, boolean b);
    }
}
