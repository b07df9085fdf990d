package kiln.dialects.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Operation;
import org.junit.jupiter.api.Test;

/** The reference evaluator runs straight-line arith functions and stops at undefined results. */
class ArithEvaluatorTest {
    private static final String F = """
            func @f(%a: i64, %b: i64, %x: f64) -> (i64, f64, i1) {
              %s = arith.addi %a, %b : i64
              %q = arith.floordivsi %s, %b : i64
              %i = arith.sitofp %q : i64 to f64
              %y = arith.mulf %i, %x : f64
              %c = arith.cmpf olt, %y, %x : f64
              return %q, %y, %c : i64, f64, i1
            }
            """;

    private static List<Attribute> run(long a, long b, double x) {
        Operation func = ArithTextTest.parse(F).region(0).entry().firstOp();
        return ArithEvaluator.run(func, List.of(new IntAttr(a), new IntAttr(b), new FloatAttr(x)));
    }

    @Test
    void runsAFunctionBody() {
        assertEquals(List.of(new IntAttr(-3), new FloatAttr(-4.5), new BoolAttr(true)), run(-7, 2, 1.5));
        // the sum wraps, as the ops say
        assertEquals(new IntAttr(Math.floorDiv(Long.MIN_VALUE, 1)), run(Long.MAX_VALUE, 1, 1.0).getFirst());
    }

    @Test
    void stopsAtAnUndefinedResult() {
        ArithEvaluator.UndefinedException e = assertThrows(ArithEvaluator.UndefinedException.class,
                () -> run(5, 0, 1.0));
        assertEquals("arith.floordivsi", e.op().name());
        assertTrue(e.getMessage().contains("'arith.floordivsi' is undefined for operands [5, 0]"), e.getMessage());
    }
}
