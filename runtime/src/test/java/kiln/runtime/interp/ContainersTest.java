package kiln.runtime.interp;

import static kiln.runtime.interp.Graphs.eval;
import static kiln.runtime.interp.Graphs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.dialects.torch.types.LeafType;
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;
import org.junit.jupiter.api.Test;

class ContainersTest {
    @Test
    void tuplesConstructUnpackAndIndex() {
        String text = """
                graph(%a : int, %b : str):
                  %t : (int, str) = prim::TupleConstruct(%a, %b)
                  %x : int, %y : str = prim::TupleUnpack(%t)
                  %i : int = prim::Constant[value=-1]()
                  %z : str = prim::TupleIndex(%t, %i)
                  %r : (str, int, str) = prim::TupleConstruct(%y, %x, %z)
                  return (%r)
                """;
        assertEquals(ScriptTuple.of("s", 7L, "s"), eval(text, 7L, "s"));
    }

    @Test
    void listsAreSharedByReference() {
        String text = """
                graph(%l : int[], %v : int):
                  %alias : int[] = aten::append(%l, %v)
                  %n : int = aten::len(%l)
                  %zero : int = prim::Constant[value=0]()
                  %l2 : int[] = aten::_set_item(%alias, %zero, %n)
                  return (%l)
                """;
        ScriptList input = ScriptList.ofLongs(5, 6);
        Object out = eval(text, input, 9L);
        assertSame(input, out, "append and _set_item change the caller's list");
        assertEquals(List.of(3L, 6L, 9L), input.items());
    }

    @Test
    void listConstructUnpackSliceAndNegativeIndex() {
        String text = """
                graph(%a : int, %b : int, %c : int):
                  %l : int[] = prim::ListConstruct(%a, %b, %c)
                  %none : NoneType = prim::Constant()
                  %one : int = prim::Constant[value=1]()
                  %m1 : int = prim::Constant[value=-1]()
                  %tail : int[] = aten::slice(%l, %one, %none, %one)
                  %last : int = aten::__getitem__(%l, %m1)
                  %x : int, %y : int = prim::ListUnpack(%tail)
                  %r : (int, int, int) = prim::TupleConstruct(%x, %y, %last)
                  return (%r)
                """;
        assertEquals(ScriptTuple.of(2L, 3L, 3L), eval(text, 1L, 2L, 3L));
    }

    @Test
    void listIndexOutOfRangeIsAnIndexError() {
        String text = """
                graph(%l : int[], %i : int):
                  %v : int = aten::__getitem__(%l, %i)
                  return (%v)
                """;
        ScriptException e = assertThrows(ScriptException.class, () -> run(text, ScriptList.ofLongs(1, 2), 2L));
        assertEquals("IndexError", e.className());
        assertEquals("list index out of range", e.scriptMessage());
        assertEquals(1L, eval(text, ScriptList.ofLongs(1, 2), -2L));
    }

    @Test
    void dictsKeepInsertionOrderAndRaiseKeyError() {
        String text = """
                graph(%k : str):
                  %a : str = prim::Constant[value="b"]()
                  %b : str = prim::Constant[value="a"]()
                  %one : int = prim::Constant[value=1]()
                  %two : int = prim::Constant[value=2]()
                  %d : Dict(str, int) = prim::DictConstruct(%a, %one, %b, %two)
                  %three : int = prim::Constant[value=3]()
                  = aten::_set_item(%d, %k, %three)
                  %keys : str[] = aten::keys(%d)
                  %has : bool = aten::__contains__(%d, %k)
                  %v : int = aten::__getitem__(%d, %k)
                  %r : (Dict(str, int), str[], bool, int) = prim::TupleConstruct(%d, %keys, %has, %v)
                  return (%r)
                """;
        ScriptTuple t = (ScriptTuple) eval(text, "c");
        assertEquals(List.of("b", "a", "c"), ((ScriptList) t.get(1)).items());
        assertEquals(true, t.get(2));
        assertEquals(3L, t.get(3));
        assertEquals("{b: 1, a: 2, c: 3}", t.get(0).toString());
        assertTrue(t.get(0) instanceof ScriptDict);

        String missing = """
                graph(%d : Dict(str, int), %k : str):
                  %v : int = aten::__getitem__(%d, %k)
                  return (%v)
                """;
        ScriptException e = assertThrows(ScriptException.class,
                () -> run(missing, new ScriptDict(LeafType.STR, LeafType.INT), "zz"));
        assertEquals("KeyError", e.className());
        assertEquals("'zz'", e.scriptMessage());
    }

    @Test
    void listConstantsAreFreshEachRun() {
        String text = """
                graph(%v : int):
                  %l : int[] = prim::Constant[value=[1, 2]]()
                  %l2 : int[] = aten::append(%l, %v)
                  return (%l)
                """;
        Interpreter interp = Interpreter.create();
        var g = Graphs.parse(text);
        assertEquals(List.of(1L, 2L, 3L), ((ScriptList) interp.run(g, 3L).getFirst()).items());
        assertEquals(List.of(1L, 2L, 4L), ((ScriptList) interp.run(g, 4L).getFirst()).items());
    }
}
