package kiln.runtime.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.dialects.torch.types.LeafType;
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.interp.value.ValuePrinter;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** TorchScript's print format (c10's operator<< for IValue), captured into a buffer. */
class PrintTest {
    @Test
    void printWritesValuesSeparatedBySpacesToTheConfiguredOutput() {
        String text = """
                graph(%x : float, %n : int, %s : str, %b : bool, %l : int[]):
                  %none : NoneType = prim::Constant()
                   = prim::Print(%s, %x, %n, %b, %none, %l)
                  return (%none)
                """;
        StringBuilder out = new StringBuilder();
        Interpreter interp = Interpreter.builder().output(out).build();
        interp.run(Graphs.parse(text), 0.1, 3L, "x:", true, ScriptList.ofLongs(1, 2));
        assertEquals("x: 0.10000000000000001 3 True None [1, 2]\n", out.toString());
    }

    @Test
    void valuesPrintAsTorchScriptPrintsThem() {
        assertEquals("1.", ValuePrinter.print(1.0));
        assertEquals("-0.", ValuePrinter.print(-0.0));
        assertEquals("inf", ValuePrinter.print(Double.POSITIVE_INFINITY));
        assertEquals("(1,)", ValuePrinter.print(ScriptTuple.of(1L)));
        assertEquals("(a, [b, c])", ValuePrinter.print(ScriptTuple.of("a",
                ScriptList.of(LeafType.STR, List.of("b", "c")))), "strings inside containers are printed bare");
        ScriptDict d = new ScriptDict(LeafType.STR, LeafType.FLOAT);
        d.put("k", 2.5);
        assertEquals("{k: 2.5}", ValuePrinter.print(d));
        assertEquals("[]", ValuePrinter.print(ScriptList.empty(LeafType.INT)));
    }

    @Test
    void tensorsPrintAsAtenDoes() {
        Tensor t = Tensor.of(new float[] {1.5f, -2f});
        String printed = ValuePrinter.printLine(List.of("t:", t));
        assertEquals("t: " + t.toAtenString() + "\n", printed);
        assertTrue(printed.contains("[ CPUFloatType{2} ]"), printed);
    }

    @Test
    void warningsAreReportedOncePerOp() {
        String text = """
                graph(%n : int):
                  %true : bool = prim::Constant[value=1]()
                  %msg : str = prim::Constant[value="careful"]()
                  %two : int = prim::Constant[value=2]()
                  %none : NoneType = prim::Constant()
                   = prim::Loop(%n, %true)
                    block0(%i : int):
                       = aten::warn(%msg, %two)
                      -> (%true)
                  return (%none)
                """;
        StringBuilder err = new StringBuilder();
        Interpreter.builder().warnings(err).build().run(Graphs.parse(text), 3L);
        assertEquals("UserWarning: careful\n", err.toString());
    }
}
