package kiln.runtime.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Errors name the op and its source location; graph inputs are checked. */
class ErrorsTest {
    private static final String ADD = """
            graph(%a : Tensor, %b : Tensor):
              %one : int = prim::Constant[value=1]()
              %r : Tensor = aten::add(%a, %b, %one) # model.py:3:11
              return (%r)
            """;

    @Test
    void wrongArityAndTypesAreRefusedAtEntry() {
        Interpreter interp = Interpreter.create();
        var g = Graphs.parse(ADD);
        ScriptException arity = assertThrows(ScriptException.class, () -> interp.run(g, Tensor.of(new float[1])));
        assertEquals("TypeError", arity.className());
        assertTrue(arity.scriptMessage().contains("expected 2 argument(s) (a: Tensor, b: Tensor) but got 1"),
                arity.scriptMessage());
        ScriptException type = assertThrows(ScriptException.class, () -> interp.run(g, Tensor.of(new float[1]), 2L));
        assertTrue(type.scriptMessage().contains("expected a value of type 'Tensor' for argument 1 'b' but got int"),
                type.scriptMessage());
    }

    @Test
    void kernelFailuresNameTheOpAndLocation() {
        ScriptException e = assertThrows(ScriptException.class, () -> Graphs.run(ADD,
                Tensor.of(new float[2]), Tensor.of(new float[3])));
        assertEquals("RuntimeError", e.className());
        assertEquals(List.of("aten::add at model.py:3:11"), e.trace());
        assertTrue(e.getMessage().contains("must match") || e.getMessage().contains("size"), e.getMessage());
    }

    @Test
    void unsupportedOpsFailWhenReachedAndAreListed() {
        String text = """
                graph(%c : bool, %x : Tensor):
                  %r : Tensor = prim::If(%c)
                    block0():
                      %y : Tensor = aten::fbgemm_pack_quantized_matrix(%x) # model.py:9:8
                      -> (%y)
                    block1():
                      -> (%x)
                  return (%r)
                """;
        Interpreter interp = Interpreter.create();
        var g = Graphs.parse(text);
        Tensor x = Tensor.of(new float[] {1f});
        assertEquals(x, interp.run(g, false, x).getFirst(), "the untaken branch is never reached");
        ScriptException e = assertThrows(ScriptException.class, () -> interp.run(g, true, x));
        assertEquals("NotImplementedError", e.className());
        assertTrue(e.scriptMessage().startsWith(
                "no kernel for aten::fbgemm_pack_quantized_matrix(Tensor input) -> Tensor"), e.scriptMessage());
        assertEquals(List.of("aten::fbgemm_pack_quantized_matrix at model.py:9:8"), e.trace());
        assertEquals(1, interp.plan(g).unsupportedOps().size());
    }

    @Test
    void tensorConstantsFromGraphTextAreAClearError() {
        String text = """
                graph():
                  %t : Tensor = prim::Constant[value=<Tensor>]() # model.py:1:1
                  return (%t)
                """;
        ScriptException e = assertThrows(ScriptException.class, () -> Graphs.run(text));
        assertTrue(e.scriptMessage().contains("cannot be materialized from graph text"), e.scriptMessage());
    }

    @Test
    void nestedCallsAddTheirCallSiteToTheTrace() {
        Callables callables = new Callables() {
            @Override
            public kiln.dialects.torch.Graph method(String className, String method) {
                throw new AssertionError();
            }

            @Override
            public kiln.dialects.torch.Graph function(String name) {
                return Graphs.parse(ADD);
            }
        };
        String text = """
                graph(%a : Tensor, %b : Tensor):
                  %f : Function = prim::Constant[name="add"]()
                  %r : Tensor = prim::CallFunction(%f, %a, %b) # caller.py:5:2
                  return (%r)
                """;
        ScriptException e = assertThrows(ScriptException.class, () -> Interpreter.builder().callables(callables)
                .build().run(Graphs.parse(text), Tensor.of(new float[2]), Tensor.of(new float[3])));
        assertEquals(List.of("aten::add at model.py:3:11", "prim::CallFunction at caller.py:5:2"), e.trace());
    }
}
