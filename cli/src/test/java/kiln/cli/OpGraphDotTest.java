package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lower inspect --emit=dot}: ops as nodes, uses as edges, regions as clusters, fusion and fallbacks coloured. */
class OpGraphDotTest {
    private static final String FUSED = """
            graph(%x : Float(2, 3),
                  %y : Float(2, 3)):
              %c : Float(2, 3) = prim::FusionGroup_0(%x, %y)
              %t : Float(3, 2) = aten::t(%c)
              return (%t)
            with prim::FusionGroup_0 = graph(%x : Float(2, 3),
                  %y : Float(2, 3)):
              %one : int = prim::Constant[value=1]()
              %a : Float(2, 3) = aten::add(%x, %y, %one)
              %b : Float(2, 3) = aten::relu(%a)
              return (%b)
            """;

    @Test
    void fusionGroupsAreGreenClustersAndUsesAreEdges() {
        Graph g = GraphParser.parse(FUSED);
        String dot = OpGraphDot.of("fused", g.region());
        assertTrue(dot.startsWith("digraph \"fused\" {\n"), dot);
        assertTrue(dot.contains("label=\"prim::FusionGroup\";\n    style=\"rounded,filled\";\n    fillcolor=\""
                + OpGraphDot.FUSION_COLOR + "\""), dot);
        assertTrue(dot.contains("v0 [shape=ellipse, label=\"%x : Float(2, 3)\"]"), dot);
        assertTrue(dot.contains("v0 -> op0 [label=\"0\"];\n  v1 -> op0 [label=\"1\"];"), "the group's operands: " + dot);
        assertTrue(dot.contains("op0 -> op5;"), "aten::t uses the group's result: " + dot);
        assertTrue(dot.contains("aten::add\\nFloat(2, 3)"), dot);
        assertEquals(dot.chars().filter(c -> c == '{').count(), dot.chars().filter(c -> c == '}').count());
    }

    @Test
    void theOptimizedGraphShowsGuardsAndFallbacks(@TempDir Path dir) throws Exception {
        Path models = Fixtures.models();
        Path out = dir.resolve("pointwise.dot");
        CliErrorsTest.Result r = CliErrorsTest.run("inspect", models.resolve("pointwise.pt").toString(), "--emit=dot",
                "--inputs", models.resolve("pointwise.io.pt").toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + out + "\n"), r.out());
        String dot = Files.readString(out);
        assertTrue(dot.contains("label=\"prim::FallbackGraph\";\n") && dot.contains(OpGraphDot.FALLBACK_COLOR), dot);
        assertTrue(dot.contains("prim::TypeCheck") && dot.contains(OpGraphDot.GUARD_COLOR), dot);
        boolean hasDot = GraphvizSvg.dotExecutable().isPresent();
        assertEquals(hasDot, Files.exists(dir.resolve("pointwise.svg")), r.out());
        assertTrue(r.out().contains(hasDot ? "wrote " + dir.resolve("pointwise.svg")
                : "no SVG: Graphviz's dot is not on the PATH"), r.out());
    }

    @Test
    void withoutInputsTheInlinedGraphGoesToStdout() {
        CliErrorsTest.Result r = CliErrorsTest.run("inspect", Fixtures.models().resolve("control_flow.pt").toString(),
                "--emit=dot");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("digraph \"forward (inlined)\" {"), r.out());
        assertTrue(r.out().contains("label=\"prim::Loop\""), r.out());
    }
}
