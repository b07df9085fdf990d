package kiln.lowering.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Verifier;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.TorchDialect;
import kiln.lowering.PassContext;
import kiln.lowering.PassFailure;
import org.junit.jupiter.api.Test;

/** {@code inline} over a module: calls to the module's functions and methods are replaced by their bodies. */
class InlinePassTest {
    private static final DialectRegistry REGISTRY = new DialectRegistry(TorchDialect.INSTANCE);

    private static Operation module(String text) {
        Operation m = AsmParser.parseModule(text, "m.kir", REGISTRY);
        assertEquals(java.util.List.of(), Verifier.verify(m));
        return m;
    }

    private static boolean inline(Operation module) {
        boolean changed = new InlinePass().run(module.region(0), new PassContext(REGISTRY));
        assertEquals(java.util.List.of(), Verifier.verify(module));
        return changed;
    }

    @Test
    void functionsAndMethodsOfTheModuleAreInlinedTransitively() {
        Operation m = module("""
                module {
                  func @forward graph(%self : __torch__.M,
                        %x : Tensor):
                    %f : Function = prim::Constant[name="double"]()
                    %y : Tensor = prim::CallFunction(%f, %x)
                    %z : Tensor = prim::CallMethod[name="scale"](%self, %y)
                    return (%z)
                  func @double graph(%x : Tensor):
                    %1 : int = prim::Constant[value=1]()
                    %y : Tensor = aten::add(%x, %x, %1)
                    return (%y)
                  func @__torch__.M.scale graph(%self : __torch__.M,
                        %x : Tensor):
                    %f : Function = prim::Constant[name="double"]()
                    %y : Tensor = prim::CallFunction(%f, %x)
                    %z : Tensor = aten::neg(%y)
                    return (%z)
                }
                """);
        assertTrue(inline(m));
        assertEquals("""
                module {
                  func @forward graph(%self : __torch__.M,
                        %x : Tensor):
                    %f : Function = prim::Constant[name="double"]()
                    %1 : int = prim::Constant[value=1]()
                    %y : Tensor = aten::add(%x, %x, %1)
                    %f.1 : Function = prim::Constant[name="double"]()
                    %2 : int = prim::Constant[value=1]()
                    %y.1 : Tensor = aten::add(%y, %y, %2)
                    %z : Tensor = aten::neg(%y.1)
                    return (%z)
                  func @double graph(%x : Tensor):
                    %1 : int = prim::Constant[value=1]()
                    %y : Tensor = aten::add(%x, %x, %1)
                    return (%y)
                  func @__torch__.M.scale graph(%self : __torch__.M,
                        %x : Tensor):
                    %f : Function = prim::Constant[name="double"]()
                    %1 : int = prim::Constant[value=1]()
                    %y : Tensor = aten::add(%x, %x, %1)
                    %z : Tensor = aten::neg(%y)
                    return (%z)
                }
                """, AsmPrinter.print(m, REGISTRY));
        assertFalse(inline(m), "nothing left to inline");
    }

    @Test
    void callsToUnknownCodeStay() {
        Operation m = module("""
                module {
                  func @forward graph(%self : __torch__.M,
                        %x : Tensor):
                    %f : Function = prim::Constant[name="elsewhere"]()
                    %y : Tensor = prim::CallFunction(%f, %x)
                    %z : Tensor = prim::CallMethod[name="other"](%self, %y)
                    return (%z)
                  func @elsewhere(!torch.Tensor) -> !torch.Tensor
                }
                """);
        String before = AsmPrinter.print(m, REGISTRY);
        assertFalse(inline(m));
        assertEquals(before, AsmPrinter.print(m, REGISTRY));
    }

    @Test
    void recursionIsAnError() {
        Operation m = module("""
                module {
                  func @f graph(%x : Tensor):
                    %f : Function = prim::Constant[name="f"]()
                    %y : Tensor = prim::CallFunction(%f, %x)
                    return (%y)
                }
                """);
        PassFailure e = assertThrows(PassFailure.class, () -> inline(m));
        assertEquals("error: cannot inline f: it calls itself", e.getMessage());
        assertEquals("prim::CallFunction", e.diagnostics().getFirst().op().name(), "located at the call");
    }

    @Test
    void aStandaloneGraphHasNoSymbolsToInline() {
        Graph g = GraphParser.parse("""
                graph(%x : Tensor):
                  return (%x)
                """);
        PassFailure e = assertThrows(PassFailure.class,
                () -> new InlinePass().run(g.region(), new PassContext(REGISTRY)));
        assertTrue(e.getMessage().contains("runs on a builtin.module"), e.getMessage());
    }
}
