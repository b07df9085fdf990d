package kiln.frontend.pickle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Tensors rebuilt from {@code _rebuild_tensor_v2/_v3} over storages, and the checks on their extent. */
class TensorRebuildTest {
    private static final long[] NONE = {};

    /** Storages over zeroed memory of the declared size, one per key. */
    private static final class Storages implements Unpickler.PersistentLoader {
        final Map<String, Storage> byKey = new HashMap<>();

        @Override
        public PyValue load(PyValue id) {
            PyTuple tuple = (PyTuple) id;
            StorageClass type = (StorageClass) tuple.get(1);
            String key = ((PyStr) tuple.get(2)).value();
            long numel = ((PyInt) tuple.get(4)).value();
            return byKey.computeIfAbsent(key, k -> new Storage(k, type.dtype(), numel, "cpu",
                    () -> MemorySegment.ofArray(new byte[(int) Storage.byteSize(numel, type.dtype())])));
        }
    }

    private static PyValue load(byte[] pickle) {
        return new Unpickler("t/data.pkl", GlobalResolver.pytorch(), new Storages(), Unpickler.Limits.DEFAULT)
                .load(pickle);
    }

    private static byte[] oneTensor(String storageClass, long numel, long offset, long[] sizes, long[] strides) {
        return PickleBytes.protocol(2).tensor(storageClass, "0", numel, offset, sizes, strides).stop();
    }

    private static void refused(String expected, byte[] pickle) {
        PickleException e = assertThrows(PickleException.class, () -> load(pickle));
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected
                + "'");
        assertTrue(e.getMessage().contains("in t/data.pkl at offset"), e.getMessage());
    }

    @Test
    void rebuildsAStridedView() {
        TensorRef tensor = assertInstanceOf(TensorRef.class, load(oneTensor("DoubleStorage", 24, 2,
                new long[] {2, 3}, new long[] {1, 2})));
        assertEquals(DType.FLOAT64, tensor.dtype());
        assertEquals(List.of(2L, 3L), tensor.sizes());
        assertEquals(List.of(1L, 2L), tensor.strides());
        assertEquals(2, tensor.storageOffset());
        assertEquals(6, tensor.numel());
        assertFalse(tensor.isContiguous());
        assertEquals(24 * 8, tensor.storage().data().remaining());
        assertEquals(ByteOrder.LITTLE_ENDIAN, tensor.storage().data().order());
        assertThrows(IllegalStateException.class, tensor::contiguousData);
    }

    @Test
    void scalarsAndEmptyTensors() {
        TensorRef scalar = (TensorRef) load(oneTensor("LongStorage", 1, 0, NONE, NONE));
        assertEquals(0, scalar.dim());
        assertEquals(1, scalar.numel());
        assertEquals(8, scalar.contiguousData().remaining());
        TensorRef empty = (TensorRef) load(oneTensor("FloatStorage", 0, 0, new long[] {0, 5}, new long[] {5, 1}));
        assertEquals(0, empty.numel());
        assertEquals(0, empty.contiguousData().remaining());
    }

    @Test
    void tensorsOfOneKeyShareTheStorage() {
        byte[] pickle = PickleBytes.protocol(2).mark()
                .tensor("FloatStorage", "7", 10, 0, new long[] {5}, new long[] {1})
                .tensor("FloatStorage", "7", 10, 5, new long[] {5}, new long[] {1})
                .tuple().stop();
        PyTuple pair = (PyTuple) load(pickle);
        TensorRef first = (TensorRef) pair.get(0);
        TensorRef second = (TensorRef) pair.get(1);
        assertSame(first.storage(), second.storage());
        ByteBuffer tail = second.contiguousData();
        assertEquals(20, tail.remaining());
    }

    @Test
    void rebuildV3TakesTheDtypeFromItsArgument() {
        byte[] pickle = PickleBytes.protocol(2).global("torch._utils", "_rebuild_tensor_v3").mark()
                .mark().str("storage").global("torch.storage", "UntypedStorage").str("1").str("cpu").integer(16)
                .tuple().op('Q')
                .integer(0).mark().integer(2).tuple().mark().integer(1).tuple().op(0x89)
                .global("collections", "OrderedDict").op(')').reduce().global("torch", "uint64")
                .tuple().reduce().stop();
        TensorRef tensor = (TensorRef) load(pickle);
        assertEquals(DType.UINT64, tensor.dtype());
        assertEquals(DType.UINT8, tensor.storage().dtype());
        assertEquals(16, tensor.contiguousData().remaining());
    }

    @Test
    void sizesAndStridesBeyondTheStorageAreRefused() {
        refused("reaches byte 44 of storage '0', which has 40", oneTensor("FloatStorage", 10, 0,
                new long[] {11}, new long[] {1}));
        refused("reaches byte 40 of storage '0', which has 36", oneTensor("FloatStorage", 9, 0,
                new long[] {2, 5}, new long[] {5, 1}));
        refused("reaches byte 44", oneTensor("FloatStorage", 10, 9, new long[] {2}, new long[] {1}));
        refused("reaches byte 88", oneTensor("FloatStorage", 10, 0, new long[] {2, 2}, new long[] {20, 1}));
        refused("negative size or stride", oneTensor("FloatStorage", 10, 0, new long[] {2}, new long[] {-1}));
        refused("negative storage offset", oneTensor("FloatStorage", 10, -1, new long[] {2}, new long[] {1}));
        refused("has 2 sizes but 1 strides", oneTensor("FloatStorage", 10, 0, new long[] {2, 2}, new long[] {1}));
    }

    @Test
    void absurdElementCountsAreRefused() {
        refused("absurd tensor extent", oneTensor("FloatStorage", 10, 0, new long[] {1L << 40, 1L << 40},
                new long[] {1, 1}));
        refused("absurd tensor extent", oneTensor("FloatStorage", 10, Long.MAX_VALUE, new long[] {2},
                new long[] {1}));
        refused("absurd element count 4611686018427387904", oneTensor("FloatStorage", 1L << 62, 0,
                new long[] {1}, new long[] {1}));
    }

    @Test
    void malformedRebuildArgumentsAreRefused() {
        refused("_rebuild_tensor_v2: _rebuild_tensor_v2 takes 6 to 7 arguments, got 0",
                PickleBytes.protocol(2).global("torch._utils", "_rebuild_tensor_v2").op(')').reduce().stop());
        refused("storage must be Storage, got NoneType", PickleBytes.protocol(2)
                .global("torch._utils", "_rebuild_tensor_v2").mark().op('N').integer(0).op(')').op(')').op(0x89)
                .op('}').tuple().reduce().stop());
        refused("build_intlist: element of type str", PickleBytes.protocol(2)
                .global("torch.jit._pickle", "build_intlist").op(']').str("x").op('a').op(0x85).reduce().stop());
    }
}
