package kiln.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.GraphPrinter;
import kiln.runtime.interp.Interpreter;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The profiling executor: profile, specialize under guards, fall back and specialize again, same results throughout. */
class ProfilingExecutorTest {
    private static final String GRAPH = """
            graph(%x : Tensor,
                  %y : Tensor,
                  %k : int):
              %one : int = prim::Constant[value=1]()
              %a : Tensor = aten::add(%x, %y, %one)
              %b : Tensor = aten::relu(%a)
              %n : int = aten::dim(%b)
              %m : int = aten::mul(%n, %k)
              return (%b, %m)
            """;

    private static Tensor tensor(int rows, int cols, float offset) {
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i % 5) - 2 + offset;
        }
        return Tensor.of(data, rows, cols);
    }

    private static void assertSameResults(List<Object> expected, List<Object> actual) {
        assertEquals(expected.size(), actual.size());
        assertArrayEquals(((Tensor) expected.get(0)).toFloatArray(), ((Tensor) actual.get(0)).toFloatArray());
        assertEquals(expected.get(1), actual.get(1));
    }

    @Test
    void specializesAfterProfilingAndFallsBackOnOtherShapes() {
        Graph g = GraphParser.parse(GRAPH);
        ProfilingExecutor ex = ProfilingExecutor.of("f", g, Interpreter::builder, ExecutorOptions.DEFAULT);
        Interpreter plain = Interpreter.create();
        List<List<Object>> calls = List.of(
                List.of(tensor(2, 3, 0), tensor(2, 3, 1), 3L),
                List.of(tensor(2, 3, 0.5f), tensor(2, 3, -1), 4L),
                List.of(tensor(4, 5, 0), tensor(4, 5, 2), 5L),
                List.of(tensor(4, 5, 1), tensor(4, 5, 2), 6L),
                List.of(tensor(2, 3, 2), tensor(2, 3, 2), 7L));
        for (List<Object> args : calls) {
            assertSameResults(plain.run(g, args), ex.run(args));
        }
        ExecutorStats s = ex.stats();
        // call 1 profiles; 2 specialized; 3 fails the guard and profiles the fallback; 4 fails and runs its
        // specialization; 5 matches the first
        assertEquals(2, s.profiledRuns(), s::toString);
        assertEquals(2, s.specializations(), s::toString);
        assertEquals(2, s.guardFailures(), s::toString);
        Graph optimized = ex.optimizedGraph().orElseThrow();
        assertTrue(Verifier.verify(optimized.region()).isEmpty());
        String text = GraphPrinter.print(optimized);
        assertTrue(text.contains("prim::TypeCheck[types=[Float(2, 3, strides=[3, 1], requires_grad=0, device=cpu),"
                + " Float(2, 3, strides=[3, 1], requires_grad=0, device=cpu)]](%x, %y)"), text);
        assertTrue(text.contains("prim::FallbackGraph_0(%x, %y, %k)"), text);
    }

    @Test
    void dynamicSpecializationsServeChangingShapes() {
        Graph g = GraphParser.parse(GRAPH);
        ExecutorOptions options = ExecutorOptions.DEFAULT.withStrategy(FusionStrategy.parse("DYNAMIC:1"));
        ProfilingExecutor ex = ProfilingExecutor.of("f", g, Interpreter::builder, options);
        Interpreter plain = Interpreter.create();
        for (int rows = 1; rows <= 6; rows++) {
            List<Object> args = List.of(tensor(rows, 3, 0), tensor(rows, 3, 1), 2L);
            assertSameResults(plain.run(g, args), ex.run(args));
        }
        // rows 1 profiles a (1, 3) input, whose 1 stays 1: rows 2..6 fail that guard and run the unspecialized fallback
        assertEquals(1, ex.stats().specializations());
        assertEquals(5, ex.stats().guardFailures());
        ProfilingExecutor again = ProfilingExecutor.of("f", g, Interpreter::builder, options);
        for (int rows = 2; rows <= 6; rows++) {
            List<Object> args = List.of(tensor(rows, 3, 0), tensor(rows, 3, 1), 2L);
            assertSameResults(plain.run(g, args), again.run(args));
        }
        assertEquals(0, again.stats().guardFailures(), "rank-2 float inputs of any size pass a dynamic guard");
    }

    @Test
    void noStrategyMeansNoGuards() {
        Graph g = GraphParser.parse(GRAPH);
        ProfilingExecutor ex = ProfilingExecutor.of("f", g, Interpreter::builder,
                ExecutorOptions.DEFAULT.withStrategy(FusionStrategy.NONE));
        List<Object> args = List.of(tensor(2, 3, 0), tensor(2, 3, 1), 3L);
        ex.run(args);
        ex.run(List.of(tensor(4, 4, 0), tensor(4, 4, 1), 3L));
        assertEquals(0, ex.stats().specializations());
        assertTrue(!GraphPrinter.print(ex.optimizedGraph().orElseThrow()).contains("TypeCheck"));
    }
}
