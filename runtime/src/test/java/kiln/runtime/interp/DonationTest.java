package kiln.runtime.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.interp.kernels.Kernel;
import kiln.runtime.interp.kernels.KernelRegistry;
import kiln.runtime.tensor.Donation;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A dying input may hold an op's output only when both say so: the op is elementwise ({@link Trait#ELEMENTWISE}, from
 * the torch dialect's table of pointwise overloads) and its kernel writes the output in one pass ({@link
 * Kernel#writesInOnePass()}).
 */
class DonationTest {
    private static String graph(String second) {
        return """
                graph(%x : Tensor, %y : Tensor):
                  %one : int = prim::Constant[value=1]()
                  %a : Tensor = aten::add(%x, %y, %one)
                  %b : Tensor = SECOND
                  return (%b)
                """.replace("SECOND", second);
    }

    /**
     * How many outputs were written over a dying input while {@code text} ran once on {@code interp}, checking that it
     * computed {@code expected} (with x = 0.25, y = 0.5).
     */
    private static long donations(Interpreter interp, String text, double expected) {
        Tensor x = Tensor.full(Scalar.of(0.25), ScalarType.Float, 64, 64);
        Tensor y = Tensor.full(Scalar.of(0.5), ScalarType.Float, 64, 64);
        long before = Donation.takenCount();
        Tensor b = (Tensor) interp.run(Graphs.parse(text), x, y).getFirst();
        long taken = Donation.takenCount() - before;
        assertEquals(expected, b.getDouble(3, 4), 1e-6);
        assertEquals(0.25, x.getDouble(63, 63), "inputs are never donated");
        return taken;
    }

    private static Operation second(String text) {
        Graph g = Graphs.parse(text);
        return g.block().firstOp().nextOp().nextOp();
    }

    @Test
    void anElementwiseOpWithAOnePassKernelTakesTheDyingInput() {
        String add = graph("aten::add(%a, %y, %one)");
        assertTrue(second(add).has(Trait.ELEMENTWISE));
        assertEquals(1, donations(Interpreter.create(), add, 1.25));
    }

    @Test
    void aKernelNotDeclaredOnePassGetsNoDonation() {
        KernelRegistry kernels = KernelRegistry.standard();
        KernelRegistry plain = KernelRegistry.empty();
        // the same computation, registered without saying that it writes its output in one pass
        plain.register("aten::add.Tensor", a -> Ops.add((Tensor) a[0], (Tensor) a[1], Scalar.of((Long) a[2])));
        assertTrue(kernels.lookup("aten::add.Tensor").orElseThrow().bind(null, null).writesInOnePass());
        assertFalse(plain.lookup("aten::add.Tensor").orElseThrow().bind(null, null).writesInOnePass());
        assertEquals(0, donations(Interpreter.builder().kernels(plain).build(), graph("aten::add(%a, %y, %one)"),
                1.25));
    }

    @Test
    void anOpOutsideThePointwiseTableGetsNoDonation() {
        // aten::maximum is elementwise in PyTorch, but not in NNC's set the table follows: its one-pass kernel is
        // not given the dying %a
        String max = graph("aten::maximum(%a, %y)");
        assertFalse(second(max).has(Trait.ELEMENTWISE));
        assertEquals(0, donations(Interpreter.create(), max, 0.75));
    }
}
