package kiln.runtime.tensor;

import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Elementwise functions of one tensor beyond {@link Ops}'s, for {@link Pointwise#unary}. Each has ATen's dtype
 * rule: {@link Kind#FLOAT} functions compute integer and bool inputs in the default float dtype,
 * {@link Kind#SAME} ones keep the input's dtype, {@link Kind#BOOL} ones answer a bool tensor. Floating
 * functions compute in double and round once, so results are correctly rounded (ATen's may be an ulp off).
 */
public enum UnaryOp {
    SIGMOID(floating("sigmoid_cpu", x -> 1 / (1 + Math.exp(-x)), VectorOp.SIGMOID)),
    TANH(floating("tanh_cpu", Math::tanh, VectorOp.TANH)),
    SQRT(floating("sqrt_cpu", Math::sqrt)),
    RSQRT(floating("rsqrt_cpu", x -> 1 / Math.sqrt(x))),
    LOG(floating("log_cpu", Math::log)),
    LOG2(floating("log2_cpu", x -> Math.log(x) / Math.log(2))),
    LOG10(floating("log10_cpu", Math::log10)),
    LOG1P(floating("log1p_cpu", Math::log1p)),
    EXP2(floating("exp2_cpu", x -> Math.pow(2, x))),
    EXPM1(floating("expm1_cpu", Math::expm1)),
    SIN(floating("sin_cpu", Math::sin)),
    COS(floating("cos_cpu", Math::cos)),
    TAN(floating("tan_cpu", Math::tan)),
    ASIN(floating("asin_cpu", Math::asin)),
    ACOS(floating("acos_cpu", Math::acos)),
    ATAN(floating("atan_cpu", Math::atan)),
    SINH(floating("sinh_cpu", Math::sinh)),
    COSH(floating("cosh_cpu", Math::cosh)),
    ASINH(floating("asinh_cpu", x -> Double.isInfinite(x) ? x
            : Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x))),
    ACOSH(floating("acosh_cpu", x -> Math.log(x + Math.sqrt(x * x - 1)))),
    ATANH(floating("atanh_cpu", x -> 0.5 * Math.log((1 + x) / (1 - x)))),
    RECIPROCAL(floating("reciprocal_cpu", x -> 1 / x)),
    DEG2RAD(floating("deg2rad", x -> x * (Math.PI / 180))),
    RAD2DEG(floating("rad2deg", x -> x * (180 / Math.PI))),
    ERF(floating("erf_cpu", SpecialFunctions::erf)),
    ERFC(floating("erfc_cpu", SpecialFunctions::erfc)),
    SILU(floating("silu_cpu", x -> x / (1 + Math.exp(-x)))),
    /** {@code gelu(approximate='none')}: {@code x * Φ(x)}. */
    GELU(floating("GeluKernelImpl", x -> x * 0.5 * (1 + SpecialFunctions.erf(x / Math.sqrt(2))), VectorOp.GELU)),
    /** {@code gelu(approximate='tanh')}. */
    GELU_TANH(floating("GeluKernelImpl", x -> 0.5 * x
            * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))))),
    MISH(floating("mish_cpu", x -> x * Math.tanh(Math.log1p(Math.exp(x))))),
    LOGSIGMOID(floating("log_sigmoid_cpu", x -> x < 0 ? x - Math.log1p(Math.exp(x)) : -Math.log1p(Math.exp(-x)))),
    HARDSIGMOID(floating("hardsigmoid_cpu", x -> Math.min(Math.max(x + 3, 0), 6) / 6, VectorOp.HARDSIGMOID)),
    HARDSWISH(floating("hardswish_cpu", x -> x * Math.min(Math.max(x + 3, 0), 6) / 6, VectorOp.HARDSWISH)),
    SELU(floating("selu", x -> 1.0507009873554804934193349852946
            * (x > 0 ? x : 1.6732632423543772848170429916717 * Math.expm1(x)))),
    SINC(floating("sinc_cpu", x -> x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x))),
    /** The argument of a real number: pi for negatives, 0 otherwise. */
    ANGLE(floating("angle_cpu", x -> Double.isNaN(x) ? x : x < 0 ? Math.PI : 0)),
    SPECIAL_ENTR(floating("entr_cpu", x -> Double.isNaN(x) ? x : x > 0 ? -x * Math.log(x) : x == 0 ? 0
            : Double.NEGATIVE_INFINITY)),
    SPECIAL_NDTR(floating("ndtr_cpu", x -> 0.5 * SpecialFunctions.erfc(-x / Math.sqrt(2)))),
    SPECIAL_LOG_NDTR(floating("log_ndtr_cpu", x -> Math.log(0.5 * SpecialFunctions.erfc(-x / Math.sqrt(2))))),
    SPECIAL_ERFCX(floating("erfcx_cpu", SpecialFunctions::erfcx)),
    I0(floating("i0_cpu", Bessel::i0)),
    SPECIAL_I0E(floating("i0e_cpu", Bessel::i0e)),
    SPECIAL_I1(floating("i1_cpu", Bessel::i1)),
    SPECIAL_I1E(floating("i1e_cpu", Bessel::i1e)),
    SPECIAL_BESSEL_J0(floating("bessel_j0_cpu", Bessel::j0)),
    SPECIAL_BESSEL_J1(floating("bessel_j1_cpu", Bessel::j1)),
    SPECIAL_BESSEL_Y0(floating("bessel_y0_cpu", Bessel::y0)),
    SPECIAL_BESSEL_Y1(floating("bessel_y1_cpu", Bessel::y1)),
    SPECIAL_MODIFIED_BESSEL_I0(floating("modified_bessel_i0_cpu", Bessel::i0)),
    SPECIAL_MODIFIED_BESSEL_I1(floating("modified_bessel_i1_cpu", Bessel::i1)),
    SPECIAL_MODIFIED_BESSEL_K0(floating("modified_bessel_k0_cpu", Bessel::k0)),
    SPECIAL_MODIFIED_BESSEL_K1(floating("modified_bessel_k1_cpu", Bessel::k1)),
    SPECIAL_SCALED_MODIFIED_BESSEL_K0(floating("scaled_modified_bessel_k0_cpu", Bessel::k0e)),
    SPECIAL_SCALED_MODIFIED_BESSEL_K1(floating("scaled_modified_bessel_k1_cpu", Bessel::k1e)),
    SPECIAL_SPHERICAL_BESSEL_J0(floating("spherical_bessel_j0_cpu", Bessel::sphericalJ0)),
    SPECIAL_AIRY_AI(floating("airy_ai_cpu", Bessel::airyAi)),
    SPECIAL_NDTRI(floating("ndtri_cpu", GammaFunctions::ndtri)),
    LGAMMA(floating("lgamma_cpu", GammaFunctions::lgamma)),
    DIGAMMA(floating("digamma_cpu", GammaFunctions::digamma)),
    ERFINV(floating("erfinv_cpu", GammaFunctions::erfinv)),
    FRAC(floating("frac_cpu", x -> x - (x < 0 ? Math.ceil(x) : Math.floor(x)))),

    FLOOR(same("floor_cpu", Math::floor, x -> x)),
    CEIL(same("ceil_cpu", Math::ceil, x -> x)),
    ROUND(same("round_cpu", Math::rint, x -> x)),
    TRUNC(same("trunc_cpu", x -> x < 0 ? Math.ceil(x) : Math.floor(x), x -> x)),
    SIGN(same(new UnaryKernel("sign_cpu", x -> Float.isNaN(x) ? 0f : Math.signum(x), x -> Double.isNaN(x) ? 0 : Math.signum(x),
            Long::signum, x -> x, null))),
    SQUARE(same("square", x -> x * x, x -> x * x)),
    BITWISE_NOT(same(new UnaryKernel("bitwise_not_cpu", null, null, x -> ~x, x -> !x, null))),

    ISNAN(predicate("isnan", Double::isNaN, x -> false)),
    ISINF(predicate("isinf", Double::isInfinite, x -> false)),
    ISFINITE(predicate("isfinite", Double::isFinite, x -> true)),
    ISPOSINF(predicate("isposinf", x -> x == Double.POSITIVE_INFINITY, x -> false)),
    ISNEGINF(predicate("isneginf", x -> x == Double.NEGATIVE_INFINITY, x -> false)),
    SIGNBIT(predicate("signbit", x -> Double.doubleToRawLongBits(x) < 0, x -> x < 0)),
    LOGICAL_NOT(predicate("logical_not_cpu", x -> x == 0, x -> x == 0));

    /** How an op's result dtype follows from its input's. */
    public enum Kind {
        /** Integer and bool inputs compute and answer in the default float dtype. */
        FLOAT,
        /** The input's dtype. */
        SAME,
        /** A bool tensor. */
        BOOL
    }

    private final UnaryKernel kernel;
    private final Kind kind;

    UnaryOp(Spec spec) {
        this.kernel = spec.kernel();
        this.kind = spec.kind();
    }

    public Kind kind() {
        return kind;
    }

    UnaryKernel kernel() {
        return kernel;
    }

    /** A kernel and its dtype rule. */
    private record Spec(Kind kind, UnaryKernel kernel) {
    }

    private static Spec floating(String name, DoubleUnaryOperator f) {
        return floating(name, f, null);
    }

    /** A {@link Kind#FLOAT} function with a Vector API form for contiguous float32 and float64 rows. */
    private static Spec floating(String name, DoubleUnaryOperator f, VectorOp vector) {
        return new Spec(Kind.FLOAT, new UnaryKernel(name, x -> (float) f.applyAsDouble(x), f, null, null, vector));
    }

    private static Spec same(String name, DoubleUnaryOperator f, LongUnaryOperator g) {
        return new Spec(Kind.SAME, new UnaryKernel(name, x -> (float) f.applyAsDouble(x), f, g, null, null));
    }

    private static Spec same(UnaryKernel kernel) {
        return new Spec(Kind.SAME, kernel);
    }

    @FunctionalInterface
    private interface DoubleTest {
        boolean test(double x);
    }

    @FunctionalInterface
    private interface LongTest {
        boolean test(long x);
    }

    /** A bool-valued function of floats and of integers (bools read as 0 and 1). */
    private static Spec predicate(String name, DoubleTest f, LongTest g) {
        return new Spec(Kind.BOOL, new UnaryKernel(name, x -> f.test(x) ? 1f : 0f, x -> f.test(x) ? 1 : 0,
                x -> g.test(x) ? 1 : 0, x -> g.test(x ? 1 : 0), null));
    }
}
