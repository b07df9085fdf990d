package kiln.runtime.tensor;

/**
 * The elementwise functions that have a Vector API form ({@link VectorLoops} holds the forms; this enum names
 * them without touching the incubator module, so kernels load without it).
 */
enum VectorOp {
    /** {@code a + b}. */
    ADD,
    /** {@code a + alpha * b} as one fused multiply-add ({@code vec::fmadd(b, alpha, a)} in ATen). */
    ADD_SCALED,
    /** {@code a * b}. */
    MUL,
    /** {@code a / b}. */
    DIV,
    /** {@code -a}. */
    NEG,
    /** {@code |a|}. */
    ABS,
    /** {@code a < 0 ? 0 : a}, keeping NaN and -0.0 as ATen's {@code clamp_min} does. */
    RELU,
    /** {@code exp(a)}; the vector form may differ from the scalar one by an ulp. */
    EXP,
    /** {@code 1 / (1 + exp(-a))}, as ATen's vectorized sigmoid; may differ from the scalar form by an ulp. */
    SIGMOID,
    /** {@code tanh(a)}; the vector form may differ from the scalar one by an ulp. */
    TANH,
    /**
     * {@code gelu(a)} with exact {@code erf}, in float as ATen's vectorized GeluKernel computes it: erf by
     * Abramowitz and Stegun 7.1.26 (ATen's {@code Vectorized<float>::erf}, within 1.5e-7); doubles keep the
     * scalar form (ATen uses Sleef's accurate erf there).
     */
    GELU,
    /** {@code min(max(a + 3, 0), 6) / 6} in float, as ATen's vectorized hardsigmoid; doubles keep the scalar form. */
    HARDSIGMOID,
    /** {@code a * min(max(a + 3, 0), 6) / 6} in float, as ATen's vectorized hardswish; doubles keep the scalar form. */
    HARDSWISH;

    /** Whether only the float32 loops have a vector form of this op. */
    boolean floatOnly() {
        return this == GELU || this == HARDSIGMOID || this == HARDSWISH;
    }
}
