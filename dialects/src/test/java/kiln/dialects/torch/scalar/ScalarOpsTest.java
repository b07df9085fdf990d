package kiln.dialects.torch.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.dialects.torch.scalar.ScalarException.Kind;
import kiln.dialects.torch.schema.OperatorRegistry;
import org.junit.jupiter.api.Test;

/** The scalar operator table: Python's (and TorchScript's) corner cases, overload by overload. */
class ScalarOpsTest {
    private static final ScalarOps OPS = ScalarOps.standard();
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Object apply(String overload, Object... args) {
        return OPS.apply(overload, args);
    }

    private static void assertRaises(Kind kind, String message, String overload, Object... args) {
        ScalarException e = assertThrows(ScalarException.class, () -> apply(overload, args), overload);
        assertEquals(kind, e.kind(), overload);
        assertEquals(message, e.getMessage(), overload);
    }

    @Test
    void everyEntryIsAPyTorchOverload() {
        OperatorRegistry schemas = OperatorRegistry.standard();
        for (String overload : OPS.overloads()) {
            assertTrue(schemas.lookup(overload).isPresent(), overload + " is no PyTorch schema");
        }
        assertTrue(OPS.overloads().size() > 200, "the table holds " + OPS.overloads().size() + " overloads");
    }

    @Test
    void floorDivisionAndModuloRoundTowardNegativeInfinity() {
        assertEquals(-4L, apply("aten::floordiv.int", -7L, 2L));
        assertEquals(-4L, apply("aten::floordiv.int", 7L, -2L));
        assertEquals(3L, apply("aten::floordiv.int", 7L, 2L));
        assertEquals(1L, apply("aten::remainder.int", -7L, 2L));
        assertEquals(-1L, apply("aten::remainder.int", 7L, -2L));
        assertEquals(-4.0, apply("aten::floordiv.float_int", -7.5, 2L));
        assertEquals(1.5, apply("aten::remainder.float", -7.5, 3.0));
        assertEquals(-1.5, apply("aten::remainder.int_float", 7L, -4.25));
        assertEquals(-3L, apply("aten::__round_to_zero_floordiv.int", -7L, 2L), "C's division truncates");
        assertEquals(-1.5, apply("aten::fmod.float", -7.5, 3.0), "fmod keeps the dividend's sign");
        assertEquals(new ScalarResults(List.of(-4L, 1L)), apply("aten::divmod.int", -7L, 2L));
        assertEquals(new ScalarResults(List.of(-4.0, 1.5)), apply("aten::divmod.float_int", -6.5, 2L));
    }

    @Test
    void intsWrapAtSixtyFourBitsAndMixWithFloatsAsFloats() {
        assertEquals(Long.MIN_VALUE, apply("aten::add.int", Long.MAX_VALUE, 1L));
        assertEquals(Long.MAX_VALUE, apply("aten::sub.int", Long.MIN_VALUE, 1L));
        assertEquals(0L, apply("aten::mul.int", 1L << 62, 4L));
        assertEquals(Long.MIN_VALUE, apply("aten::floordiv.int", Long.MIN_VALUE, -1L));
        assertEquals(Long.MIN_VALUE, apply("aten::neg.int", Long.MIN_VALUE));
        assertEquals(3.5, apply("aten::add.int_float", 1L, 2.5));
        assertEquals(3L, apply("aten::add", 1L, 2L), "the Scalar overload keeps two ints an int");
        assertEquals(3.0, apply("aten::add", 1L, 2.0));
        assertEquals(-7.5, apply("aten::mul.float_int", 2.5, -3L));
        assertEquals(3.5, apply("aten::div.int", 7L, 2L), "true division gives a float");
        assertEquals(9.223372036854776e18, apply("aten::Float.int", Long.MAX_VALUE));
    }

    @Test
    void divisionByZero() {
        String message = "integer division or modulo by zero";
        assertRaises(Kind.ZERO_DIVISION_ERROR, message, "aten::floordiv.int", 1L, 0L);
        assertRaises(Kind.ZERO_DIVISION_ERROR, message, "aten::floordiv", 1L, 0L);
        assertRaises(Kind.ZERO_DIVISION_ERROR, message, "aten::remainder.int", 1L, 0L);
        assertRaises(Kind.ZERO_DIVISION_ERROR, message, "aten::divmod.int", 1L, 0L);
        assertRaises(Kind.ZERO_DIVISION_ERROR, message, "aten::__round_to_zero_floordiv.int", 1L, 0L);
        // TorchScript's float and true division follow IEEE 754 instead
        assertEquals(INF, apply("aten::div.int", 1L, 0L));
        assertEquals(Double.NEGATIVE_INFINITY, apply("aten::floordiv.float", -1.0, 0.0));
        assertEquals(NAN, apply("aten::remainder.float", 1.0, 0.0));
        assertEquals(NAN, apply("aten::fmod.int", 1L, 0L));
    }

