package kiln.runtime.tensor;

import static kiln.runtime.tensor.Assertions2.arangeF;
import static kiln.runtime.tensor.Assertions2.assertIndexError;
import static kiln.runtime.tensor.Assertions2.assertLayout;
import static kiln.runtime.tensor.Assertions2.assertRuntimeError;
import static kiln.runtime.tensor.Assertions2.l;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every view operator's sizes, strides and storage offset, worked out from PyTorch's TensorShape.cpp, and
 * writes through views showing in the base.
 */
class ViewTest {
    private final Tensor x = arangeF(2, 3, 4); // strides (12, 4, 1)

    @Test
    void selectDropsTheDimAndMovesTheOffset() {
        assertLayout(x.select(1, 2), l(2, 4), l(12, 1), 8);
        assertLayout(x.select(-1, -1), l(2, 3), l(12, 4), 3);
        assertLayout(x.select(0, 1).select(0, 0), l(4), l(1), 12);
        assertIndexError("select(): index 3 out of range for tensor of size [2, 3, 4] at dimension 1",
                () -> x.select(1, 3));
        assertIndexError("select(): index -4 out of range for tensor of size [2, 3, 4] at dimension 1",
                () -> x.select(1, -4));
        assertIndexError("select() cannot be applied to a 0-dim tensor.", () -> Tensor.scalar(Scalar.of(1.0))
                .select(0, 0));
        assertIndexError("Dimension out of range (expected to be in range of [-3, 2], but got 3)",
                () -> x.select(3, 0));
    }

    @Test
    void sliceClampsAndSteps() {
        assertLayout(x.slice(2, 1L, 3L), l(2, 3, 2), l(12, 4, 1), 1);
        assertLayout(x.slice(2, null, null, 2), l(2, 3, 2), l(12, 4, 2), 0);
        assertLayout(x.slice(2, 1L, null, 2), l(2, 3, 2), l(12, 4, 2), 1);
        assertLayout(x.slice(2, 0L, 4L, 3), l(2, 3, 2), l(12, 4, 3), 0);
        assertLayout(x.slice(1, -2L, null), l(2, 2, 4), l(12, 4, 1), 4);
        assertLayout(x.slice(1, -10L, 10L), l(2, 3, 4), l(12, 4, 1), 0);
        assertLayout(x.slice(1, 5L, 10L), l(2, 0, 4), l(12, 4, 1), 12);
        assertLayout(x.slice(1, 2L, 1L), l(2, 0, 4), l(12, 4, 1), 8);
        assertLayout(x.slice(0, 1L, -1L), l(0, 3, 4), l(12, 4, 1), 12);
        assertRuntimeError("slice step must be positive", () -> x.slice(0, null, null, 0));
        assertIndexError("slice() cannot be applied to a 0-dim tensor.",
                () -> Tensor.scalar(Scalar.of(1L)).slice(0, 0L, 1L));
    }

    @Test
    void narrowIsASliceWithChecks() {
        assertLayout(x.narrow(2, 1, 2), l(2, 3, 2), l(12, 4, 1), 1);
        assertLayout(x.narrow(2, -2, 2), l(2, 3, 2), l(12, 4, 1), 2);
        assertLayout(x.narrow(1, 3, 0), l(2, 0, 4), l(12, 4, 1), 12);
        assertRuntimeError("start (2) + length (3) exceeds dimension size (4).", () -> x.narrow(2, 2, 3));
        assertIndexError("start out of range (expected to be in range of [-4, 4], but got 5)",
                () -> x.narrow(2, 5, 0));
        assertRuntimeError("narrow(): length must be non-negative.", () -> x.narrow(2, 0, -1));
        assertRuntimeError("narrow() cannot be applied to a 0-dim tensor.",
                () -> Tensor.scalar(Scalar.of(1L)).narrow(0, 0, 1));
    }

