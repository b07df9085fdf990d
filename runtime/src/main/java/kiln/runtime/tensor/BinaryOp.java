package kiln.runtime.tensor;

/**
 * Elementwise functions of two operands beyond {@link Ops}'s, for {@link Pointwise#binary}. The operands are
 * promoted to their common dtype ({@link TypePromotion}); {@link Kind#SAME} functions answer in it,
 * {@link Kind#FLOAT} ones compute integer inputs in the default float dtype, {@link Kind#BOOL} ones answer a bool
 * tensor.
 */
public enum BinaryOp {
    EQ(Kind.BOOL, test("eq_cpu", (a, b) -> a == b, (a, b) -> a == b)),
    NE(Kind.BOOL, test("ne_cpu", (a, b) -> a != b, (a, b) -> a != b)),
    LT(Kind.BOOL, test("lt_cpu", (a, b) -> a < b, (a, b) -> a < b)),
    LE(Kind.BOOL, test("le_cpu", (a, b) -> a <= b, (a, b) -> a <= b)),
    GT(Kind.BOOL, test("gt_cpu", (a, b) -> a > b, (a, b) -> a > b)),
    GE(Kind.BOOL, test("ge_cpu", (a, b) -> a >= b, (a, b) -> a >= b)),
    LOGICAL_AND(Kind.BOOL, test("logical_and_cpu", (a, b) -> a != 0 && b != 0, (a, b) -> a != 0 && b != 0)),
    LOGICAL_OR(Kind.BOOL, test("logical_or_cpu", (a, b) -> a != 0 || b != 0, (a, b) -> a != 0 || b != 0)),
    LOGICAL_XOR(Kind.BOOL, test("logical_xor_cpu", (a, b) -> (a != 0) != (b != 0), (a, b) -> (a != 0) != (b != 0))),

