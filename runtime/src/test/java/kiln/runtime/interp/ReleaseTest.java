package kiln.runtime.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.backend.Outputs;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.tensor.BufferPool;
import kiln.runtime.tensor.Donation;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Temporaries go back to the buffer pool after the last use of anything that may alias them (views, lists of
 * views, in-place results), and a temporary that a result still shares is kept: {@code aten::type_as} to the same
 * dtype hands back its input, although its schema does not say so.
 */
class ReleaseTest {
    /** 12 MB of float32: pooled storage. */
    private static final long N = 3_000_000;

    @Test
    void viewsAndListsOfViewsKeepTheirBaseUntilTheirLastUse() {
        String text = """
                graph(%x : Tensor, %w : Tensor):
                  %one : int = prim::Constant[value=1]()
                  %four : int = prim::Constant[value=4]()
                  %wt : Tensor = aten::t(%w)
                  %gates : Tensor = aten::mm(%x, %wt)
                  %parts : Tensor[] = aten::chunk(%gates, %four, %one)
                  %i : Tensor, %f : Tensor, %g : Tensor, %o : Tensor = prim::ListUnpack(%parts)
                  %si : Tensor = aten::sigmoid(%i)
                  %sf : Tensor = aten::sigmoid_(%f)
                  %tg : Tensor = aten::tanh(%g)
                  %a : Tensor = aten::mul(%si, %tg)
                  %b : Tensor = aten::mul(%sf, %o)
                  %c : Tensor = aten::add(%a, %b, %one)
                  %cat : Tensor[] = prim::ListConstruct(%c, %a)
                  %d : Tensor = aten::cat(%cat, %one)
                  return (%d)
                """;
        Plan plan = Interpreter.create().plan(Graphs.parse(text));
        assertEquals(List.of("%si after aten::mul", "%tg after aten::mul", "%gates after aten::mul",
                "%b after aten::add", "%a after aten::cat", "%c after aten::cat"), plan.releases());
        Tensor x = Tensor.full(Scalar.of(1.0), ScalarType.Float, 64, 8);
        Tensor w = Tensor.full(Scalar.of(0.5), ScalarType.Float, 32, 8);
        Interpreter interp = Interpreter.create();
        Tensor first = (Tensor) interp.run(Graphs.parse(text), x, w).getFirst();
        Tensor second = (Tensor) interp.run(Graphs.parse(text), x, w).getFirst();
        assertEquals(List.of(64L, 16L), List.of(first.size(0), first.size(1)));
        assertEquals(first.getDouble(63, 15), second.getDouble(63, 15));
        double s = 1 / (1 + Math.exp(-4.0));
        double c = s * Math.tanh(4.0) + s * 4.0;
        assertEquals(c, first.getDouble(0, 0), 1e-5);
        assertEquals(s * Math.tanh(4.0), first.getDouble(0, 8), 1e-5);
    }

    @Test
    void aDyingTemporaryDonatesItsStorageToAnElementwiseOutput() {
        String text = """
                graph(%x : Tensor, %y : Tensor):
                  %one : int = prim::Constant[value=1]()
                  %half : float = prim::Constant[value=0.5]()
                  %a : Tensor = aten::add(%x, %y, %one)
                  %s : Tensor = aten::sigmoid(%a)
                  %m : Tensor = aten::mul(%a, %s)
                  %v : Tensor = aten::t(%m)
                  %n : Tensor = aten::mul(%m, %half)
                  %r : (Tensor, Tensor) = prim::TupleConstruct(%n, %v)
                  return (%r)
                """;
        Interpreter interp = Interpreter.create();
        Plan plan = interp.plan(Graphs.parse(text));
        Tensor x = Tensor.full(Scalar.of(0.25), ScalarType.Float, 64, 64);
        Tensor y = Tensor.full(Scalar.of(0.5), ScalarType.Float, 64, 64);
        long before = Donation.takenCount();
        ScriptTuple r = (ScriptTuple) plan.invoke(interp, List.of(x, y)).first();
        // %m is written over %a's or %s's storage (both die there); %m is viewed by %v, which escapes, so %n
        // gets a fresh buffer
        assertTrue(Donation.takenCount() > before, "an output was written over a dying input");
        double a = 0.75;
        double m = a / (1 + Math.exp(-a));
        assertEquals(m * 0.5, ((Tensor) r.elements().get(0)).getDouble(5, 7), 1e-6);
        assertEquals(m, ((Tensor) r.elements().get(1)).getDouble(7, 5), 1e-6);
        assertEquals(0.25, x.getDouble(63, 63), "inputs are never donated");
    }