    @Test
    void transposePermuteAndT() {
        assertLayout(x.transpose(0, 2), l(4, 3, 2), l(1, 4, 12), 0);
        assertLayout(x.transpose(-1, 1), l(2, 4, 3), l(12, 1, 4), 0);
        assertLayout(x.permute(2, 0, 1), l(4, 2, 3), l(1, 12, 4), 0);
        assertLayout(x.permute(-1, -3, -2), l(4, 2, 3), l(1, 12, 4), 0);
        Tensor m = arangeF(3, 5);
        assertLayout(m.t(), l(5, 3), l(1, 5), 0);
        assertLayout(arangeF(7).t(), l(7), l(1), 0);
        assertRuntimeError("t() expects a tensor with <= 2 dimensions, but self is 3D", x::t);
        assertRuntimeError("permute(sparse_coo): number of dimensions in the tensor input does not match the "
                + "length of the desired ordering of dimensions i.e. input.dim() = 3 is not equal to len(dims) = 2",
                () -> x.permute(0, 1));
        assertRuntimeError("permute(): duplicate dims are not allowed.", () -> x.permute(0, -3, 2));
        assertIndexError("Dimension out of range (expected to be in range of [-3, 2], but got 3)",
                () -> x.permute(0, 1, 3));
        assertFalse(x.transpose(0, 1).isContiguous());
    }

    @Test
    void expandSetsZeroStrides() {
        Tensor col = arangeF(3, 1);
        assertLayout(col.expand(3, 4), l(3, 4), l(1, 0), 0);
        assertLayout(col.expand(2, 3, 4), l(2, 3, 4), l(0, 1, 0), 0);
        assertLayout(col.expand(-1, 4), l(3, 4), l(1, 0), 0);
        assertLayout(Tensor.scalar(Scalar.of(2.0)).expand(2, 3), l(2, 3), l(0, 0), 0);
        assertLayout(col.expandAs(arangeF(5, 3, 2)), l(5, 3, 2), l(0, 1, 0), 0);
        assertRuntimeError("The expanded size of the tensor (5) must match the existing size (3) at non-singleton "
                + "dimension 0.  Target sizes: [5, 4].  Tensor sizes: [3, 1]", () -> col.expand(5, 4));
        assertRuntimeError("expand(CPUFloatType{[3, 1]}, size=[4]): the number of sizes provided (1) must be "
                + "greater or equal to the number of dimensions in the tensor (2)", () -> col.expand(4));
        assertRuntimeError("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing "
                + "dimension 0", () -> col.expand(-1, 3, 4));
    }