    MAXIMUM(Kind.SAME, new BinaryKernel("maximum_cpu", Math::max, Math::max, Math::max, (a, b) -> a || b, null, 1)),
    MINIMUM(Kind.SAME, new BinaryKernel("minimum_cpu", Math::min, Math::min, Math::min, (a, b) -> a && b, null, 1)),
    FMAX(Kind.SAME, new BinaryKernel("fmax_cpu", (a, b) -> Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.max(a, b),
            (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b), Math::max, (a, b) -> a || b, null, 1)),
    FMIN(Kind.SAME, new BinaryKernel("fmin_cpu", (a, b) -> Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.min(a, b),
            (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b), Math::min, (a, b) -> a && b, null, 1)),
    POW(Kind.SAME, new BinaryKernel("pow_cpu", (a, b) -> (float) Math.pow(a, b), Math::pow, BinaryOp::intPow, null,
            null, 1)),
    REMAINDER(Kind.SAME, new BinaryKernel("remainder_cpu", (a, b) -> (float) remainder(a, b), BinaryOp::remainder,
            (a, b) -> Math.floorMod(a, nonZero(b)), null, null, 1)),
    FMOD(Kind.SAME, new BinaryKernel("fmod_cpu", (a, b) -> a % b, (a, b) -> a % b, (a, b) -> a % nonZero(b), null,
            null, 1)),
    FLOOR_DIVIDE(Kind.SAME, new BinaryKernel("div_floor_cpu", (a, b) -> (float) divFloor(a, b), BinaryOp::divFloor,
            (a, b) -> Math.floorDiv(a, nonZero(b)), null, null, 1)),
    DIV_TRUNC(Kind.SAME, new BinaryKernel("div_trunc_cpu", (a, b) -> trunc(a / b), (a, b) -> truncD(a / b),
            (a, b) -> a / nonZero(b), null, null, 1)),
    BITWISE_AND(Kind.SAME, new BinaryKernel("bitwise_and_cpu", null, null, (a, b) -> a & b, (a, b) -> a & b, null, 1)),
    BITWISE_OR(Kind.SAME, new BinaryKernel("bitwise_or_cpu", null, null, (a, b) -> a | b, (a, b) -> a | b, null, 1)),
    BITWISE_XOR(Kind.SAME, new BinaryKernel("bitwise_xor_cpu", null, null, (a, b) -> a ^ b, (a, b) -> a ^ b, null, 1)),
    BITWISE_LEFT_SHIFT(Kind.SAME, new BinaryKernel("lshift_cpu", null, null,
            (a, b) -> b < 0 || b >= 64 ? 0 : a << b, null, null, 1)),
    BITWISE_RIGHT_SHIFT(Kind.SAME, new BinaryKernel("rshift_cpu", null, null,
            (a, b) -> b < 0 || b >= 64 ? (a < 0 ? -1 : 0) : a >> b, null, null, 1)),
    LCM(Kind.SAME, new BinaryKernel("lcm_cpu", null, null, BinaryOp::lcm, null, null, 1)),
    NEXTAFTER(Kind.SAME, new BinaryKernel("nextafter_cpu", (a, b) -> Math.nextAfter(a, b), Math::nextAfter, null,
            null, null, 1)),
    SPECIAL_XLOG1PY(Kind.FLOAT, floating("xlog1py_cpu", (a, b) -> Double.isNaN(b) ? Double.NaN : a == 0 ? 0
            : a * Math.log1p(b))),
    SPECIAL_ZETA(Kind.FLOAT, floating("zeta_cpu", GammaFunctions::zeta)),
    /** {@code polygamma(n, x)}, with the order as the first operand. */
    POLYGAMMA(Kind.FLOAT, floating("polygamma_cpu", GammaFunctions::polygamma)),
    IGAMMA(Kind.FLOAT, floating("igamma_cpu", GammaFunctions::igamma)),
    IGAMMAC(Kind.FLOAT, floating("igammac_cpu", GammaFunctions::igammac)),
    SPECIAL_CHEBYSHEV_POLYNOMIAL_T(Kind.FLOAT, polynomial("chebyshev_polynomial_t", OrthogonalPolynomials::chebyshevT)),
    SPECIAL_CHEBYSHEV_POLYNOMIAL_U(Kind.FLOAT, polynomial("chebyshev_polynomial_u", OrthogonalPolynomials::chebyshevU)),
    SPECIAL_CHEBYSHEV_POLYNOMIAL_V(Kind.FLOAT, polynomial("chebyshev_polynomial_v", OrthogonalPolynomials::chebyshevV)),
    SPECIAL_CHEBYSHEV_POLYNOMIAL_W(Kind.FLOAT, polynomial("chebyshev_polynomial_w", OrthogonalPolynomials::chebyshevW)),
    SPECIAL_SHIFTED_CHEBYSHEV_POLYNOMIAL_T(Kind.FLOAT, polynomial("shifted_chebyshev_polynomial_t",
            OrthogonalPolynomials::shiftedChebyshevT)),
    SPECIAL_SHIFTED_CHEBYSHEV_POLYNOMIAL_U(Kind.FLOAT, polynomial("shifted_chebyshev_polynomial_u",
            OrthogonalPolynomials::shiftedChebyshevU)),
    SPECIAL_SHIFTED_CHEBYSHEV_POLYNOMIAL_V(Kind.FLOAT, polynomial("shifted_chebyshev_polynomial_v",
            OrthogonalPolynomials::shiftedChebyshevV)),
    SPECIAL_SHIFTED_CHEBYSHEV_POLYNOMIAL_W(Kind.FLOAT, polynomial("shifted_chebyshev_polynomial_w",
            OrthogonalPolynomials::shiftedChebyshevW)),
    SPECIAL_HERMITE_POLYNOMIAL_H(Kind.FLOAT, polynomial("hermite_polynomial_h", OrthogonalPolynomials::hermiteH)),
    SPECIAL_HERMITE_POLYNOMIAL_HE(Kind.FLOAT, polynomial("hermite_polynomial_he", OrthogonalPolynomials::hermiteHe)),
    SPECIAL_LAGUERRE_POLYNOMIAL_L(Kind.FLOAT, polynomial("laguerre_polynomial_l", OrthogonalPolynomials::laguerreL)),
    SPECIAL_LEGENDRE_POLYNOMIAL_P(Kind.FLOAT, polynomial("legendre_polynomial_p", OrthogonalPolynomials::legendreP)),
    ATAN2(Kind.FLOAT, floating("atan2_cpu", Math::atan2)),
    HYPOT(Kind.FLOAT, floating("hypot_cpu", Math::hypot)),
    COPYSIGN(Kind.FLOAT, floating("copysign_cpu", Math::copySign)),
    LOGADDEXP(Kind.FLOAT, floating("logaddexp_cpu", (a, b) -> {
        double m = Math.max(a, b);
        return Double.isInfinite(m) && a == b ? a : m + Math.log1p(Math.exp(-Math.abs(a - b)));
    })),
    XLOGY(Kind.FLOAT, floating("xlogy_cpu", (a, b) -> Double.isNaN(b) ? Double.NaN : a == 0 ? 0 : a * Math.log(b)));

