package kiln.runtime.tensor;

import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * One elementwise function of one operand, at each precision a kernel computes in: float (also for half and
 * bfloat16, as ATen's {@code opmath_type}), double, int64 (every integral dtype, wrapped on store) and bool. A
 * null form means the dtype is not supported, as an ATen dispatch macro that leaves it out; {@code vector}, if
 * not null, names the Vector API form used on contiguous float and double runs.
 */
record UnaryKernel(String name, FloatUnary floats, DoubleUnaryOperator doubles, LongUnaryOperator longs,
        BoolUnary bools, VectorOp vector) {

    @FunctionalInterface
    interface FloatUnary {
        float apply(float x);
    }

    @FunctionalInterface
    interface BoolUnary {
        boolean apply(boolean x);
    }
}