    @Test
    void nanIsUnorderedAndWinsMinAndMax() {
        assertEquals(false, apply("aten::lt.float", NAN, 1.0));
        assertEquals(false, apply("aten::ge.float_int", NAN, 1L));
        assertEquals(false, apply("aten::eq.float", NAN, NAN));
        assertEquals(true, apply("aten::ne.float", NAN, NAN));
        assertEquals(NAN, apply("prim::max.float", NAN, 1.0));
        assertEquals(NAN, apply("prim::min.int_float", 1L, NAN));
        assertEquals(true, apply("aten::eq.int_float", 2L, 2.0));
        assertEquals(true, apply("aten::lt.int_float", 1L, 1.5));
        assertEquals(false, apply("aten::eq.int", Long.MAX_VALUE, Long.MAX_VALUE - 1), "ints compare exactly");
        assertEquals(true, apply("aten::eq.float", 0.0, -0.0));
        assertEquals(5L, apply("prim::min.int", 5L, 9L));
        assertEquals(9.0, apply("prim::max.int_float", 5L, 9.0));
    }

    @Test
    void roundingHalfToEvenAndConversions() {
        assertEquals(2.0, apply("aten::round.float", 2.5));
        assertEquals(4.0, apply("aten::round.float", 3.5));
        assertEquals(-2.0, apply("aten::round.float", -2.5));
        assertEquals(-0.0, apply("aten::round.float", -0.5));
        assertEquals(7.0, apply("aten::round.int", 7L));
        assertEquals(-3L, apply("aten::floor.float", -2.5));
        assertEquals(-2L, apply("aten::ceil.Scalar", -2.5), "floor and ceil of a float are ints");
        assertEquals(7L, apply("aten::floor.Scalar", 7L));
        assertEquals(-2L, apply("aten::Int.float", -2.7));
        assertEquals(3L, apply("aten::Int.Scalar", 3L));
        assertRaises(Kind.VALUE_ERROR, "cannot convert float NaN to integer", "aten::Int.float", NAN);
        assertRaises(Kind.OVERFLOW_ERROR, "cannot convert float infinity to integer", "aten::floor.float", INF);
        assertEquals(true, apply("aten::Bool.float", NAN));
        assertEquals(false, apply("aten::Bool.int", 0L));
        assertEquals(1L, apply("aten::Int.bool", true));
    }

    @Test
    void parsingNumbers() {
        assertEquals(INF, apply("aten::Float.str", "inf"));
        assertEquals(Double.NEGATIVE_INFINITY, apply("aten::Float.str", "-Infinity"));
        assertEquals(INF, apply("aten::Float.str", " +INF "));
        assertEquals(NAN, apply("aten::Float.str", "nan"));
        assertEquals(1.5e3, apply("aten::Float.str", "1.5e3"));
        assertEquals(0.5, apply("aten::Float.str", ".5"));
        assertEquals(1000.5, apply("aten::Float.str", "1_000.5"));
        assertEquals(8.0, apply("aten::Float.str", "0x1p3"), "hexadecimal, as std::stod reads it");
        assertRaises(Kind.VALUE_ERROR, "could not convert string to float: 'abc'", "aten::Float.str", "abc");
        assertRaises(Kind.VALUE_ERROR, "could not convert string to float: '1.5f'", "aten::Float.str", "1.5f");
        assertRaises(Kind.VALUE_ERROR, "could not convert string to float: ''", "aten::Float.str", "");
        assertEquals(-42L, apply("aten::Int.str", " -42 "));
        assertEquals(1000L, apply("aten::Int.str", "1_000"));
        assertRaises(Kind.VALUE_ERROR, "invalid literal for int() with base 10: '1.5'", "aten::Int.str", "1.5");
    }

    @Test
    void powers() {
        assertEquals(1024L, apply("aten::pow.int_to_int", 2L, 10L));
        assertEquals(-27L, apply("aten::pow.int_to_int", -3L, 3L));
        assertEquals(0L, apply("aten::pow.int_to_int", 2L, 64L), "ints wrap");
        assertEquals(1L, apply("aten::pow.int_to_int", 0L, 0L));
        assertRaises(Kind.RUNTIME_ERROR, "Integers to negative integer powers are not allowed", "aten::pow.int_to_int",
                2L, -1L);
        assertEquals(0.25, apply("aten::pow.int", 2L, -2L), "pow.int gives a float");
        assertEquals(INF, apply("aten::pow.float", 0.0, -1.0));
        assertEquals(NAN, apply("aten::pow.float", -8.0, 1.0 / 3));
    }

