package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toDouble;
import static kiln.runtime.interp.kernels.Args.toLong;

import java.util.function.DoubleUnaryOperator;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptTuple;

/**
 * Kernels of TorchScript's int, float and bool operators: arithmetic, comparisons, conversions and the
 * {@code math} functions. A number operator has one overload per operand kind ({@code aten::add.int},
 * {@code .float}, {@code .int_float}, {@code .float_int}, and the {@code Scalar} one); they share one kernel that
 * looks at the values, which is what the overload's types promise anyway.
 */
final class NumberKernels {
    /** The overloads of a binary number operator. */
    static final String[] BINARY = {"int", "float", "int_float", "float_int", ""};
    private static final String[] UNARY = {"int", "float", "Scalar"};

    private NumberKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::add", a -> PyArith.add(a[0], a[1]), BINARY);
        r.register("aten::sub", a -> PyArith.sub(a[0], a[1]), BINARY);
        r.register("aten::mul", a -> PyArith.mul(a[0], a[1]), BINARY);
        r.register("aten::div", a -> PyArith.div(a[0], a[1]), "int", "float", "");
        r.register("aten::floordiv", a -> PyArith.floorDiv(a[0], a[1]), BINARY);
        r.register("aten::__round_to_zero_floordiv.int", a -> {
            long b = toLong(a[1]);
            if (b == 0) {
                throw ScriptException.zeroDivision("integer division or modulo by zero");
            }
            return toLong(a[0]) / b;
        });
        r.register("aten::remainder", a -> PyArith.remainder(a[0], a[1]), BINARY);
        r.register("aten::fmod", a -> PyArith.d(a[0]) % PyArith.d(a[1]), BINARY);
        r.register("aten::divmod", a -> ScriptTuple.of(PyArith.floorDiv(a[0], a[1]), PyArith.remainder(a[0], a[1])),
                "int", "float", "int_float", "float_int");
        r.register("aten::pow.int_to_int", a -> PyArith.intPow(toLong(a[0]), toLong(a[1])));
        r.register("aten::pow", a -> Math.pow(PyArith.d(a[0]), PyArith.d(a[1])),
                "int", "float", "int_float", "float_int", "Scalar_Scalar");
        r.register("aten::neg", a -> PyArith.neg(a[0]), UNARY);
        r.register("prim::abs", a -> PyArith.abs(a[0]), UNARY);

        r.register("aten::eq", a -> PyArith.eq(a[0], a[1]), BINARY);
        r.register("aten::ne", a -> !PyArith.eq(a[0], a[1]), BINARY);
        r.register("aten::lt", a -> PyArith.lt(a[0], a[1]), BINARY);
        r.register("aten::le", a -> PyArith.le(a[0], a[1]), BINARY);
        r.register("aten::gt", a -> PyArith.lt(a[1], a[0]), BINARY);
        r.register("aten::ge", a -> PyArith.le(a[1], a[0]), BINARY);
        r.register("aten::eq.bool", a -> toBool(a[0]) == toBool(a[1]));
        r.register("aten::ne.bool", a -> toBool(a[0]) != toBool(a[1]));
        r.register("prim::min", a -> PyArith.extreme(a[0], a[1], false), BINARY);
        r.register("prim::max", a -> PyArith.extreme(a[0], a[1], true), BINARY);

        r.register("aten::__not__", a -> !toBool(a[0]));
        r.register("aten::__and__.bool", a -> toBool(a[0]) & toBool(a[1]));
        r.register("aten::__or__.bool", a -> toBool(a[0]) | toBool(a[1]));
        r.register("aten::__xor__.bool", a -> toBool(a[0]) ^ toBool(a[1]));
        r.register("aten::__and__.int", a -> toLong(a[0]) & toLong(a[1]));
        r.register("aten::__or__.int", a -> toLong(a[0]) | toLong(a[1]));
        r.register("aten::__xor__.int", a -> toLong(a[0]) ^ toLong(a[1]));
        r.register("aten::__lshift__.int", a -> toLong(a[0]) << toLong(a[1]));
        r.register("aten::__rshift__.int", a -> toLong(a[0]) >> toLong(a[1]));

