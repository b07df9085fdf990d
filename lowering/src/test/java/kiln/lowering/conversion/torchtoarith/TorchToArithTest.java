package kiln.lowering.conversion.torchtoarith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Verifier;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.lowering.PassContext;
import kiln.lowering.PassFailure;
import kiln.lowering.PassOptions;
import org.junit.jupiter.api.Test;

/** What convert-torch-to-arith converts, what it leaves to torch and why. */
class TorchToArithTest {
    private static final DialectRegistry REGISTRY = DialectRegistry.discover();

    /** Converts the one function of {@code graph} (a torch body); returns the function's body lines. */
    private static List<String> convert(String graph, boolean full) {
        Operation m = AsmParser.parseModule("module {\n  func @f " + graph + "\n}\n", "t.kir", REGISTRY);
        Operation func = m.region(0).entry().firstOp();
        new TorchToArithPass(PassOptions.parse(TorchToArithPass.NAME, TorchToArithPass.OPTIONS,
                Map.of("full", Boolean.toString(full)))).run(func.region(0), new PassContext(REGISTRY));
        assertEquals(List.of(), Verifier.verify(m));
        return AsmPrinter.print(func, REGISTRY).lines().map(String::strip).toList();
    }

    private static boolean has(List<String> lines, String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    @Test
    void theOverloadComesFromTheOperandTypes() {
        // aten::add(Scalar, Scalar) accepts ints too; the int overload is the one called
        List<String> out = convert("""
                graph(%a : int, %x : float, %p : bool):
                  %s : int = aten::add(%a, %a)
                  %t : float = aten::add(%x, %a)
                  %e : bool = aten::eq(%p, %p)
                  %q : bool = aten::eq(%x, %x)
                  return (%s, %t, %e, %q)""", true);
        assertTrue(has(out, "%s = arith.addi %a, %a : i64"), out::toString);
        assertTrue(has(out, "arith.sitofp %a : i64 to f64"), out::toString);
        assertTrue(has(out, "%e = arith.cmpi eq, %p, %p : i1"), out::toString);
        assertTrue(has(out, "%q = arith.cmpf oeq, %x, %x : f64"), out::toString);
        assertEquals("func @f(%a: i64, %x: f64, %p: i1) -> (i64, f64, i1, i1) {", out.getFirst());
    }

    @Test
    void opsThatMightRaiseStayTorch() {
        List<String> out = convert("""
                graph(%a : int, %b : int, %x : float):
                  %zero : int = prim::Constant[value=0]()
                  %two : int = prim::Constant[value=2]()
                  %nan : float = prim::Constant[value=nan]()
                  %byb : int = aten::floordiv(%a, %b)
                  %by0 : int = aten::remainder(%a, %zero)
                  %by2 : int = aten::remainder(%a, %two)
                  %ix : int = aten::Int(%x)
                  %inan : int = aten::Int(%nan)
                  return (%byb, %by0, %by2, %ix, %inan)""", true);
        assertTrue(has(out, "%byb = \"aten::floordiv\""), out::toString);
        assertTrue(has(out, "%by0 = \"aten::remainder\""), out::toString);
        assertTrue(has(out, "arith.remsi %a, %two : i64"), out::toString);
        assertTrue(has(out, "%ix = \"aten::Int\""), out::toString);
        assertTrue(has(out, "%inan = \"aten::Int\""), out::toString);
    }

    @Test
    void floatFloorDivisionHasNoArithFormAndFailsAFullConversion() {
        PassFailure f = assertThrows(PassFailure.class, () -> convert("""
                graph(%x : float, %y : float):
                  %q : float = aten::floordiv(%x, %y) # m.py:7:3
                  return (%q)""", true));
        assertEquals(List.of("m.py:7:3: error: failed to legalize operation 'aten::floordiv' that was explicitly "
                + "marked illegal"), f.diagnostics().stream().map(Diagnostic::toString).toList());
        List<String> partial = convert("""
                graph(%x : float, %y : float):
                  %q : float = aten::floordiv(%x, %y)
                  return (%q)""", false);
        assertTrue(has(partial, "%q = \"aten::floordiv\""), partial::toString);
    }

    @Test
    void onlyAFunctionsOwnReturnBecomesBuiltin() {
        List<String> out = convert("""
                graph(%p : bool, %a : int):
                  %r : int = prim::If(%p)
                    block0():
                      %one : int = prim::Constant[value=1]()
                      %s : int = aten::add(%a, %one)
                      -> (%s)
                    block1():
                      -> (%a)
                  return (%r)""", false);
        assertTrue(has(out, "\"prim::If\""), out::toString);
        assertTrue(has(out, "\"prim::Return\""), out::toString);
        assertTrue(has(out, "%s = arith.addi"), out::toString);
        assertTrue(out.stream().filter(l -> l.startsWith("return ")).count() == 1, out::toString);
    }
}
