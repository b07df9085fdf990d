package kiln.runtime.tensor;

import static kiln.runtime.tensor.Assertions2.arangeF;
import static kiln.runtime.tensor.Assertions2.assertIndexError;
import static kiln.runtime.tensor.Assertions2.assertLayout;
import static kiln.runtime.tensor.Assertions2.assertRuntimeError;
import static kiln.runtime.tensor.Assertions2.assertTorchError;
import static kiln.runtime.tensor.Assertions2.l;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiln.dialects.torch.types.ScalarType;
import org.junit.jupiter.api.Test;

/** to(dtype), clone, contiguous, reshape-as-view-or-copy, element access and item(). */
class ConversionTest {
    private static final Tensor FLOATS = Tensor.of(new float[] {1.7f, -1.7f, Float.NaN, 300, -1, 0});

    @Test
    void floatToIntegerTruncatesAndWrapsAsX86Does() {
        assertArrayEquals(new long[] {1, -1, Long.MIN_VALUE, 300, -1, 0}, FLOATS.to(ScalarType.Long).toLongArray());
        assertArrayEquals(new long[] {1, -1, Integer.MIN_VALUE, 300, -1, 0}, FLOATS.to(ScalarType.Int).toLongArray());
        assertArrayEquals(new long[] {1, 255, 0, 44, 255, 0}, FLOATS.to(ScalarType.Byte).toLongArray());
        assertArrayEquals(new long[] {1, -1, 0, 44, -1, 0}, FLOATS.to(ScalarType.Char).toLongArray());
        assertArrayEquals(new boolean[] {true, true, true, true, true, false},
                FLOATS.to(ScalarType.Bool).toBooleanArray());
        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MIN_VALUE},
                Tensor.of(new double[] {1e30, Double.NEGATIVE_INFINITY}).to(ScalarType.Long).toLongArray());
    }

    @Test
    void roundingToNarrowFloats() {
        Tensor half = Tensor.of(new float[] {65520, 1e-8f, 0.1f, 65504}).to(ScalarType.Half);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0, 0.0999755859375, 65504}, half.toDoubleArray());
        Tensor bf = Tensor.of(new float[] {1.00390625f, 1.01171875f, Float.NaN}).to(ScalarType.BFloat16);
        double[] v = bf.toDoubleArray();
        assertEquals(1.0, v[0]);
        assertEquals(1.015625, v[1]);
        assertTrue(Double.isNaN(v[2]));
        long big = (1L << 53) + 1;
        assertEquals((float) big, Tensor.of(new long[] {big}).to(ScalarType.Float).toFloatArray()[0]);
        assertEquals(0.1f, Tensor.of(new double[] {0.1}).to(ScalarType.Float).toFloatArray()[0]);
        assertArrayEquals(new float[] {1, 0}, Tensor.of(new boolean[] {true, false}).to(ScalarType.Float)
                .toFloatArray());
        assertArrayEquals(new long[] {-1, 127}, Tensor.of(new long[] {255, 127}).to(ScalarType.Char).toLongArray());
    }

    @Test
    void toKeepsTheLayoutAndReturnsSelfForTheSameDtype() {
        Tensor x = arangeF(2, 3);
        assertSame(x, x.to(ScalarType.Float));
        Tensor t = x.t().to(ScalarType.Double);
        assertLayout(t, l(3, 2), l(1, 3), 0);
        assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, t.toDoubleArray());
        assertTorchError(TorchException.Kind.NOT_IMPLEMENTED_ERROR, "Kiln tensors do not support dtype "
                + "torch.complex64 (ComplexFloat): complex dtypes cannot be stored or computed yet",
                () -> x.to(ScalarType.ComplexFloat));
    }

    @Test
    void cloneAndContiguous() {
        Tensor x = arangeF(2, 3, 4);
        Tensor tr = x.transpose(0, 2);
        assertLayout(tr.clone(), l(4, 3, 2), l(1, 4, 12), 0);
        assertLayout(tr.contiguous(), l(4, 3, 2), l(6, 2, 1), 0);
        assertSame(x, x.contiguous());
        Tensor sparse = x.slice(2, null, null, 2).transpose(0, 2);
        assertLayout(sparse.clone(), l(2, 3, 2), l(1, 2, 6), 0);
        Tensor c = x.clone();
        assertFalse(c.isAliasOf(x));
        c.setDouble(100, 0, 0, 0);
        assertEquals(0.0, x.getDouble(0, 0, 0));
    }

    @Test
    void reshapeIsAViewWhenStridesAllow() {
        Tensor x = arangeF(2, 3, 4);
        Tensor v = x.reshape(6, 4);
        assertTrue(v.isAliasOf(x));
        assertLayout(v, l(6, 4), l(4, 1), 0);
        assertLayout(x.reshape(-1), l(24), l(1), 0);
        Tensor split = x.transpose(1, 2).view(2, 2, 2, 3);
        assertLayout(split, l(2, 2, 2, 3), l(12, 2, 1, 4), 0);
        assertTrue(split.isAliasOf(x));
        assertLayout(x.select(1, 1).reshape(2, 2, 2), l(2, 2, 2), l(12, 2, 1), 4);
        assertLayout(x.unsqueeze(1).view(2, 12), l(2, 12), l(12, 1), 0);
        Tensor copied = x.permute(1, 0, 2).reshape(3, 8);
        assertFalse(copied.isAliasOf(x));
        assertLayout(copied, l(3, 8), l(8, 1), 0);
        assertArrayEquals(new float[] {0, 1, 2, 3, 12, 13, 14, 15}, copied.select(0, 0).toFloatArray());
        assertFalse(x.transpose(0, 1).reshape(6, 4).isAliasOf(x));
        assertRuntimeError("view size is not compatible with input tensor's size and stride (at least one dimension "
                + "spans across two contiguous subspaces). Use .reshape(...) instead.",
                () -> x.transpose(0, 1).view(6, 4));
        assertRuntimeError("only one dimension can be inferred", () -> x.view(-1, -1));
        assertRuntimeError("shape '[5, -1]' is invalid for input of size 24", () -> x.view(5, -1));
        assertRuntimeError("invalid shape dimension -2", () -> x.view(-2, 12));
        assertRuntimeError("cannot reshape tensor of 0 elements into shape [-1, 0] because the unspecified dimension "
                + "size -1 can be any value and is ambiguous", () -> Tensor.zeros(ScalarType.Float, 0, 3)
                .reshape(-1, 0));
        assertLayout(Tensor.zeros(ScalarType.Float, 0, 3).view(3, 0), l(3, 0), l(1, 1), 0);
        assertLayout(Tensor.scalar(Scalar.of(1.0)).view(1, 1), l(1, 1), l(1, 1), 0);
    }

    @Test
    void elementAccessAndItem() {
        Tensor x = arangeF(2, 3);
        assertEquals(5.0, x.getDouble(1, 2));
        assertEquals(5.0, x.getDouble(-1, -1));
        assertEquals(4L, x.getLong(1, 1));
        assertTrue(x.getBoolean(0, 1));
        assertFalse(x.getBoolean(0, 0));
        x.setLong(7, 0, 0);
        x.setBoolean(true, 0, 2);
        assertArrayEquals(new float[] {7, 1, 1, 3, 4, 5}, x.toFloatArray());
        assertIndexError("index 2 is out of bounds for dimension 0 with size 2", () -> x.getDouble(2, 0));
        assertIndexError("index -4 is out of bounds for dimension 1 with size 3", () -> x.getDouble(0, -4));
        assertInstanceOf(Scalar.OfDouble.class, x.select(0, 1).select(0, 2).item());
        assertEquals(Scalar.of(5L), Tensor.of(new int[] {5}).item());
        assertEquals(Scalar.of(true), Tensor.of(new boolean[] {true}).item());
        assertRuntimeError("a Tensor with 6 elements cannot be converted to Scalar", x::item);
        Tensor u8 = Tensor.of(new byte[] {(byte) 200}, ScalarType.Byte);
        assertEquals(200L, u8.getLong(0));
        u8.setDouble(-1.5, 0);
        assertEquals(255L, u8.getLong(0));
    }

    @Test
    void factories() {
        assertArrayEquals(new long[] {0, 1, 2, 3}, Tensor.arange(4, ScalarType.Long).toLongArray());
        assertArrayEquals(new double[] {2.5, 2.5}, Tensor.full(Scalar.of(2.5), ScalarType.Double, 2).toDoubleArray());
        assertArrayEquals(new long[] {2, 2}, Tensor.full(Scalar.of(2.9), ScalarType.Int, 2).toLongArray());
        assertEquals(ScalarType.Float, Tensor.scalar(Scalar.of(1.5)).dtype());
        assertEquals(ScalarType.Long, Tensor.scalar(Scalar.of(1L)).dtype());
        assertEquals(ScalarType.Bool, Tensor.scalar(Scalar.of(true)).dtype());
        assertLayout(Tensor.emptyStrided(ScalarType.Float, l(2, 3), l(1, 2)), l(2, 3), l(1, 2), 0);
        assertRuntimeError("Trying to create tensor with negative dimension -1: [2, -1]",
                () -> Tensor.empty(ScalarType.Float, 2, -1));
        Tensor twoByTwo = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        assertEquals(3.0, twoByTwo.getDouble(1, 0));
        assertNotSame(twoByTwo.toDoubleArray(), twoByTwo.toDoubleArray());
    }
}
