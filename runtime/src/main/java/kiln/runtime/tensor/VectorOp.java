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
    TANH
}
