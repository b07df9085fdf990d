package kiln.dialects.torch.scalar;

import static kiln.dialects.torch.scalar.ScalarArgs.toBool;
import static kiln.dialects.torch.scalar.ScalarArgs.toLong;

/**
 * The int, float and bool operators: arithmetic, comparisons, {@code min}/{@code max} of two numbers, bool logic,
 * int bit operators and the range arithmetic of {@code for} loops. A number operator has one overload per operand
 * kind ({@code aten::add.int}, {@code .float}, {@code .int_float}, {@code .float_int}, and the {@code Scalar}
 * one); they share one function that looks at the values, which is what the overload's types promise anyway.
 */
final class NumberOps {
    /** The overloads of a binary number operator. */
    static final String[] BINARY = {"int", "float", "int_float", "float_int", ""};
    private static final String[] UNARY = {"int", "float", "Scalar"};

    private NumberOps() {
    }

    static void define(ScalarOps.Table t) {
        t.define("aten::add", a -> PyNumbers.add(a[0], a[1]), BINARY);
        t.define("aten::sub", a -> PyNumbers.sub(a[0], a[1]), BINARY);
        t.define("aten::mul", a -> PyNumbers.mul(a[0], a[1]), BINARY);
        t.define("aten::div", a -> PyNumbers.div(a[0], a[1]), "int", "float", "");
        t.define("aten::floordiv", a -> PyNumbers.floorDiv(a[0], a[1]), BINARY);
        t.define("aten::__round_to_zero_floordiv.int", a -> PyNumbers.truncatingDiv(toLong(a[0]), toLong(a[1])));
        t.define("aten::remainder", a -> PyNumbers.remainder(a[0], a[1]), BINARY);
        t.define("aten::fmod", a -> PyNumbers.d(a[0]) % PyNumbers.d(a[1]), BINARY);
        t.define("aten::divmod", a -> ScalarResults.of(PyNumbers.floorDiv(a[0], a[1]),
                PyNumbers.remainder(a[0], a[1])), "int", "float", "int_float", "float_int");
        t.define("aten::pow.int_to_int", a -> PyNumbers.intPow(toLong(a[0]), toLong(a[1])));
        t.define("aten::pow", a -> Math.pow(PyNumbers.d(a[0]), PyNumbers.d(a[1])),
                "int", "float", "int_float", "float_int", "Scalar_Scalar");
        t.define("aten::neg", a -> PyNumbers.neg(a[0]), UNARY);
        t.define("prim::abs", a -> PyNumbers.abs(a[0]), UNARY);

        t.define("aten::eq", a -> PyNumbers.eq(a[0], a[1]), BINARY);
        t.define("aten::ne", a -> !PyNumbers.eq(a[0], a[1]), BINARY);
        t.define("aten::lt", a -> PyNumbers.lt(a[0], a[1]), BINARY);
        t.define("aten::le", a -> PyNumbers.le(a[0], a[1]), BINARY);
        t.define("aten::gt", a -> PyNumbers.lt(a[1], a[0]), BINARY);
        t.define("aten::ge", a -> PyNumbers.le(a[1], a[0]), BINARY);
        t.define("aten::eq.bool", a -> toBool(a[0]) == toBool(a[1]));
        t.define("aten::ne.bool", a -> toBool(a[0]) != toBool(a[1]));
        t.define("prim::min", a -> PyNumbers.extreme(a[0], a[1], false), BINARY);
        t.define("prim::max", a -> PyNumbers.extreme(a[0], a[1], true), BINARY);

        t.define("aten::__not__", a -> !toBool(a[0]));
        t.define("aten::__and__.bool", a -> toBool(a[0]) & toBool(a[1]));
        t.define("aten::__or__.bool", a -> toBool(a[0]) | toBool(a[1]));
        t.define("aten::__xor__.bool", a -> toBool(a[0]) ^ toBool(a[1]));
        t.define("aten::__and__.int", a -> toLong(a[0]) & toLong(a[1]));
        t.define("aten::__or__.int", a -> toLong(a[0]) | toLong(a[1]));
        t.define("aten::__xor__.int", a -> toLong(a[0]) ^ toLong(a[1]));
        t.define("aten::__lshift__.int", a -> toLong(a[0]) << toLong(a[1]));
        t.define("aten::__rshift__.int", a -> toLong(a[0]) >> toLong(a[1]));

        t.define("aten::__range_length", a -> PySlice.rangeLength(toLong(a[0]), toLong(a[1]), toLong(a[2])));
        t.define("aten::__derive_index", a -> toLong(a[1]) + toLong(a[0]) * toLong(a[2]));
    }
}
