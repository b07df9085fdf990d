package kiln.dialects.math;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import kiln.dialects.arith.ArithKernel;
import kiln.dialects.ir.FloatType;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.ShapedType;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.VectorType;
import kiln.dialects.ir.text.Formats;

/** The ops of the math dialect, declared as rows: name, arity, and the function of double values they compute. */
public final class MathOps {
    private MathOps() {
    }

    private static OpDef op(String name, String summary, int arity, ArithKernel.FloatFunction f) {
        OpDef.Builder b = OpDef.define(name).summary(summary).operands(arity).results(1).openAttributes()
                .traits(Trait.PURE, Trait.ELEMENTWISE, Trait.SAME_OPERANDS_AND_RESULT_TYPE)
                .format(Formats.sameType(arity)).verifier(MathOps::verifyFloat);
        if (f != null) {
            ArithKernel kernel = ArithKernel.ofFloats(f);
            b.implement(ArithKernel.class, kernel).folder((o, constants) -> constants.stream()
                    .allMatch(java.util.Objects::nonNull) ? kernel.evaluate(o, constants).map(a -> List.of(
                    (Folder.Result) new Folder.Result.Constant(a))) : Optional.empty());
        }
        return b.build();
    }

    private static OpDef unary(String name, String summary, java.util.function.DoubleUnaryOperator f) {
        return op(name, summary, 1, f == null ? null : x -> f.applyAsDouble(x[0]));
    }

    private static OpDef binary(String name, String summary, java.util.function.DoubleBinaryOperator f) {
        return op(name, summary, 2, x -> f.applyAsDouble(x[0], x[1]));
    }

    private static void verifyFloat(Operation op, Consumer<String> report) {
        if (op.numResults() == 1) {
            Type t = op.result(0).type();
            Type element = t instanceof VectorType v ? v.elementType() : t;
            if (!(element instanceof FloatType) || t instanceof ShapedType && !(t instanceof VectorType)) {
                report.accept("operands and result must be a float or a vector of floats, but got '" + t.asm() + "'");
            }
        }
    }

    public static final OpDef ABSF = unary("math.absf", "absolute value", Math::abs);
    public static final OpDef CEIL = unary("math.ceil", "round up to an integer", Math::ceil);
    public static final OpDef FLOOR = unary("math.floor", "round down to an integer", Math::floor);
    public static final OpDef ROUND = unary("math.round", "round half away from zero",
            x -> Double.isFinite(x) ? Math.copySign(Math.floor(Math.abs(x) + 0.5), x) : x);
    public static final OpDef ROUNDEVEN = unary("math.roundeven", "round half to even", Math::rint);
    public static final OpDef TRUNC = unary("math.trunc", "round toward zero",
            x -> x < 0 ? Math.ceil(x) : Math.floor(x));
    public static final OpDef SQRT = unary("math.sqrt", "square root", Math::sqrt);
    public static final OpDef RSQRT = unary("math.rsqrt", "reciprocal square root", x -> 1 / Math.sqrt(x));
    public static final OpDef CBRT = unary("math.cbrt", "cube root", Math::cbrt);
    public static final OpDef EXP = unary("math.exp", "e to the x", Math::exp);
    public static final OpDef EXP2 = unary("math.exp2", "2 to the x", x -> Math.pow(2, x));
    public static final OpDef EXPM1 = unary("math.expm1", "e to the x, minus 1", Math::expm1);
    public static final OpDef LOG = unary("math.log", "natural logarithm", Math::log);
    public static final OpDef LOG10 = unary("math.log10", "base-10 logarithm", Math::log10);
    public static final OpDef LOG1P = unary("math.log1p", "natural logarithm of 1 + x", Math::log1p);
    public static final OpDef LOG2 = unary("math.log2", "base-2 logarithm", x -> Math.log(x) / Math.log(2));
    public static final OpDef SIN = unary("math.sin", "sine", Math::sin);
    public static final OpDef COS = unary("math.cos", "cosine", Math::cos);
    public static final OpDef TAN = unary("math.tan", "tangent", Math::tan);
    public static final OpDef ASIN = unary("math.asin", "arcsine", Math::asin);
    public static final OpDef ACOS = unary("math.acos", "arccosine", Math::acos);
    public static final OpDef ATAN = unary("math.atan", "arctangent", Math::atan);
    public static final OpDef SINH = unary("math.sinh", "hyperbolic sine", Math::sinh);
    public static final OpDef COSH = unary("math.cosh", "hyperbolic cosine", Math::cosh);
    public static final OpDef TANH = unary("math.tanh", "hyperbolic tangent", Math::tanh);
    public static final OpDef ASINH = unary("math.asinh", "inverse hyperbolic sine",
            x -> Double.isInfinite(x) ? x : Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x));
    public static final OpDef ACOSH = unary("math.acosh", "inverse hyperbolic cosine",
            x -> Math.log(x + Math.sqrt(x * x - 1)));
    public static final OpDef ATANH = unary("math.atanh", "inverse hyperbolic tangent",
            x -> 0.5 * Math.log1p(2 * x / (1 - x)));
    public static final OpDef ERF = unary("math.erf", "the error function", null);
    public static final OpDef ERFC = unary("math.erfc", "the complementary error function", null);
    public static final OpDef ATAN2 = binary("math.atan2", "arctangent of y / x, by quadrant", Math::atan2);
    public static final OpDef POWF = binary("math.powf", "x to the y", Math::pow);
    public static final OpDef COPYSIGN = binary("math.copysign", "magnitude of x, sign of y", Math::copySign);
    public static final OpDef FMA = op("math.fma", "a * b + c, rounded once", 3, x -> Math.fma(x[0], x[1], x[2]));

    public static final List<OpDef> ALL = List.of(ABSF, CEIL, FLOOR, ROUND, ROUNDEVEN, TRUNC, SQRT, RSQRT, CBRT, EXP,
            EXP2, EXPM1, LOG, LOG10, LOG1P, LOG2, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH, ASINH, ACOSH, ATANH,
            ERF, ERFC, ATAN2, POWF, COPYSIGN, FMA);
}
