package kiln.dialects.torch.scalar;

import static kiln.dialects.torch.scalar.ScalarArgs.str;
import static kiln.dialects.torch.scalar.ScalarArgs.toBool;
import static kiln.dialects.torch.scalar.ScalarArgs.toDouble;
import static kiln.dialects.torch.scalar.ScalarArgs.toLong;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * The conversions {@code int()}, {@code float()} and {@code bool()} of numbers and strings, and the {@code math}
 * functions on numbers.
 */
final class MathOps {
    private MathOps() {
    }

    static void define(ScalarOps.Table t) {
        defineConversions(t);
        unary(t, "aten::sqrt", Math::sqrt);
        unary(t, "aten::exp", Math::exp);
        unary(t, "aten::log", Math::log);
        unary(t, "aten::log10", Math::log10);
        unary(t, "aten::log1p", Math::log1p);
        unary(t, "aten::expm1", Math::expm1);
        unary(t, "aten::sin", Math::sin);
        unary(t, "aten::cos", Math::cos);
        unary(t, "aten::tan", Math::tan);
        unary(t, "aten::asin", Math::asin);
        unary(t, "aten::acos", Math::acos);
        unary(t, "aten::atan", Math::atan);
        unary(t, "aten::sinh", Math::sinh);
        unary(t, "aten::cosh", Math::cosh);
        unary(t, "aten::tanh", Math::tanh);
        unary(t, "aten::fabs", Math::abs);
        unary(t, "aten::degrees", Math::toDegrees);
        unary(t, "aten::radians", Math::toRadians);
        t.define("aten::log", a -> Math.log(PyNumbers.d(a[0])) / Math.log(PyNumbers.d(a[1])),
                "int_int", "float_float", "int_float", "float_int", "Scalar_Scalar");
        t.define("aten::atan2", a -> Math.atan2(PyNumbers.d(a[0]), PyNumbers.d(a[1])),
                "int", "float", "int_float", "float_int", "Scalar_Scalar");
        t.define("aten::copysign", a -> Math.copySign(PyNumbers.d(a[0]), PyNumbers.d(a[1])), NumberOps.BINARY);
        // floor and ceil give ints, round a float; the Scalar overload keeps an int's kind (DEFINE_UNARY_OP)
        t.define("aten::floor.float", a -> PyNumbers.truncate(Math.floor(toDouble(a[0]))));
        t.define("aten::ceil.float", a -> PyNumbers.truncate(Math.ceil(toDouble(a[0]))));
        t.define("aten::floor.int", a -> toLong(a[0]));
        t.define("aten::ceil.int", a -> toLong(a[0]));
        t.define("aten::floor.Scalar", a -> a[0] instanceof Long l ? l
                : PyNumbers.truncate(Math.floor(toDouble(a[0]))));
        t.define("aten::ceil.Scalar", a -> a[0] instanceof Long l ? l
                : PyNumbers.truncate(Math.ceil(toDouble(a[0]))));
        t.define("aten::round.float", a -> Math.rint(toDouble(a[0])));
        t.define("aten::round.int", a -> (double) toLong(a[0]));
        t.define("aten::round.Scalar", a -> Math.rint(toDouble(a[0])));
        t.define("aten::isnan.float", a -> Double.isNaN(toDouble(a[0])));
        t.define("aten::isinf.float", a -> Double.isInfinite(toDouble(a[0])));
        t.define("aten::isfinite.float", a -> Double.isFinite(toDouble(a[0])));
        t.define("aten::gcd.int", a -> PyNumbers.gcd(toLong(a[0]), toLong(a[1])));
        t.define("aten::factorial.int", a -> PyNumbers.factorial(toLong(a[0])));
    }

    private static void defineConversions(ScalarOps.Table t) {
        t.define("aten::Int.float", a -> PyNumbers.truncate(toDouble(a[0])));
        t.define("aten::Int.Scalar", a -> a[0] instanceof Long l ? l : PyNumbers.truncate(toDouble(a[0])));
        t.define("aten::Int.bool", a -> toBool(a[0]) ? 1L : 0L);
        t.define("aten::Int.str", a -> parseInt(str(a[0])));
        t.define("aten::Float.int", a -> (double) toLong(a[0]));
        t.define("aten::Float.Scalar", a -> toDouble(a[0]));
        t.define("aten::Float.bool", a -> toBool(a[0]) ? 1.0 : 0.0);
        t.define("aten::Float.str", a -> parseFloat(str(a[0])));
        t.define("aten::Bool.int", a -> toLong(a[0]) != 0);
        t.define("aten::Bool.float", a -> toDouble(a[0]) != 0);
    }

    /** A {@code math} function: {@code .int} and {@code .float} give a float, and so does {@code .Scalar}. */
    private static void unary(ScalarOps.Table t, String name, DoubleUnaryOperator f) {
        t.define(name, a -> f.applyAsDouble(PyNumbers.d(a[0])), "int", "float", "Scalar");
    }

    /** {@code int(s)}: an optionally signed decimal, blanks around it and underscores in it allowed. */
    static long parseInt(String s) {
        try {
            return Long.parseLong(s.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw ScalarException.valueError("invalid literal for int() with base 10: '" + s + "'");
        }
    }

    /** {@code float(s)}: a decimal or hexadecimal float, {@code inf}, {@code infinity} or {@code nan}, any case. */
    static double parseFloat(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
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
                    throw ScalarException.valueError("could not convert string to float: '" + s + "'");
                }
            }
        }
    }
}