    @Test
    void squeezeAndUnsqueeze() {
        Tensor t = arangeF(1, 3, 1, 2); // strides (6, 2, 2, 1)
        assertLayout(t.squeeze(), l(3, 2), l(2, 1), 0);
        assertLayout(t.squeeze(0), l(3, 1, 2), l(2, 2, 1), 0);
        assertLayout(t.squeeze(1), l(1, 3, 1, 2), l(6, 2, 2, 1), 0);
        assertLayout(t.squeeze(-2), l(1, 3, 2), l(6, 2, 1), 0);
        assertLayout(t.squeezeDims(0, 2), l(3, 2), l(2, 1), 0);
        assertRuntimeError("dim 0 appears multiple times in the list of dims", () -> t.squeezeDims(0, -4));
        assertLayout(x.unsqueeze(0), l(1, 2, 3, 4), l(24, 12, 4, 1), 0);
        assertLayout(x.unsqueeze(1), l(2, 1, 3, 4), l(12, 12, 4, 1), 0);
        assertLayout(x.unsqueeze(3), l(2, 3, 4, 1), l(12, 4, 1, 1), 0);
        assertLayout(x.unsqueeze(-1), l(2, 3, 4, 1), l(12, 4, 1, 1), 0);
        assertLayout(x.unsqueeze(-4), l(1, 2, 3, 4), l(24, 12, 4, 1), 0);
        Tensor s = Tensor.scalar(Scalar.of(1.0));
        assertLayout(s.unsqueeze(0), l(1), l(1), 0);
        assertLayout(s.squeeze(0), l(), l(), 0);
        assertLayout(s.squeeze(-1), l(), l(), 0);
        assertIndexError("Dimension out of range (expected to be in range of [-4, 3], but got 4)",
                () -> x.unsqueeze(4));
        assertIndexError("Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                () -> s.squeeze(1));
    }

    @Test
    void flattenAndUnflatten() {
        assertLayout(x.flatten(), l(24), l(1), 0);
        assertLayout(x.flatten(1, 2), l(2, 12), l(12, 1), 0);
        assertLayout(x.flatten(0, 1), l(6, 4), l(4, 1), 0);
        assertSame(x, x.flatten(1, 1));
        assertLayout(Tensor.scalar(Scalar.of(1.0)).flatten(), l(1), l(1), 0);
        Tensor tr = x.transpose(1, 2); // (2, 4, 3) strides (12, 1, 4): flattening dims 1-2 must copy
        Tensor flat = tr.flatten(1, 2);
        assertLayout(flat, l(2, 12), l(12, 1), 0);
        assertFalse(flat.isAliasOf(x));
        assertLayout(x.unflatten(2, 2, 2), l(2, 3, 2, 2), l(12, 4, 2, 1), 0);
        assertLayout(x.unflatten(-1, -1, 2), l(2, 3, 2, 2), l(12, 4, 2, 1), 0);
        assertRuntimeError("flatten() has invalid args: start_dim cannot come after end_dim", () -> x.flatten(2, 1));
        assertRuntimeError("unflatten: Provided sizes [3, 2] don't multiply up to the size of dim 2 (4) in the "
                + "input tensor", () -> x.unflatten(2, 3, 2));
        assertRuntimeError("unflatten: sizes must be non-empty", () -> x.unflatten(2));
    }

    @Test
    void chunkSplitAndUnbind() {
        List<Tensor> chunks = x.chunk(3, 2); // size 4 -> split_size 2 -> 2 chunks
        assertEquals(2, chunks.size());
        assertLayout(chunks.get(1), l(2, 3, 2), l(12, 4, 1), 2);
        List<Tensor> parts = x.split(3, 2);
        assertEquals(2, parts.size());
        assertLayout(parts.get(0), l(2, 3, 3), l(12, 4, 1), 0);
        assertLayout(parts.get(1), l(2, 3, 1), l(12, 4, 1), 3);
        List<Tensor> sized = x.splitWithSizes(l(1, 0, 2), 1);
        assertLayout(sized.get(0), l(2, 1, 4), l(12, 4, 1), 0);
        assertLayout(sized.get(1), l(2, 0, 4), l(12, 4, 1), 4);
        assertLayout(sized.get(2), l(2, 2, 4), l(12, 4, 1), 4);
        List<Tensor> rows = x.unbind(1);
        assertEquals(3, rows.size());
        assertLayout(rows.get(2), l(2, 4), l(12, 1), 8);
        assertEquals(3, arangeF(0, 5).chunk(3, 0).size());
        assertEquals(1, x.split(10, 0).size());
        assertRuntimeError("split_with_sizes expects split_sizes to sum exactly to 3 (input tensor's size at "
                + "dimension 1), but got split_sizes=[1, 1]", () -> x.splitWithSizes(l(1, 1), 1));
        assertRuntimeError("split_with_sizes expects split_sizes have only non-negative entries, but got "
                + "split_sizes=[4, -1]", () -> x.splitWithSizes(l(4, -1), 1));
        assertRuntimeError("split expects split_size be non-negative, but got split_size=-1", () -> x.split(-1, 0));
        assertRuntimeError("split_size can only be 0 if dimension size is 0, but got dimension size of 2",
                () -> x.split(0, 0));
        assertRuntimeError("chunk expects `chunks` to be greater than 0, got: 0", () -> x.chunk(0, 0));
        assertRuntimeError("chunk expects at least a 1-dimensional tensor",
                () -> Tensor.scalar(Scalar.of(1L)).chunk(1, 0));
        assertIndexError("Dimension specified as 0 but tensor has no dimensions",
                () -> Tensor.scalar(Scalar.of(1L)).unbind(0));
    }

    @Test
    void asStridedDiagonalAndMovedim() {
        assertLayout(x.asStrided(l(3, 3), l(4, 1), 1L), l(3, 3), l(4, 1), 1);
        assertRuntimeError("setStorage: sizes [5, 5], strides [5, 1], storage offset 0, and itemsize 4 requiring a "
                + "storage size of 100 are out of bounds for storage of size 96",
                () -> x.asStrided(l(5, 5), l(5, 1), 0L));
        assertRuntimeError("as_strided: Negative strides are not supported at the moment, got strides: [-1]",
                () -> x.asStrided(l(2), l(-1), null));
        Tensor m = arangeF(3, 4);
        assertLayout(m.diagonal(0, 0, 1), l(3), l(5), 0);
        assertLayout(m.diagonal(1, 0, 1), l(3), l(5), 1);
        assertLayout(m.diagonal(-1, 0, 1), l(2), l(5), 4);
        assertLayout(m.diagonal(5, 0, 1), l(0), l(5), 0);
        assertLayout(x.diagonal(0, 0, 2), l(3, 2), l(4, 13), 0);
        assertRuntimeError("diagonal dimensions cannot be identical 1, -2", () -> x.diagonal(0, 1, -2));
        assertLayout(x.movedim(0, 2), l(3, 4, 2), l(4, 1, 12), 0);
        assertLayout(x.movedim(l(0, 1), l(2, 0)), l(3, 4, 2), l(4, 1, 12), 0);
        assertLayout(x.movedim(-1, 0), l(4, 2, 3), l(1, 12, 4), 0);
        assertRuntimeError("movedim: repeated dim in `source` ([0, 0])", () -> x.movedim(l(0, 0), l(1, 2)));
        assertRuntimeError("movedim: Invalid source or destination dims: source ([0] dims) should contain the same "
                + "number of dims as destination ([1, 2] dims)", () -> x.movedim(l(0), l(1, 2)));
    }

    @Test
    void writesThroughViewsReachTheBase() {
        float[] data = new float[24];
        Tensor base = Tensor.of(data, 2, 3, 4);
        base.select(1, 2).select(1, 3).setDouble(7, 1);   // base[1, 2, 3]
        assertEquals(7f, data[12 + 8 + 3]);
        base.transpose(0, 2).slice(0, 1L, 3L).setDouble(-1, 1, 0, 1); // base[1, 0, 2]
        assertEquals(-1.0, base.getDouble(1, 0, 2));
        Tensor diag = base.select(0, 0).diagonal(0, 0, 1);
        diag.copyFrom(Tensor.of(new float[] {10, 20, 30}));
        assertEquals(20.0, base.getDouble(0, 1, 1));
        assertEquals(30.0, base.getDouble(0, 2, 2));
        base.view(24).narrow(0, 20, 4).copyFrom(Tensor.scalar(Scalar.of(5.0)));
        assertArrayEquals(new float[] {5, 5, 5, 5}, java.util.Arrays.copyOfRange(data, 20, 24));
        for (Tensor part : base.unbind(0)) {
            part.select(0, 0).select(0, 0).setLong(99);
        }
        assertEquals(99f, data[0]);
        assertEquals(99f, data[12]);
        base.expand(3, 2, 3, 4).select(0, 2).select(0, 0).setDouble(42, 0, 1);
        assertEquals(42f, data[1]);
    }

    @Test
    void viewsShareStorageAndAliasIsANewObject() {
        Tensor v = x.view(6, 4);
        assertTrue(v.isAliasOf(x));
        Tensor a = x.alias();
        assertNotSame(x, a);
        assertLayout(a, x.sizes(), x.strides(), 0);
    }
}
