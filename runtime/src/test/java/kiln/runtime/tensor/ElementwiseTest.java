package kiln.runtime.tensor;

import static kiln.runtime.tensor.Assertions2.arangeF;
import static kiln.runtime.tensor.Assertions2.assertLayout;
import static kiln.runtime.tensor.Assertions2.assertRuntimeError;
import static kiln.runtime.tensor.Assertions2.l;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiln.dialects.torch.types.ScalarType;
import org.junit.jupiter.api.Test;

/** add/sub/mul/div/neg/abs/exp/relu: values, result dtypes, layouts of results, in-place forms and errors. */
class ElementwiseTest {
    private static final Scalar ONE = Scalar.of(1L);

    private static Tensor floats(float... v) {
        return Tensor.of(v);
    }

    private static Tensor longs(long... v) {
        return Tensor.of(v);
    }

    @Test
    void floatArithmetic() {
        Tensor a = floats(1, 2, 3);
        Tensor b = floats(10, 20, 30);
        assertArrayEquals(new float[] {11, 22, 33}, a.add(b).toFloatArray());
        assertArrayEquals(new float[] {21, 42, 63}, Ops.add(a, b, Scalar.of(2L)).toFloatArray());
        assertArrayEquals(new float[] {-4, -8, -12}, Ops.sub(a, b, Scalar.of(0.5)).toFloatArray());
        assertArrayEquals(new float[] {10, 40, 90}, a.mul(b).toFloatArray());
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f}, a.div(b).toFloatArray());
        assertArrayEquals(new float[] {-1, -2, -3}, a.neg().toFloatArray());
        assertArrayEquals(new float[] {1.1f, 2.1f, 3.1f}, a.add(Scalar.of(0.1)).toFloatArray());
        float[] special = floats(1, -1, 0).div(floats(0, 0, 0)).toFloatArray();
        assertEquals(Float.POSITIVE_INFINITY, special[0]);
        assertEquals(Float.NEGATIVE_INFINITY, special[1]);
        assertTrue(Float.isNaN(special[2]));
    }

    @Test
    void integerAndBoolSemantics() {
        Tensor q = longs(1, 2, 3).div(longs(2, 2, 2));
        assertEquals(ScalarType.Float, q.dtype());
        assertArrayEquals(new float[] {0.5f, 1, 1.5f}, q.toFloatArray());
        Tensor ints = Tensor.of(new int[] {1, 2});
        assertEquals(ScalarType.Float, ints.add(Scalar.of(2.5)).dtype());
        Tensor plusLong0d = ints.add(Tensor.scalar(Scalar.of(5L)));
        assertEquals(ScalarType.Int, plusLong0d.dtype());
        assertArrayEquals(new int[] {6, 7}, plusLong0d.toIntArray());
        Tensor u8 = Tensor.of(new byte[] {(byte) 250, 3}, ScalarType.Byte);
        assertArrayEquals(new long[] {4, 13}, u8.add(Scalar.of(10L)).toLongArray());
        assertArrayEquals(new long[] {6, 253}, u8.neg().toLongArray());
        assertEquals(ScalarType.Byte, u8.add(Scalar.of(10L)).dtype());
        Tensor i8 = Tensor.of(new byte[] {127, -128}, ScalarType.Char);
        assertArrayEquals(new long[] {-128, -127}, i8.add(Scalar.of(1L)).toLongArray());
        assertArrayEquals(new long[] {-127, -128}, i8.neg().toLongArray());
        assertArrayEquals(new long[] {127, -128}, i8.abs().toLongArray());
        Tensor t = Tensor.of(new boolean[] {true, true, false, false});
        Tensor f = Tensor.of(new boolean[] {true, false, true, false});
        assertArrayEquals(new boolean[] {true, true, true, false}, t.add(f).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, false, false}, t.mul(f).toBooleanArray());
        assertEquals(ScalarType.Bool, t.add(f).dtype());
        Tensor plus2 = t.add(Scalar.of(2L));
        assertEquals(ScalarType.Long, plus2.dtype());
        assertArrayEquals(new long[] {3, 3, 2, 2}, plus2.toLongArray());
        assertArrayEquals(new boolean[] {true, true, true, false},
                Ops.add(t, f, Scalar.of(-1L)).toBooleanArray()); // alpha becomes bool true first
        assertEquals(ScalarType.Float, t.div(f).dtype());
        assertArrayEquals(new long[] {-3, 9}, Ops.sub(longs(1, 1), longs(2, -4), Scalar.of(2L)).toLongArray());
    }

    @Test
    void unaryFloatOpsPromoteIntegers() {
        Tensor e = longs(0, 1).exp();
        assertEquals(ScalarType.Float, e.dtype());
        assertArrayEquals(new float[] {1, (float) Math.E}, e.toFloatArray());
        assertEquals(ScalarType.Float, Tensor.of(new boolean[] {true}).exp().dtype());
        assertEquals(ScalarType.Double, Tensor.of(new double[] {1}).exp().dtype());
        Tensor r = floats(-1, -0f, Float.NaN, 2).relu();
        float[] rv = r.toFloatArray();
        assertEquals(0f, rv[0]);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(rv[1]));
        assertTrue(Float.isNaN(rv[2]));
        assertEquals(2f, rv[3]);
        assertArrayEquals(new long[] {0, 5}, longs(-3, 5).relu().toLongArray());
        assertArrayEquals(new long[] {3, 5, Long.MIN_VALUE}, longs(-3, 5, Long.MIN_VALUE).abs().toLongArray());
    }

    @Test
    void refusals() {
        Tensor b = Tensor.of(new boolean[] {true});
        assertRuntimeError("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
                + "`logical_xor()` operator instead.", () -> b.sub(b));
        assertRuntimeError("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
                + "invert a mask, use the `~` or `logical_not()` operator instead.", () -> longs(1).sub(b));
        assertRuntimeError("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
                + "invert a mask, use the `~` or `logical_not()` operator instead.",
                () -> longs(1).sub(Scalar.of(true)));
        assertRuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to "
                + "invert a mask, use the `~` or `logical_not()` operator instead.", b::neg);
        assertRuntimeError("Boolean inputs not supported for relu", b::relu);
        assertRuntimeError("\"abs_cpu\" not implemented for 'Bool'", b::abs);
        assertRuntimeError("For integral input tensors, argument alpha must not be a floating point number.",
                () -> Ops.add(longs(1), longs(2), Scalar.of(2.5)));
        assertRuntimeError("Boolean alpha only supported for Boolean results.",
                () -> Ops.add(floats(1), floats(2), Scalar.of(true)));
        assertRuntimeError("result type Float can't be cast to the desired output type Long",
                () -> Ops.add_(longs(1), floats(2), ONE));
        assertRuntimeError("result type Float can't be cast to the desired output type Long",
                () -> Ops.div_(longs(4), longs(2)));
        assertRuntimeError("result type Float can't be cast to the desired output type Int",
                () -> Ops.exp_(Tensor.of(new int[] {1})));
        Tensor m = arangeF(3, 3);
        assertRuntimeError("unsupported operation: some elements of the input tensor and the written-to tensor refer "
                + "to a single memory location. Please clone() the tensor before performing the operation.",
                () -> Ops.add_(m, m.t(), ONE));
        assertRuntimeError("unsupported operation: more than one element of the written-to tensor refers to a single "
                + "memory location. Please clone() the tensor before performing the operation.",
                () -> Ops.add_(arangeF(1, 3).expand(2, 3), ONE, ONE));
    }

    @Test
    void nonContiguousAndBroadcastInputs() {
        Tensor x = arangeF(2, 3);
        Tensor sum = x.t().add(x.t());
        assertLayout(sum, l(3, 2), l(1, 3), 0);
        assertArrayEquals(new float[] {0, 6, 2, 8, 4, 10}, sum.toFloatArray());
        Tensor mixed = x.t().add(arangeF(3, 2));
        assertLayout(mixed, l(3, 2), l(1, 3), 0);
        assertArrayEquals(new float[] {0, 4, 3, 7, 6, 10}, mixed.toFloatArray());
        Tensor outer = arangeF(3, 1).mul(arangeF(1, 4));
        assertLayout(outer, l(3, 4), l(4, 1), 0);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 2, 3, 0, 2, 4, 6}, outer.toFloatArray());
        Tensor y = arangeF(2, 3, 4);
        Tensor sliced = y.slice(2, null, null, 2); // (2, 3, 2) strides (12, 4, 2): not dense
        assertLayout(sliced.exp(), l(2, 3, 2), l(6, 2, 1), 0);
        assertLayout(sliced.transpose(0, 2).neg(), l(2, 3, 2), l(1, 2, 6), 0);
        assertArrayEquals(new float[] {-0f, -12, -4, -16, -8, -20, -2, -14, -6, -18, -10, -22},
                sliced.transpose(0, 2).neg().toFloatArray());
        Tensor nhwc = arangeF(2, 3, 4, 5).permute(0, 3, 1, 2); // channels-last
        assertLayout(nhwc.abs(), l(2, 5, 3, 4), l(60, 1, 20, 5), 0);
        Tensor rowTimesCol = arangeF(4).div(arangeF(3, 1).add(ONE));
        assertArrayEquals(new float[] {0, 1, 2, 3, 0, 0.5f, 1, 1.5f, 0, 1 / 3f, 2 / 3f, 1}, rowTimesCol.toFloatArray());
    }

    @Test
    void emptyAndZeroDimInputs() {
        Tensor empty = Tensor.zeros(ScalarType.Float, 0, 3);
        Tensor r = empty.add(arangeF(3));
        assertLayout(r, l(0, 3), l(3, 1), 0);
        assertEquals(0, r.numel());
        assertLayout(empty.relu(), l(0, 3), l(3, 1), 0);
        Tensor s = Tensor.scalar(Scalar.of(2.0));
        Tensor s2 = s.mul(Tensor.scalar(Scalar.of(3.0)));
        assertEquals(0, s2.dim());
        assertEquals(6.0, s2.item().toDouble());
        assertArrayEquals(new float[] {2, 4}, s.mul(floats(1, 2)).toFloatArray());
        assertEquals(ScalarType.Double, Tensor.scalar(Scalar.of(1.0), ScalarType.Double).add(s).dtype());
        assertEquals(ScalarType.Float, floats(1).add(Tensor.scalar(Scalar.of(1.0), ScalarType.Double)).dtype());
    }

    @Test
    void inPlaceWritesThroughViews() {
        float[] data = new float[6];
        Tensor base = Tensor.of(data, 2, 3);
        Tensor row = base.select(0, 1);
        assertSame(row, Ops.add_(row, floats(1, 2, 3), Scalar.of(2L)));
        assertArrayEquals(new float[] {0, 0, 0, 2, 4, 6}, data);
        Ops.mul_(base.select(1, 2), Scalar.of(10L));
        assertArrayEquals(new float[] {0, 0, 0, 2, 4, 60}, data);
        Ops.neg_(base.t());
        assertArrayEquals(new float[] {-0f, -0f, -0f, -2, -4, -60}, data);
        Ops.relu_(base); // relu keeps -0.0, as std::max(a, 0) does
        Ops.exp_(base.narrow(1, 0, 1));
        assertArrayEquals(new float[] {1, -0f, -0f, 1, 0, 0}, data);
        Tensor m = arangeF(2, 2);
        Ops.add_(m, m, ONE);
        assertArrayEquals(new float[] {0, 2, 4, 6}, m.toFloatArray());
        Tensor halves = Tensor.zeros(ScalarType.Half, 2);
        Ops.add_(halves, floats(0.1f, 65520), ONE); // common Float, written back as half
        assertEquals(0.0999755859375, halves.getDouble(0));
        assertEquals(Double.POSITIVE_INFINITY, halves.getDouble(1));
    }

    @Test
    void reducedFloatsComputeInFloat() {
        Tensor h = Tensor.zeros(ScalarType.Half, 1);
        h.setDouble(1, 0);
        assertEquals(1.0009765625, h.add(Scalar.of(0x1p-10)).getDouble(0));
        assertEquals(1.0, h.add(Scalar.of(0x1p-11)).getDouble(0)); // tie rounds to even
        Tensor three = Tensor.full(Scalar.of(3L), ScalarType.Half, 1);
        // The scalar is read straight into float (ATen's CPU-scalar path), not rounded to half first.
        assertEquals(0.300048828125, three.mul(Scalar.of(0.1)).getDouble(0));
        Tensor bf = Tensor.full(Scalar.of(1.0), ScalarType.BFloat16, 1);
        assertEquals(1.0078125, bf.add(Scalar.of(0.0078125)).getDouble(0));
        assertEquals(ScalarType.BFloat16, bf.add(Scalar.of(0.0078125)).dtype());
    }

    @Test
    void addWithAlphaIsOneFusedMultiplyAdd() {
        float a = 1.0000001f;
        float b = 0.3f;
        float expected = Math.fma(b, 3f, a);
        assertEquals(expected, Ops.add(floats(a), floats(b), Scalar.of(3L)).toFloatArray()[0]);
        double da = 1.0000000000000002;
        assertEquals(Math.fma(0.1, -2.0, da),
                Ops.sub(Tensor.of(new double[] {da}), Tensor.of(new double[] {0.1}), Scalar.of(2L)).getDouble(0));
    }
}
