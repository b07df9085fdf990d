package kiln.runtime.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kiln.dialects.torch.Graph;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptFuture;
import kiln.runtime.interp.value.ScriptObject;
import kiln.runtime.interp.value.ScriptTuple;
import org.junit.jupiter.api.Test;

/** Objects, method and function calls through {@link Callables}, fork/wait, raise and isinstance. */
class CallsTest {
    private static final String COUNTER = "__torch__.Counter";

    /** Callables over a fixed table of graph texts. */
    private record Table(Map<String, String> methods, Map<String, String> functions) implements Callables {
        @Override
        public Graph method(String className, String method) {
            return Graphs.parse(methods.get(className + "." + method));
        }

        @Override
        public Graph function(String name) {
            return Graphs.parse(functions.get(name));
        }
    }

    private static final Table TABLE = new Table(Map.of(
            COUNTER + ".__init__", """
                    graph(%self : __torch__.Counter, %start : int):
                       = prim::SetAttr[name="count"](%self, %start)
                      %none : NoneType = prim::Constant()
                      return (%none)
                    """,
            COUNTER + ".bump", """
                    graph(%self : __torch__.Counter, %by : int):
                      %c : int = prim::GetAttr[name="count"](%self)
                      %n : int = aten::add(%c, %by)
                       = prim::SetAttr[name="count"](%self, %n)
                      return (%n)
                    """,
            COUNTER + ".__lt__", """
                    graph(%self : __torch__.Counter, %other : __torch__.Counter):
                      %a : int = prim::GetAttr[name="count"](%self)
                      %b : int = prim::GetAttr[name="count"](%other)
                      %r : bool = aten::lt(%a, %b)
                      return (%r)
                    """),
            Map.of("twice", """
                    graph(%x : int):
                      %two : int = prim::Constant[value=2]()
                      %r : int = aten::mul(%x, %two)
                      return (%r)
                    """));

    private static Interpreter interpreter() {
        return Interpreter.builder().callables(TABLE).build();
    }

    @Test
    void createObjectInitAndMethodsShareTheObject() {
        String text = """
                graph(%start : int):
                  %obj : __torch__.Counter = prim::CreateObject()
                  %none : NoneType = prim::CallMethod[name="__init__"](%obj, %start)
                  %one : int = prim::Constant[value=1]()
                  %a : int = prim::CallMethod[name="bump"](%obj, %one)
                  %b : int = prim::CallMethod[name="bump"](%obj, %one)
                  %c : int = prim::GetAttr[name="count"](%obj)
                  %r : (int, int, int) = prim::TupleConstruct(%a, %b, %c)
                  return (%r)
                """;
        assertEquals(ScriptTuple.of(11L, 12L, 12L), interpreter().run(Graphs.parse(text), 10L).getFirst());
    }

    @Test
    void callFunctionResolvesTheFunctionConstant() {
        String text = """
                graph(%x : int):
                  %f : Function = prim::Constant[name="twice"]()
                  %r : int = prim::CallFunction(%f, %x)
                  return (%r)
                """;
        assertEquals(42L, interpreter().run(Graphs.parse(text), 21L).getFirst());
    }

    @Test
    void forkRunsTheSubgraphAndWaitJoinsIt() {
        String text = """
                graph(%x : int):
                  %fut : Future[int] = prim::fork_0(%x)
                  %r : int = aten::wait(%fut)
                  return (%r)
                with prim::fork_0 = graph(%y : int):
                  %f : Function = prim::Constant[name="twice"]()
                  %r : int = prim::CallFunction(%f, %y)
                  return (%r)
                """;
        assertEquals(14L, interpreter().run(Graphs.parse(text), 7L).getFirst());
        String futureOut = """
                graph(%x : int):
                  %fut : Future[int] = prim::fork_0(%x)
                  return (%fut)
                with prim::fork_0 = graph(%y : int):
                  return (%y)
                """;
        Object fut = interpreter().run(Graphs.parse(futureOut), 7L).getFirst();
        assertEquals(7L, assertInstanceOf(ScriptFuture.class, fut).await());
    }

    @Test
    void raiseCarriesTheClassAndMessageAndWaitRethrowsForkedErrors() {
        String text = """
                graph(%msg : str):
                  %cls : str = prim::Constant[value="builtins.ValueError"]()
                   = prim::RaiseException(%msg, %cls) # model.py:7:4
                  return (%msg)
                """;
        ScriptException e = assertThrows(ScriptException.class, () -> interpreter().run(Graphs.parse(text), "bad"));
        assertEquals("builtins.ValueError", e.pythonClass());
        assertEquals("bad", e.scriptMessage());
        assertEquals(List.of("prim::RaiseException at model.py:7:4"), e.trace());

        String forked = """
                graph(%msg : str):
                  %fut : Future[str] = prim::fork_0(%msg)
                  %r : str = aten::wait(%fut) # model.py:9:1
                  return (%r)
                with prim::fork_0 = graph(%m : str):
                  %cls : str = prim::Constant[value="builtins.KeyError"]()
                   = prim::RaiseException(%m, %cls) # model.py:8:2
                  return (%m)
                """;
        ScriptException f = assertThrows(ScriptException.class,
                () -> interpreter().run(Graphs.parse(forked), "lost"));
        assertEquals("builtins.KeyError", f.pythonClass());
        assertEquals(List.of("prim::RaiseException at model.py:8:2", "aten::wait at model.py:9:1"), f.trace());
    }

    @Test
    void isinstanceChecksRuntimeTypes() {
        String text = """
                graph(%x : Any):
                  %r : bool = prim::isinstance[types=[int, str]](%x)
                  return (%r)
                """;
        Interpreter interp = interpreter();
        Graph g = Graphs.parse(text);
        assertEquals(true, interp.run(g, 3L).getFirst());
        assertEquals(true, interp.run(g, "s").getFirst());
        assertEquals(false, interp.run(g, 1.5).getFirst());
    }

    @Test
    void sortedListsOfObjectsUseTheirLessThan() {
        String text = """
                graph(%l : __torch__.Counter[]):
                  %f : bool = prim::Constant[value=0]()
                   = aten::sort(%l, %f)
                  return (%l)
                """;
        ScriptObject a = counter(3);
        ScriptObject b = counter(1);
        ScriptObject c = counter(2);
        var list = kiln.runtime.interp.value.ScriptList.of(null, List.of(a, b, c));
        interpreter().run(Graphs.parse(text), list);
        assertEquals(List.of(b, c, a), list.items());
        assertTrue(list.size() == 3);
    }

    private static ScriptObject counter(long count) {
        ScriptObject o = new ScriptObject(COUNTER);
        o.set("count", count);
        return o;
    }
}
