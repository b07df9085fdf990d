package kiln.runtime.interp;

import static kiln.runtime.interp.Graphs.eval;
import static kiln.runtime.interp.Graphs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import kiln.dialects.torch.types.LeafType;
import kiln.runtime.interp.kernels.Kernel;
import kiln.runtime.interp.kernels.KernelContext;
import kiln.runtime.interp.kernels.KernelRegistry;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import org.junit.jupiter.api.Test;

/** int/float operators behave as TorchScript (and Python) define them. */
class ScalarSemanticsTest {
    private static Object binary(String op, String type, Object a, Object b, String resultType) {
        return eval("""
                graph(%%a : %s, %%b : %s):
                  %%r : %s = %s(%%a, %%b)
                  return (%%r)
                """.formatted(type(a), type(b), resultType, op), a, b);
    }

    private static String type(Object v) {
        return v instanceof Long ? "int" : v instanceof Double ? "float" : v instanceof String ? "str" : "bool";
    }

    @Test
    void floorDivisionAndRemainderFloorTowardNegativeInfinity() {
        assertEquals(-4L, binary("aten::floordiv", "", -7L, 2L, "int"));
        assertEquals(3L, binary("aten::floordiv", "", 7L, 2L, "int"));
        assertEquals(-4L, binary("aten::floordiv", "", 7L, -2L, "int"));
        assertEquals(1L, binary("aten::remainder", "", -7L, 2L, "int"));
        assertEquals(-1L, binary("aten::remainder", "", 7L, -2L, "int"));
        assertEquals(1.5, binary("aten::remainder", "", -7.5, 3.0, "float"));
        assertEquals(-4.0, binary("aten::floordiv", "", -7.5, 2L, "float"));
    }

    @Test
    void integerDivisionByZeroIsAnError() {
        ScriptException e = assertThrows(ScriptException.class, () -> binary("aten::floordiv", "", 1L, 0L, "int"));
        assertEquals("ZeroDivisionError", e.className());
        assertThrows(ScriptException.class, () -> binary("aten::remainder", "", 1L, 0L, "int"));
    }

    @Test
    void trueDivisionAlwaysGivesAFloat() {
        assertEquals(3.5, binary("aten::div", "", 7L, 2L, "float"));
        assertEquals(Double.POSITIVE_INFINITY, binary("aten::div", "", 1.0, 0.0, "float"));
    }

    @Test
    void mixedArithmeticPromotesToFloatAndIntsWrap() {
        assertEquals(3.5, binary("aten::add", "", 1L, 2.5, "float"));
        assertEquals(Long.MIN_VALUE, binary("aten::add", "", Long.MAX_VALUE, 1L, "int"));
        assertEquals(8L, binary("aten::pow", "", 2L, 3L, "int"));
        assertEquals(0.25, binary("aten::pow", "", 2.0, -2L, "float"));
    }

    @Test
    void comparisonsAcrossIntAndFloat() {
        assertEquals(true, binary("aten::lt", "", 1L, 1.5, "bool"));
        assertEquals(true, binary("aten::eq", "", 2L, 2.0, "bool"));
        assertEquals(false, binary("aten::gt", "", Double.NaN, 1.0, "bool"));
        assertEquals(true, binary("aten::lt", "", "abc", "abd", "bool"));
        assertEquals(5L, binary("prim::min", "", 5L, 9L, "int"));
    }

    @Test
    void conversionsTruncateAndParse() {
        String intOfFloat = """
                graph(%x : float):
                  %r : int = aten::Int(%x)
                  return (%r)
                """;
        assertEquals(-2L, eval(intOfFloat, -2.7));
        ScriptException nan = assertThrows(ScriptException.class, () -> run(intOfFloat, Double.NaN));
        assertEquals("ValueError", nan.className());
        String floatOfStr = """
                graph(%s : str):
                  %r : float = aten::Float(%s)
                  return (%r)
                """;
        assertEquals(1.5, eval(floatOfStr, " 1.5 "));
        assertEquals(Double.NEGATIVE_INFINITY, eval(floatOfStr, "-inf"));
        assertThrows(ScriptException.class, () -> run(floatOfStr, "x1"));
    }

    @Test
    void strFormatAndNot() {
        String text = """
                graph(%a : int, %b : float, %c : bool):
                  %f : str = prim::Constant[value="a={} b={} c={}!"]()
                  %s : str = aten::format(%f, %a, %b, %c)
                  return (%s)
                """;
        assertEquals("a=3 b=0.5 c=True!", eval(text, 3L, 0.5, true));
        assertEquals("a=3 b=2. c=False!", eval(text, 3L, 2.0, false), "floats print as TorchScript's IValue does");
        assertEquals(false, eval("""
                graph(%a : bool):
                  %r : bool = aten::__not__(%a)
                  return (%r)
                """, true));
    }

    @Test
    void rangeLengthAndDerivedIndex() {
        String text = """
                graph(%lo : int, %hi : int, %step : int):
                  %r : int = aten::__range_length(%lo, %hi, %step)
                  return (%r)
                """;
        assertEquals(5L, eval(text, 0L, 10L, 2L));
        assertEquals(4L, eval(text, 10L, 0L, -3L));
        assertEquals(0L, eval(text, 5L, 0L, 1L));
    }

    @Test
    void divmodAndPartitionGiveOneValuePerResult() {
        String text = """
                graph(%a : int, %b : int, %s : str):
                  %sep : str = prim::Constant[value=","]()
                  %q : int, %r : int = aten::divmod(%a, %b)
                  %x : str, %y : str, %z : str = aten::partition(%s, %sep)
                  return (%q, %r, %x, %y, %z)
                """;
        assertEquals(List.of(-4L, -1L, "a", ",", "b,c"), run(text, 7L, -2L, "a,b,c"));
    }

    @Test
    void theTablesErrorsKeepTheirPythonClassAndMessage() {
        Kernel len = KernelRegistry.standard().lookup("aten::len.str").orElseThrow().bind(null, KernelContext.SILENT);
        ScriptException e = assertThrows(ScriptException.class,
                () -> len.call(new Object[] {ScriptList.of(LeafType.INT, List.of(1L))}));
        assertEquals("TypeError", e.className());
        assertEquals("expected a str but got List[int]", e.scriptMessage(), "named as the interpreter names values");
        ScriptException zero = assertThrows(ScriptException.class, () -> eval("""
                graph(%lo : int, %hi : int):
                  %step : int = prim::Constant[value=0]()
                  %r : int = aten::__range_length(%lo, %hi, %step)
                  return (%r)
                """, 0L, 5L));
        assertEquals("ValueError", zero.className());
        assertEquals("range() arg 3 must not be zero", zero.scriptMessage());
    }
}
