package kiln.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import org.junit.jupiter.api.Test;

/** Tensors from and to arrays, buffers and segments: shapes, dtypes, and which ways share memory. */
class TensorTest {

    @Test
    void arraysAreWrappedWithoutCopying() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.fromArray(data, 2, 3);
        assertEquals(DType.FLOAT32, t.dtype());
        assertArrayEquals(new long[] {2, 3}, t.shape());
        assertArrayEquals(new long[] {3, 1}, t.strides());
        assertEquals(6, t.numel());
        assertEquals(2, t.dim());
        data[4] = 50;
        t.markModified();
        assertEquals(50, t.getDouble(1, 1));
        assertEquals(50, t.getDouble(-1, -2));
        assertArrayEquals(new float[] {1, 2, 3, 4, 50, 6}, t.toFloatArray());
        assertArrayEquals(new long[] {6}, Tensor.fromArray(data).shape(), "no shape: 1-d");
    }

    @Test
    void everyArrayTypeHasItsDtype() {
        assertEquals(DType.FLOAT64, Tensor.fromArray(new double[] {1}).dtype());
        assertEquals(DType.INT64, Tensor.fromArray(new long[] {1}).dtype());
        assertEquals(DType.INT32, Tensor.fromArray(new int[] {1}).dtype());
        assertEquals(DType.BOOL, Tensor.fromArray(new boolean[] {true, false}).dtype());
        assertEquals(DType.UINT8, Tensor.fromArray(new byte[] {(byte) 200}, DType.UINT8).dtype());
        assertEquals(200, Tensor.fromArray(new byte[] {(byte) 200}, DType.UINT8).getLong(0));
        assertEquals(-56, Tensor.fromArray(new byte[] {(byte) 200}, DType.INT8).getLong(0));
        Tensor half = Tensor.fromArray(new short[] {0x3c00, (short) 0xc000}, DType.FLOAT16);
        assertArrayEquals(new float[] {1, -2}, half.toFloatArray());
        assertArrayEquals(new short[] {0x3c00, (short) 0xc000}, half.toShortArray());
        assertArrayEquals(new boolean[] {true, false}, Tensor.fromArray(new boolean[] {true, false}).toBooleanArray());
    }

    @Test
    void aShapeMustFitTheData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.fromArray(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.fromArray(new short[2], DType.INT32));
    }

    @Test
    void nativeOrderBuffersAreViews() {
        ByteBuffer bytes = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        FloatBuffer floats = bytes.asFloatBuffer();
        floats.put(new float[] {1, 2, 3, 4}).flip();
        Tensor t = Tensor.fromBuffer(floats, 2, 2);
        floats.put(3, 40);
        t.markModified();
        assertArrayEquals(new float[] {1, 2, 3, 40}, t.toFloatArray());
        assertEquals(0, floats.position(), "the buffer's position is left alone");

        Tensor fromBytes = Tensor.fromBuffer(bytes, DType.INT32, 4);
        assertEquals(Float.floatToIntBits(40), fromBytes.getLong(3));

        LongBuffer heap = LongBuffer.wrap(new long[] {7, 8, 9});
        heap.position(1);
        assertArrayEquals(new long[] {8, 9}, Tensor.fromBuffer(heap).toLongArray(), "the remaining elements");
    }

    @Test
    void otherByteOrdersAreConvertedCopies() {
        ByteBuffer big = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        big.asFloatBuffer().put(new float[] {1.5f, -2});
        Tensor t = Tensor.fromBuffer(big.asFloatBuffer());
        assertArrayEquals(new float[] {1.5f, -2}, t.toFloatArray());
        Tensor viaBytes = Tensor.fromBuffer(big, DType.FLOAT32, 2);
        assertArrayEquals(new float[] {1.5f, -2}, viaBytes.toFloatArray());
        big.putFloat(0, 9);
        assertEquals(1.5, viaBytes.getDouble(0), "a copy, not a view");
    }

    @Test
    void segmentsAreViewsAndStridesAreChecked() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(6 * 8, 64);
            for (int i = 0; i < 6; i++) {
                s.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i);
            }
            Tensor t = Tensor.fromSegment(s, DType.FLOAT64, 2, 3);
            assertEquals(5, t.getDouble(1, 2));
            Tensor transposed = Tensor.fromSegment(s, DType.FLOAT64, new long[] {3, 2}, new long[] {1, 3}, 0);
            assertFalse(transposed.isContiguous());
            assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, transposed.toDoubleArray());
            assertThrows(RuntimeException.class,
                    () -> Tensor.fromSegment(s, DType.FLOAT64, new long[] {3, 3}, new long[] {3, 1}, 0));

            assertEquals(s.address(), t.asSegment().address(), "contiguous: asSegment is a view");
            MemorySegment copied = transposed.asSegment();
            assertTrue(copied.address() != s.address());
            assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, copied.toArray(ValueLayout.JAVA_DOUBLE));
            assertEquals(4.0, t.asByteBuffer().asDoubleBuffer().get(4));
        }
    }

    @Test
    void byteBuffersOfHeapTensorsAreCopiesWhereJavaCannotView() {
        float[] data = {1, 2, 3};
        Tensor t = Tensor.fromArray(data);
        FloatBuffer view = t.asByteBuffer().asFloatBuffer();
        assertEquals(3, view.remaining());
        assertEquals(2, view.get(1));
        byte[] bytes = {1, 2, 3};
        ByteBuffer shared = Tensor.fromArray(bytes, DType.UINT8).asByteBuffer();
        shared.put(0, (byte) 9);
        assertEquals(9, bytes[0], "a byte[] tensor's buffer is a view");
        assertArrayEquals(new byte[] {9, 2, 3}, Tensor.fromArray(bytes, DType.UINT8).toByteArray());
    }

    @Test
    void freshTensorsAndCopies() {
        Tensor z = Tensor.zeros(DType.INT64, 2, 2);
        assertArrayEquals(new long[] {0, 0, 0, 0}, z.toLongArray());
        Tensor scalar = Tensor.full(DType.FLOAT32, 2.5);
        assertEquals(0, scalar.dim());
        assertEquals(new Value.Float(2.5), scalar.item());
        assertEquals(new Value.Int(7), Tensor.full(DType.INT32, 7, 1).item());
        assertEquals(new Value.Bool(true), Tensor.full(DType.BOOL, 1).item());

        float[] data = {1, 2};
        Tensor copy = Tensor.fromArray(data).copy();
        data[0] = 100;
        assertEquals(1, copy.getDouble(0));
        assertTrue(copy.asSegment().isNative());
    }

    @Test
    void reprIsPyTorchs() {
        assertEquals("tensor([[1., 2.],\n        [3., 4.]])", Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2).toString());
        assertEquals("Tensor", Tensor.zeros(DType.FLOAT32).typeName());
    }

    @Test
    void runtimeInteropSharesMemory() {
        float[] data = {1, 2};
        Tensor t = Tensor.fromArray(data);
        kiln.runtime.tensor.Tensor runtime = t.unwrap();
        assertEquals(2, runtime.numel());
        Tensor back = Tensor.wrap(runtime.mul(Tensor.fromArray(new float[] {3, 3}).unwrap()));
        assertArrayEquals(new float[] {3, 6}, back.toFloatArray());
        assertSame(t, t.toTensor());
    }

    @Test
    void dtypesByPythonName() {
        assertEquals(DType.FLOAT32, DType.fromPythonName("torch.float32").orElseThrow());
        assertEquals(DType.INT64, DType.fromPythonName("long").orElseThrow());
        assertTrue(DType.fromPythonName("complex64").isEmpty());
        assertEquals("torch.bfloat16", DType.BFLOAT16.toString());
        assertEquals(2, DType.BFLOAT16.byteSize());
    }
}
