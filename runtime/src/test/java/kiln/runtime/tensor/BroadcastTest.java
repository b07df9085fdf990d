package kiln.runtime.tensor;

import static kiln.runtime.tensor.Assertions2.arangeF;
import static kiln.runtime.tensor.Assertions2.assertRuntimeError;
import static kiln.runtime.tensor.Assertions2.l;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import kiln.dialects.torch.types.ScalarType;
import org.junit.jupiter.api.Test;

/** ATen's infer_size and where its errors surface: binary ops, copy_, in-place outputs. */
class BroadcastTest {
    @Test
    void shapes() {
        assertArrayEquals(l(5, 3, 4), Shapes.broadcast(l(5, 1, 4), l(3, 1)));
        assertArrayEquals(l(2, 3), Shapes.broadcast(l(), l(2, 3)));
        assertArrayEquals(l(0), Shapes.broadcast(l(0), l(1)));
        assertArrayEquals(l(0), Shapes.broadcast(l(1), l(0)));
        assertArrayEquals(l(2, 0, 3), Shapes.broadcast(l(2, 1, 3), l(0, 1)));
    }

    @Test
    void mismatchedSizes() {
        assertRuntimeError("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                () -> Shapes.broadcast(l(3), l(4)));
        assertRuntimeError("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
                () -> arangeF(2, 3).add(arangeF(2, 4)));
        assertRuntimeError("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 2",
                () -> arangeF(4, 1, 2).mul(arangeF(5, 3)));
        assertRuntimeError("The size of tensor a (0) must match the size of tensor b (2) at non-singleton dimension 0",
                () -> arangeF(0).div(arangeF(2)));
    }

    @Test
    void copyAndInPlaceOutputsDoNotGrow() {
        Tensor three = Tensor.zeros(ScalarType.Float, 3);
        assertRuntimeError("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
                () -> three.copyFrom(arangeF(2)));
        assertRuntimeError("output with shape [3] doesn't match the broadcast shape [2, 3]",
                () -> three.copyFrom(arangeF(2, 3)));
        assertRuntimeError("output with shape [3] doesn't match the broadcast shape [2, 3]",
                () -> Ops.add_(three, arangeF(2, 3), Scalar.of(1L)));
        Tensor grid = Tensor.zeros(ScalarType.Double, 2, 3);
        grid.copyFrom(arangeF(3));
        assertArrayEquals(new double[] {0, 1, 2, 0, 1, 2}, grid.toDoubleArray());
        grid.copyFrom(arangeF(2, 1));
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1}, grid.toDoubleArray());
    }
}