    @Test
    void mathFunctions() {
        assertEquals(2.0, apply("aten::sqrt.int", 4L));
        assertEquals(NAN, apply("aten::sqrt.float", -1.0));
        assertEquals(Double.NEGATIVE_INFINITY, apply("aten::log.int", 0L));
        assertEquals(3.0, apply("aten::log.int_int", 8L, 2L));
        assertEquals(-0.0, apply("aten::copysign.int_float", 0L, -1.0));
        assertEquals(6L, apply("aten::gcd.int", -12L, 18L));
        assertEquals(2432902008176640000L, apply("aten::factorial.int", 20L));
        assertEquals(0L, apply("aten::factorial.int", 1L << 62), "66! and beyond wrap to 0, at once");
        assertRaises(Kind.VALUE_ERROR, "factorial() not defined for negative values", "aten::factorial.int", -1L);
        assertEquals(true, apply("aten::isinf.float", Double.NEGATIVE_INFINITY));
        assertEquals(false, apply("aten::isfinite.float", NAN));
    }

    @Test
    void rangesAndIndices() {
        assertEquals(5L, apply("aten::__range_length", 0L, 10L, 2L));
        assertEquals(4L, apply("aten::__range_length", 10L, 0L, -3L));
        assertEquals(0L, apply("aten::__range_length", 5L, 0L, 1L));
        assertRaises(Kind.VALUE_ERROR, "range() arg 3 must not be zero", "aten::__range_length", 0L, 5L, 0L);
        assertEquals(13L, apply("aten::__derive_index", 3L, 1L, 4L));
    }

    @Test
    void bitsAndBools() {
        assertEquals(-8L, apply("aten::__and__.int", -7L, -4L));
        assertEquals(-1L, apply("aten::__rshift__.int", -7L, 3L), "an arithmetic shift");
        assertEquals(1L << 62, apply("aten::__lshift__.int", 1L, 62L));
        assertEquals(true, apply("aten::__xor__.bool", true, false));
        assertEquals(false, apply("aten::__not__", true));
        assertEquals(true, apply("aten::eq.bool", false, false));
    }

    @Test
    void strings() {
        assertEquals("olleh", apply("aten::slice.str", "hello", null, null, -1L));
        assertEquals("el", apply("aten::slice.str", "hello", 1L, 3L, 1L));
        assertEquals("o", apply("aten::__getitem__.str", "hello", -1L));
        assertRaises(Kind.INDEX_ERROR, "string index out of range", "aten::__getitem__.str", "hello", 5L);
        assertRaises(Kind.VALUE_ERROR, "slice step cannot be zero", "aten::slice.str", "hello", null, null, 0L);
        assertEquals(true, apply("aten::lt.str", "abc", "abd"));
        assertEquals("ab", apply("aten::add.str", "a", "b"));
        assertEquals(5L, apply("aten::len.str", "hello"));
        assertEquals(3L, apply("aten::find", "hello", "lo", 0L, -1L));
        assertEquals(new ScalarResults(List.of("a", ",", "b,c")), apply("aten::partition", "a,b,c", ","));
        assertEquals("-0x8000000000000000", apply("aten::hex", Long.MIN_VALUE));
        assertEquals("-0b101", apply("aten::bin", -5L));
        assertEquals(97L, apply("aten::ord", "a"));
        assertRaises(Kind.TYPE_ERROR, "ord() expected a character, but string of length 2 found", "aten::ord", "ab");
        assertEquals("é", apply("aten::chr", 233L));
        assertRaises(Kind.RUNTIME_ERROR, "chr() arg not in range(0x110000), found -1", "aten::chr", -1L);
        assertEquals("-007", apply("aten::zfill", "-7", 4L));
        assertEquals("*ab*", apply("aten::center", "ab", 4L, "*"));
        assertRaises(Kind.OVERFLOW_ERROR, "string of width 4611686018427387904 is too long", "aten::ljust", "ab",
                1L << 62, " ");
    }

    @Test
    void argumentsOfTheWrongKindAreTypeErrorsNamingTheirType() {
        assertRaises(Kind.TYPE_ERROR, "expected a number, got str", "aten::add", "a", 1L);
        assertRaises(Kind.TYPE_ERROR, "expected an int but got float", "aten::pow.int_to_int", 1.5, 1L);
        ScalarException e = assertThrows(ScalarException.class, () -> apply("aten::len.str", 3L));
        assertEquals(new ScalarException.Mismatch("expected a str but got ", 3L), e.mismatchedArgument().orElseThrow());
    }
}