    /** How an op's result dtype follows from the operands' common dtype. */
    public enum Kind {
        SAME,
        FLOAT,
        BOOL
    }

    private final Kind kind;
    private final BinaryKernel kernel;

    BinaryOp(Kind kind, BinaryKernel kernel) {
        this.kind = kind;
        this.kernel = kernel;
    }

    public Kind kind() {
        return kind;
    }

    BinaryKernel kernel() {
        return kernel;
    }

    @FunctionalInterface
    private interface DoubleTest {
        boolean test(double a, double b);
    }

    @FunctionalInterface
    private interface LongTest {
        boolean test(long a, long b);
    }

    /** A comparison: 1 or 0 at every precision (bools compare as 0 and 1). */
    private static BinaryKernel test(String name, DoubleTest f, LongTest g) {
        return new BinaryKernel(name, (a, b) -> f.test(a, b) ? 1f : 0f, (a, b) -> f.test(a, b) ? 1 : 0,
                (a, b) -> g.test(a, b) ? 1 : 0, (a, b) -> g.test(a ? 1 : 0, b ? 1 : 0), null, 1);
    }

    /** A polynomial {@code P_n(x)} of {@link OrthogonalPolynomials}, evaluated at the operands' precision. */
    @FunctionalInterface
    private interface Polynomial {
        double apply(double x, double n, OrthogonalPolynomials.Precision precision);
    }

    private static BinaryKernel polynomial(String name, Polynomial p) {
        return new BinaryKernel(name, (a, b) -> (float) p.apply(a, b, OrthogonalPolynomials.Precision.FLOAT),
                (a, b) -> p.apply(a, b, OrthogonalPolynomials.Precision.DOUBLE), null, null, null, 1);
    }

    private static BinaryKernel floating(String name, java.util.function.DoubleBinaryOperator f) {
        return new BinaryKernel(name, (a, b) -> (float) f.applyAsDouble(a, b), f, null, null, null, 1);
    }

    private static long nonZero(long b) {
        if (b == 0) {
            throw TorchException.runtime("ZeroDivisionError");
        }
        return b;
    }

    private static long lcm(long a, long b) {
        long x = Math.abs(a);
        long y = Math.abs(b);
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return x == 0 ? 0 : Math.abs(a / x * b);
    }

    private static long intPow(long base, long exponent) {
        if (exponent < 0) {
            if (base == 1) {
                return 1;
            }
            if (base == -1) {
                return (exponent & 1) == 0 ? 1 : -1;
            }
            throw TorchException.runtime("Integers to negative integer powers are not allowed.");
        }
        long result = 1;
        long b = base;
        for (long e = exponent; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
        }
        return result;
    }

    /** ATen's floating {@code remainder}: the result has the divisor's sign. */
    private static double remainder(double a, double b) {
        double mod = a % b;
        if (mod != 0 && (b < 0) != (mod < 0)) {
            mod += b;
        }
        return mod;
    }

    /** c10's {@code div_floor_floating}. */
    private static double divFloor(double a, double b) {
        if (b == 0) {
            return a / b;
        }
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) {
            div -= 1;
        }
        if (div == 0) {
            return Math.copySign(0, a / b);
        }
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1 : floor;
    }

    private static float trunc(float v) {
        return (float) truncD(v);
    }

    private static double truncD(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }
}
