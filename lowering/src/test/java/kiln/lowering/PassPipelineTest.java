package kiln.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Region;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.GraphPrinter;
import kiln.dialects.torch.TorchDialect;
import org.junit.jupiter.api.Test;

class PassPipelineTest {
    record Noop(String name, Map<String, String> options) implements Pass {
        @Override
        public String summary() {
            return "does nothing";
        }

        @Override
        public boolean run(Region root, PassContext context) {
            context.count(this, "runs", 1);
            return false;
        }
    }

    final PassRegistry registry = new PassRegistry()
            .register("a", "first", o -> new Noop("a", o))
            .register("b", "second", o -> new Noop("b", o));

    @Test
    void readsNamesAndOptions() {
        PassPipeline p = PassPipeline.parse(" a , b{x=1, y = two},a ", registry);
        assertEquals("a,b,a", p.toString());
        assertEquals(Map.of("x", "1", "y", "two"), ((Noop) p.passes().get(1)).options());
        assertTrue(PassPipeline.parse("", registry).passes().isEmpty());
    }

    @Test
    void rejectsUnknownAndMalformed() {
        var e = assertThrows(IllegalArgumentException.class, () -> PassPipeline.parse("a,c", registry));
        assertEquals("pass pipeline: unknown pass 'c' (known: a, b)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PassPipeline.parse("a{x}", registry));
        assertThrows(IllegalArgumentException.class, () -> PassPipeline.parse("a{x=1", registry));
        assertThrows(IllegalArgumentException.class, () -> PassPipeline.parse("a,,b", registry));
    }

    @Test
    void builtinPassesAreDiscovered() {
        assertTrue(PassRegistry.discover().lookup("constant-pooling").isPresent());
    }

    @Test
    void managerCountsTimesAndPrintsAfterEachPass() {
        Graph g = GraphParser.parse("graph(%x : Tensor):\n  return (%x)\n");
        StringWriter trace = new StringWriter();
        PassManager pm = new PassManager(PassPipeline.parse("a,b", registry), r -> GraphPrinter.print(Graph.of(r)))
                .printIr(true, false, new PrintWriter(trace));
        PassContext ctx = new PassContext(TorchDialect.registry());
        assertFalse(pm.run(g.region(), ctx));
        assertEquals(List.of("a", "b"), pm.timings().stream().map(PassManager.Timing::pass).toList());
        assertEquals(Map.of("a.runs", 1L, "b.runs", 1L), ctx.statistics());
        assertTrue(trace.toString().contains("// -----// IR Dump After a (no change) //----- //\ngraph(%x : Tensor):"));
    }

    @Test
    void aPassThatBreaksTheIrIsNamed() {
        PassRegistry r = new PassRegistry().register("breaker", "erases the return", o -> new Pass() {
            @Override
            public String name() {
                return "breaker";
            }

            @Override
            public String summary() {
                return "";
            }

            @Override
            public boolean run(Region root, PassContext context) {
                root.entry().lastOp().erase();
                return true;
            }
        });
        Graph g = GraphParser.parse("graph(%x : Tensor):\n  %y : Tensor = aten::neg(%x)\n  return (%y)\n");
        var pm = new PassManager(PassPipeline.parse("breaker", r), x -> "");
        var e = assertThrows(PassManager.PassFailedException.class,
                () -> pm.run(g.region(), new PassContext(TorchDialect.registry())));
        assertTrue(e.getMessage().startsWith("pass 'breaker' produced invalid IR: "), e.getMessage());
    }
}
