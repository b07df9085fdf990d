package kiln.runtime.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.TorchDialect;
import kiln.runtime.interp.InterpreterBackend;
import org.junit.jupiter.api.Test;

/** The interpreter as a backend: it declares the torch dialect as its input, and compiles functions of modules. */
class InterpreterBackendTest {
    private static final Backend INTERP = new InterpreterBackend();

    private static Operation module(String text) {
        return AsmParser.parseModule(text, "m.kir", TorchDialect.registry(true));
    }

    @Test
    void declaresWhatItConsumes() {
        assertEquals(java.util.Set.of("torch"), INTERP.inputDialects());
        assertEquals("", INTERP.loweringPipeline());
    }

    @Test
    void compilesAFunctionOfAModule() {
        Operation m = module("""
                module {
                  func @twice graph(%a : int):
                    %r : int = aten::add(%a, %a)
                    return (%r)
                  func @thrice graph(%a : int):
                    %b : int = aten::add(%a, %a)
                    %r : int = aten::add(%b, %a)
                    return (%r)
                }
                """);
        Backend.Session s = INTERP.open(Environment.standard());
        assertEquals(List.of(6L), s.compile(m, "twice").run(List.of(3L)));
        assertEquals(List.of(9L), s.compile(m, "thrice").run(List.of(3L)));
        assertEquals(List.of(), s.unsupportedOps(m, "thrice"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.compile(m, "once"));
        assertEquals("the module has no function @once (it has: @twice, @thrice)", e.getMessage());
    }

    @Test
    void aStandaloneGraphCompilesAsAModuleOfItsOwn() {
        Backend.Session s = INTERP.open(Environment.standard());
        var g = GraphParser.parse("""
                graph(%a : int):
                  %r : int = aten::mul(%a, %a)
                  return (%r)
                """);
        assertEquals(List.of(16L), s.compile("square", g).run(List.of(4L)));
        assertEquals(List.of(), s.unsupportedOps("square", g));
    }

    @Test
    void opsOutsideTheInputDialectsAreNamedWithTheirLocations() {
        Operation m = module("""
                module {
                  func @f(%a: !torch.int) -> !torch.int {
                    %b = "test.magic"(%a) : (!torch.int) -> !torch.int loc("m.py":3:9)
                    %c = "nodialect.unknown"(%b) : (!torch.int) -> !torch.int loc("m.py":4:2)
                    %d = "aten::add"(%c, %a) : (!torch.int, !torch.int) -> !torch.int
                    "prim::Return"(%d) : (!torch.int) -> ()
                  }
                }
                """);
        Backend.Session s = INTERP.open(Environment.standard());
        List<String> expected = List.of("test.magic at m.py:3:9: dialect 'test' is not an input dialect (torch)",
                "nodialect.unknown at m.py:4:2: no dialect declares it (input dialects: torch)");
        UnsupportedGraphException e = assertThrows(UnsupportedGraphException.class, () -> s.compile(m, "f"));
        assertEquals(expected, e.unsupported());
        assertEquals("target 'interp' cannot run @f: " + String.join("; ", expected), e.getMessage());
        assertEquals(expected, s.unsupportedOps(m, "f"));
        assertEquals(List.of("nodialect.unknown at m.py:4:2: no dialect declares it (input dialects: test, torch)"),
                InputDialects.outside(java.util.Set.of("torch", "test"), m, "f"));
    }
}