    @Test
    void invokeOwnsTheOutputsTheCallMadeAndNothingElse() {
        String text = """
                graph(%x : Tensor):
                  %one : int = prim::Constant[value=1]()
                  %zero : int = prim::Constant[value=0]()
                  %a : Tensor = aten::mul(%x, %one)
                  %v : Tensor = aten::select(%x, %zero, %zero)
                  %t : (Tensor, Tensor, Tensor, Tensor) = prim::TupleConstruct(%a, %a, %x, %v)
                  return (%t)
                """;
        Interpreter interp = Interpreter.create();
        Plan plan = interp.plan(Graphs.parse(text));
        Tensor x = Tensor.full(Scalar.of(2.0), ScalarType.Float, 64, 64);
        Outputs first = plan.invoke(interp, List.of(x));
        ScriptTuple t = (ScriptTuple) first.first();
        Tensor a = (Tensor) t.elements().getFirst();
        assertEquals(List.of(a.storage()), first.owned(), "the product, once; not the input or its view");
        first.close();
        assertFalse(a.storage().isPooled());
        assertTrue(x.storage().isPooled(), "the input is untouched");
        assertEquals(2.0, x.getDouble(63, 63));
        long reused = BufferPool.global().reusedCount();
        plan.invoke(interp, List.of(x)).close();
        assertTrue(BufferPool.global().reusedCount() > reused);
    }

    @Test
    void invokeOwnsNothingWhenTheGraphStoresValues() {
        String text = """
                graph(%x : Tensor):
                  %one : int = prim::Constant[value=1]()
                  %a : Tensor = aten::mul(%x, %one)
                  %l : Tensor[] = prim::ListConstruct()
                  %n : Tensor[] = aten::append(%l, %a)
                  return (%a)
                """;
        Interpreter interp = Interpreter.create();
        Outputs out = interp.plan(Graphs.parse(text)).invoke(interp, List.of(Tensor.full(Scalar.of(2.0),
                ScalarType.Float, 64, 64)));
        assertTrue(out.owned().isEmpty(), "a list may keep the product: the collector reclaims it");
    }

    @Test
    void valuesThatEscapeAreNotReleased() {
        String text = """
                graph(%x : Tensor):
                  %one : int = prim::Constant[value=1]()
                  %a : Tensor = aten::mul(%x, %one)
                  %v : Tensor = aten::t(%a)
                  %b : Tensor = aten::mul(%x, %one)
                  %l : Tensor[] = prim::ListConstruct(%b)
                  %n : Tensor[] = aten::append(%l, %x)
                  %e : Tensor = aten::mul(%x, %one)
                  %out : Tensor[] = prim::ListConstruct(%e)
                  %cond : bool = prim::Constant[value=1]()
                  %k : Tensor = aten::mul(%x, %one)
                  %r : Tensor = prim::If(%cond)
                    block0():
                      -> (%k)
                    block1():
                      -> (%x)
                  %t : (Tensor, Tensor[], Tensor[], Tensor) = prim::TupleConstruct(%v, %n, %out, %r)
                  return (%t)
                """;
        assertEquals(List.of(), Interpreter.create().plan(Graphs.parse(text)).releases());
    }

    @Test
    void aDeadTemporaryIsReusedByTheNextCall() {
        String text = """
                graph(%x : Tensor):
                  %two : int = prim::Constant[value=2]()
                  %one : int = prim::Constant[value=1]()
                  %none : NoneType = prim::Constant()
                  %a : Tensor = aten::mul(%x, %two)
                  %b : Tensor = aten::clone(%a, %none)
                  return (%b)
                """;
        Interpreter interp = Interpreter.create();
        var g = Graphs.parse(text);
        Tensor x = Tensor.full(Scalar.of(1.0), ScalarType.Float, N);
        interp.run(g, x);
        long reused = BufferPool.global().reusedCount();
        Tensor b = (Tensor) interp.run(g, x).getFirst();
        assertEquals(2.0, b.getDouble(N - 1));
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
