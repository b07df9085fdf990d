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
    static final PassOption<Integer> X = PassOption.integer("x", "a number", 0);
    static final PassOption<List<String>> Y = PassOption.list("y", "some words");

    record Noop(String name, PassOptions options) implements Pass {
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
            .register("a", "first", List.of(), o -> new Noop("a", o))
            .register("b", "second", List.of(X, Y), o -> new Noop("b", o));

    @Test
    void readsNamesAndOptions() {
        PassPipeline p = PassPipeline.parse(" a , b{x=1  y=two,three},a ", registry);
        assertEquals("a,b{x=1 y=two,three},a", p.toString());
        PassOptions o = ((Noop) p.passes().get(1)).options();
        assertEquals(1, o.get(X));
        assertEquals(List.of("two", "three"), o.get(Y));
        assertEquals(0, ((Noop) PassPipeline.parse("b", registry).passes().getFirst()).options().get(X));
        assertTrue(PassPipeline.parse("", registry).passes().isEmpty());
    }

    @Test
    void readsNestedPipelines() {
        PassPipeline p = PassPipeline.parse("builtin.module(a, func(b{x=2}, a), prim::FusionGroup(a))", registry);
        assertEquals("builtin.module(a,func(b{x=2},a),prim::FusionGroup(a))", p.toString());
        assertEquals("builtin.module", p.anchor());
        var nested = (PassPipeline.Nested) p.elements().get(1);
        assertEquals("builtin.func", nested.pipeline().anchor());
    }

    @Test
    void rejectsUnknownAndMalformed() {
        var e = assertThrows(IllegalArgumentException.class, () -> PassPipeline.parse("a,c", registry));
        assertEquals("pass pipeline: unknown pass 'c' (known: a, b)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PassPipeline.parse("a{x=1}", registry));
        assertEquals("pass 'a' has no option 'x' (it takes none)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PassPipeline.parse("b{z=1}", registry));
        assertEquals("pass 'b' has no option 'z' (options: x, y)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PassPipeline.parse("b{x=one}", registry));
        assertEquals("option 'x' of pass 'b': expected an integer, got 'one'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PassPipeline.parse("b{x=1", registry));
        assertThrows(IllegalArgumentException.class, () -> PassPipeline.parse("a,,b", registry));
        assertThrows(IllegalArgumentException.class, () -> PassPipeline.parse("func(a", registry));
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
        PassRegistry r = new PassRegistry().register("breaker", "erases the return", () -> new Pass() {
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