        registerConversions(r);
        registerMath(r);
    }

    private static void registerConversions(KernelRegistry r) {
        r.register("aten::Int.float", a -> PyArith.truncate(toDouble(a[0])));
        r.register("aten::Int.Scalar", a -> a[0] instanceof Long l ? l : PyArith.truncate(toDouble(a[0])));
        r.register("aten::Int.bool", a -> toBool(a[0]) ? 1L : 0L);
        r.register("aten::Int.str", a -> parseInt((String) a[0]));
        r.register("aten::Float.int", a -> (double) toLong(a[0]));
        r.register("aten::Float.Scalar", a -> toDouble(a[0]));
        r.register("aten::Float.bool", a -> toBool(a[0]) ? 1.0 : 0.0);
        r.register("aten::Float.str", a -> parseFloat((String) a[0]));
        r.register("aten::Bool.int", a -> toLong(a[0]) != 0);
        r.register("aten::Bool.float", a -> toDouble(a[0]) != 0);
    }

    private static void registerMath(KernelRegistry r) {
        unary(r, "aten::sqrt", Math::sqrt);
        unary(r, "aten::exp", Math::exp);
        unary(r, "aten::log", Math::log);
        unary(r, "aten::log10", Math::log10);
        unary(r, "aten::log1p", Math::log1p);
        unary(r, "aten::expm1", Math::expm1);
        unary(r, "aten::sin", Math::sin);
        unary(r, "aten::cos", Math::cos);
        unary(r, "aten::tan", Math::tan);
        unary(r, "aten::asin", Math::asin);
        unary(r, "aten::acos", Math::acos);
        unary(r, "aten::atan", Math::atan);
        unary(r, "aten::sinh", Math::sinh);
        unary(r, "aten::cosh", Math::cosh);
        unary(r, "aten::tanh", Math::tanh);
        unary(r, "aten::fabs", Math::abs);
        unary(r, "aten::degrees", Math::toDegrees);
        unary(r, "aten::radians", Math::toRadians);
        r.register("aten::log", a -> Math.log(PyArith.d(a[0])) / Math.log(PyArith.d(a[1])),
                "int_int", "float_float", "int_float", "float_int", "Scalar_Scalar");
        r.register("aten::atan2", a -> Math.atan2(PyArith.d(a[0]), PyArith.d(a[1])),
                "int", "float", "int_float", "float_int", "Scalar_Scalar");
        r.register("aten::copysign", a -> Math.copySign(PyArith.d(a[0]), PyArith.d(a[1])), BINARY);
        r.register("aten::floor.float", a -> PyArith.truncate(Math.floor(toDouble(a[0]))));
        r.register("aten::ceil.float", a -> PyArith.truncate(Math.ceil(toDouble(a[0]))));
        r.register("aten::floor.int", a -> toLong(a[0]));
        r.register("aten::ceil.int", a -> toLong(a[0]));
        r.register("aten::round.float", a -> PyArith.roundHalfEven(toDouble(a[0])));
        r.register("aten::round.int", a -> (double) toLong(a[0]));
        r.register("aten::isnan.float", a -> Double.isNaN(toDouble(a[0])));
        r.register("aten::isinf.float", a -> Double.isInfinite(toDouble(a[0])));
        r.register("aten::isfinite.float", a -> Double.isFinite(toDouble(a[0])));
        r.register("aten::gcd.int", a -> gcd(toLong(a[0]), toLong(a[1])));
        r.register("aten::factorial.int", a -> factorial(toLong(a[0])));
    }

    /** A {@code math} function: {@code .int} and {@code .float} give a float, {@code .Scalar} keeps floats. */
    private static void unary(KernelRegistry r, String name, DoubleUnaryOperator f) {
        r.register(name, a -> f.applyAsDouble(PyArith.d(a[0])), "int", "float", "Scalar");
    }

    private static long gcd(long a, long b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static long factorial(long n) {
        if (n < 0) {
            throw ScriptException.valueError("factorial() not defined for negative values");
        }
        long out = 1;
        for (long i = 2; i <= n; i++) {
            out *= i;
        }
        return out;
    }

    private static long parseInt(String s) {
        try {
            return Long.parseLong(s.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw ScriptException.valueError("invalid literal for int() with base 10: '" + s + "'");
        }
    }

    private static double parseFloat(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    if (t.endsWith("d") || t.endsWith("f")) {
                        throw new NumberFormatException();
                    }
                    return Double.parseDouble(t.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw ScriptException.valueError("could not convert string to float: '" + s + "'");
                }
            }
        }
    }
}
