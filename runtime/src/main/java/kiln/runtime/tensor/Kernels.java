package kiln.runtime.tensor;

import kiln.dialects.torch.types.ScalarType;

/**
 * The elementwise kernels: each is its function at every precision, named as its ATen dispatch names it (the
 * name shows in "not implemented for" errors). A null form leaves a dtype out as ATen's dispatch does.
 */
final class Kernels {
    static final UnaryKernel NEG = new UnaryKernel("neg_cpu", x -> -x, x -> -x, x -> -x, null, VectorOp.NEG);

    static final UnaryKernel ABS = new UnaryKernel("abs_cpu", Math::abs, Math::abs, Math::abs, null, VectorOp.ABS);

    static final UnaryKernel EXP = new UnaryKernel("exp_vml_cpu", x -> (float) Math.exp(x), Math::exp, null, null,
            VectorOp.EXP);

    /** {@code clamp_min(x, 0)}: {@code std::max(a, 0)} keeps NaN and -0.0. */
    static final UnaryKernel RELU = new UnaryKernel("clamp_min_scalar_cpu", x -> x < 0 ? 0f : x,
            x -> x < 0 ? 0d : x, x -> Math.max(x, 0), null, VectorOp.RELU);

    static final BinaryKernel MUL = new BinaryKernel("mul_cpu", (a, b) -> a * b, (a, b) -> a * b, (a, b) -> a * b,
            (a, b) -> a && b, VectorOp.MUL, 1);

    /** True division; only reached with floating common dtypes (integer inputs promote to float). */
    static final BinaryKernel DIV = new BinaryKernel("div_cpu", (a, b) -> a / b, (a, b) -> a / b, null, null,
            VectorOp.DIV, 1);

    private Kernels() {
    }

    /**
     * ATen's {@code add_stub}: {@code self + alpha * other} with alpha converted to the common dtype first
     * ({@code alpha.to<scalar_t>()}), one fused multiply-add for floats as {@code vec::fmadd}.
     */
    static BinaryKernel add(ScalarType common, Scalar alpha) {
        Scalar converted = Copy.scalarOf(alpha, common).item();
        if (common.isFloatingPoint()) {
            double a = converted.toDouble();
            float af = (float) a;
            if (a == 1) {
                return new BinaryKernel("add_stub", (x, y) -> x + y, (x, y) -> x + y, null, null, VectorOp.ADD, 1);
            }
            return new BinaryKernel("add_stub", (x, y) -> Math.fma(y, af, x), (x, y) -> Math.fma(y, a, x), null,
                    null, VectorOp.ADD_SCALED, a);
        }
        long a = converted.toLong();
        boolean ab = converted.toBool();
        return new BinaryKernel("add_stub", null, null, (x, y) -> x + a * y, (x, y) -> x || (ab && y), null, a);
    }
}
