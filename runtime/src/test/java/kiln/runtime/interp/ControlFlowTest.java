package kiln.runtime.interp;

import static kiln.runtime.interp.Graphs.eval;
import static kiln.runtime.interp.Graphs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kiln.runtime.interp.value.ScriptTuple;
import org.junit.jupiter.api.Test;

class ControlFlowTest {
    private static final String SUM_TO_N = """
            graph(%n : int):
              %true : bool = prim::Constant[value=1]()
              %zero : int = prim::Constant[value=0]()
              %acc : int = prim::Loop(%n, %true, %zero)
                block0(%i : int, %a : int):
                  %next : int = aten::add(%a, %i)
                  -> (%true, %next)
              return (%acc)
            """;

    @Test
    void forLoopCarriesValuesAndCountsTrips() {
        assertEquals(45L, eval(SUM_TO_N, 10L));
        assertEquals(0L, eval(SUM_TO_N, 0L));
        assertEquals(0L, eval(SUM_TO_N, -3L));
    }

    @Test
    void whileLoopStopsWhenTheBodyReturnsFalse() {
        String text = """
                graph(%limit : int):
                  %max : int = prim::Constant[value=9223372036854775807]()
                  %one : int = prim::Constant[value=1]()
                  %x0 : int = prim::Constant[value=1]()
                  %go : bool = aten::lt(%x0, %limit)
                  %x : int, %steps : int = prim::Loop(%max, %go, %x0, %x0)
                    block0(%i : int, %v : int, %s : int):
                      %doubled : int = aten::mul(%v, %x0)
                      %twice : int = aten::add(%doubled, %v)
                      %count : int = aten::add(%s, %one)
                      %again : bool = aten::lt(%twice, %limit)
                      -> (%again, %twice, %count)
                  %r : (int, int) = prim::TupleConstruct(%x, %steps)
                  return (%r)
                """;
        assertEquals(ScriptTuple.of(128L, 8L), eval(text, 100L));
        assertEquals(ScriptTuple.of(1L, 1L), eval(text, 1L), "initial condition false: the body never runs");
    }

    @Test
    void ifTakesOneBranchAndYieldsItsOutputs() {
        String text = """
                graph(%c : bool, %a : int, %b : int):
                  %r : int, %s : str = prim::If(%c)
                    block0():
                      %t : str = prim::Constant[value="then"]()
                      -> (%a, %t)
                    block1():
                      %e : str = prim::Constant[value="else"]()
                      %d : int = aten::sub(%a, %b)
                      -> (%d, %e)
                  return (%r, %s)
                """;
        assertEquals(List.of(1L, "then"), run(text, true, 1L, 2L));
        assertEquals(List.of(-1L, "else"), run(text, false, 1L, 2L));
    }

    @Test
    void nestedLoopsReuseSlotsEachIteration() {
        String text = """
                graph(%n : int):
                  %true : bool = prim::Constant[value=1]()
                  %zero : int = prim::Constant[value=0]()
                  %total : int = prim::Loop(%n, %true, %zero)
                    block0(%i : int, %acc : int):
                      %inner : int = prim::Loop(%i, %true, %acc)
                        block0(%j : int, %acc2 : int):
                          %p : int = aten::mul(%i, %j)
                          %s : int = aten::add(%acc2, %p)
                          -> (%true, %s)
                      -> (%true, %inner)
                  return (%total)
                """;
        long expected = 0;
        for (long i = 0; i < 5; i++) {
            for (long j = 0; j < i; j++) {
                expected += i * j;
            }
        }
        assertEquals(expected, eval(text, 5L));
    }
}
