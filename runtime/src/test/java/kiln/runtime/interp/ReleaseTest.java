package kiln.runtime.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.tensor.BufferPool;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Large temporaries go back to the buffer pool at their last use, and a temporary that a result still shares is
 * kept: {@code aten::type_as} to the same dtype hands back its input, although its schema does not say so.
 */
class ReleaseTest {
    /** 12 MB of float32: above the size from which temporaries are released. */
    private static final long N = 3_000_000;

    @Test
    void aDeadTemporaryIsReusedByTheNextCall() {
        String text = """
                graph(%x : Tensor):
                  %two : int = prim::Constant[value=2]()
                  %one : int = prim::Constant[value=1]()
                  %a : Tensor = aten::mul(%x, %two)
                  %b : Tensor = aten::add(%a, %one, %one)
                  return (%b)
                """;
        Interpreter interp = Interpreter.create();
        var g = Graphs.parse(text);
        Tensor x = Tensor.full(Scalar.of(1.0), ScalarType.Float, N);
        interp.run(g, x);
        long reused = BufferPool.global().reusedCount();
        Tensor b = (Tensor) interp.run(g, x).getFirst();
        assertEquals(3.0, b.getDouble(N - 1));
        assertTrue(BufferPool.global().reusedCount() > reused, "the temporary of the first call was reused");
    }

    @Test
    void aTemporaryAResultSharesIsKept() {
        String text = """
                graph(%x : Tensor):
                  %two : int = prim::Constant[value=2]()
                  %one : int = prim::Constant[value=1]()
                  %a : Tensor = aten::mul(%x, %two)
                  %same : Tensor = aten::type_as(%a, %x)
                  %c : Tensor = aten::add(%a, %one, %one)
                  %r : (Tensor, Tensor) = prim::TupleConstruct(%same, %c)
                  return (%r)
                """;
        Tensor x = Tensor.full(Scalar.of(1.0), ScalarType.Float, N);
        ScriptTuple r = (ScriptTuple) Interpreter.create().run(Graphs.parse(text), x).getFirst();
        List<Object> parts = r.elements();
        assertEquals(2.0, ((Tensor) parts.get(0)).getDouble(N - 1), "type_as's result still reads its storage");
        assertEquals(3.0, ((Tensor) parts.get(1)).getDouble(N - 1));
    }
}
