package kiln.dialects.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.IRMapping;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.StructuralEquality;
import kiln.dialects.ir.SymbolTable;
import kiln.dialects.ir.Verifier;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Torch graphs as functions of a module: every fixture graph, put in a module, prints in PyTorch's graph text as
 * the function's body and in the generic form, and each reads back to the same graph.
 */
class TorchModuleTextTest {
    private static final DialectRegistry REGISTRY = new DialectRegistry(TorchDialect.INSTANCE);

    @Test
    void everyFixtureGraphRoundTripsInAModule() throws IOException {
        List<String> failures = new ArrayList<>();
        int graphs = 0;
        for (Path f : Fixtures.list(Fixtures.models(), ".graph.txt")) {
            Operation module = BuiltinDialect.module();
            List<Graph> originals = new ArrayList<>();
            for (GraphText.Section s : GraphText.parse(Files.readString(f), f.getFileName().toString())) {
                if (s.isGraph()) {
                    Operation fn = BuiltinDialect.func("g" + originals.size(), List.of());
                    fn.region(0).eraseBlock(fn.region(0).entry());
                    s.graph().region().cloneInto(fn.region(0), new IRMapping());
                    SymbolTable.insert(module, fn);
                    originals.add(s.graph());
                }
            }
            graphs += originals.size();
            for (AsmPrinter.Options options : List.of(AsmPrinter.Options.DEFAULT, AsmPrinter.Options.GENERIC)) {
                String text = AsmPrinter.print(module, REGISTRY, options);
                Operation again = AsmParser.parseModule(text, f.getFileName().toString(), REGISTRY);
                if (!Verifier.verify(again).isEmpty()) {
                    failures.add(f.getFileName() + ": " + Verifier.verify(again).getFirst());
                }
                assertEquals(text, AsmPrinter.print(again, REGISTRY, options), f.getFileName() + " print(parse(x))");
                for (int i = 0; i < originals.size(); i++) {
                    Region body = SymbolTable.lookup(again, "g" + i).orElseThrow().region(0);
                    String diff = StructuralEquality.firstDifference(originals.get(i).region(), body);
                    if (diff != null) {
                        failures.add(f.getFileName() + " g" + i + " (" + options + "): " + diff);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        assertEquals(77, graphs);
    }

    @Test
    void torchFunctionsPrintInGraphText() {
        String text = """
                module {
                  func @forward graph(%x : Tensor,
                        %n : int):
                    %1 : int = prim::Constant[value=1]()
                    %y : Tensor = aten::add(%x, %x, %1) # m.py:3:8
                    return (%y)
                  func @scalar(%a: !torch.int, %b: !torch<int[]>) -> !torch.int {
                    %c = "prim::Constant"() {value = 2} : () -> !torch.int
                    %s = "aten::add"(%a, %c) : (!torch.int, !torch.int) -> !torch.int loc("m.py":7:3)
                    "prim::Return"(%s) : (!torch.int) -> ()
                  }
                }
                """;
        Operation m = AsmParser.parseModule(text, "m.kir", REGISTRY);
        assertTrue(Verifier.verify(m).isEmpty(), () -> Verifier.verify(m).toString());
        String printed = AsmPrinter.print(m, REGISTRY);
        assertEquals("""
                module {
                  func @forward graph(%x : Tensor,
                        %n : int):
                    %1 : int = prim::Constant[value=1]()
                    %y : Tensor = aten::add(%x, %x, %1) # m.py:3:8
                    return (%y)
                  func @scalar graph(%a : int,
                        %b : int[]):
                    %c : int = prim::Constant[value=2]()
                    %s : int = aten::add(%a, %c) # m.py:7:3
                    return (%s)
                }
                """, printed);
        assertEquals(printed, AsmPrinter.print(AsmParser.parseModule(printed, "m.kir", REGISTRY), REGISTRY));
    }
}
