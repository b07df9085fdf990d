package kiln.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import kiln.dialects.torch.types.ScalarType;
import org.junit.jupiter.api.Test;

/** Storage allocation, the buffer pool, and zero-copy interop with Java arrays and segments. */
class StorageTest {
    @Test
    void freshStorageIsAlignedOffHeap() {
        for (long bytes : new long[] {1, 100, 4096, 3 << 20}) {
            Storage s = Storage.allocate(bytes);
            assertTrue(s.segment().isNative());
            assertEquals(0, s.segment().address() % Storage.ALIGNMENT, "alignment of " + bytes + " bytes");
            assertEquals(bytes, s.byteSize());
        }
        assertTrue(Tensor.empty(ScalarType.Float, 1 << 20).storage().isPooled());
        assertFalse(Tensor.empty(ScalarType.Float, 16).storage().isPooled());
    }

    @Test
    void sizeClassesHaveAtMostAQuarterOfSlack() {
        assertEquals(1L << 20, BufferPool.sizeClass(1L << 20));
        assertEquals(5L << 18, BufferPool.sizeClass((1L << 20) + 1));
        assertEquals(6L << 18, BufferPool.sizeClass((5L << 18) + 1));
        assertEquals(2L << 20, BufferPool.sizeClass((7L << 18) + 1));
        for (long bytes = 1 << 20; bytes < 1 << 24; bytes += 98_765) {
            long c = BufferPool.sizeClass(bytes);
            assertTrue(c >= bytes && c <= bytes * 1.25 + 1, bytes + " -> " + c);
        }
    }

    @Test
    void releasedBuffersAreReusedAndOldViewsFailWhenChecked() {
        BufferPool pool = new BufferPool(1024, 1 << 20, 1 << 20, true);
        Storage first = pool.allocate(4000);
        MemorySegment firstSegment = first.segment();
        Tensor t = Tensor.fromStorage(first, ScalarType.Float, new long[] {1000}, new long[] {1}, 0);
        t.setDouble(1, 0);
        first.release();
        first.release();
        assertFalse(first.isPooled());
        assertThrows(IllegalStateException.class, () -> t.getDouble(0));
        Storage second = pool.allocate(4096);
        assertEquals(1, pool.reusedCount());
        assertEquals(firstSegment.address(), second.segment().address());
        Storage small = pool.allocate(100);
        assertFalse(small.isPooled());
        assertEquals(1, pool.allocatedCount());
    }

    @Test
    void checkedLoansArePoisoned() {
        BufferPool pool = new BufferPool(1024, 1 << 20, 1 << 20, true);
        Storage s = pool.allocate(4096);
        Tensor t = Tensor.fromStorage(s, ScalarType.Float, new long[] {1024}, new long[] {1}, 0);
        assertTrue(Double.isNaN(t.getDouble(0)) && Double.isNaN(t.getDouble(1023)));
    }

    @Test
    void uncheckedLoansOfSmallBuffersAreViewsOfThePooledBuffer() {
        BufferPool pool = new BufferPool(1024, 1 << 20, 1 << 20, false);
        Storage first = pool.allocate(4000);
        long address = first.segment().address();
        first.segment().set(ValueLayout.JAVA_INT, 0, 42);
        first.release();
        assertFalse(first.isPooled());
        Storage second = pool.allocate(3900);
        assertEquals(address, second.segment().address());
        assertEquals(3900, second.byteSize());
        assertEquals(42, second.segment().get(ValueLayout.JAVA_INT, 0), "a reused buffer is not cleared");
        assertEquals(1, pool.reusedCount());
    }

    @Test
    void unreachableBuffersComeBack() throws InterruptedException {
        BufferPool pool = new BufferPool(1024, 1 << 20);
        pool.allocate(8192);
        for (int i = 0; i < 100 && pool.pooledBytes() == 0; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(8192, pool.pooledBytes());
        pool.allocate(8000);
        assertEquals(1, pool.reusedCount());
        assertEquals(0, pool.pooledBytes());
    }

    @Test
    void hugePageBuffersAreAlignedAndPacedByCollections() {
        BufferPool pool = new BufferPool(1024, 1L << 30, 8L << 20);
        for (int i = 0; i < 24; i++) {
            Storage s = pool.allocate(4L << 20);
            s.segment().set(ValueLayout.JAVA_BYTE, (4L << 20) - 1, (byte) 1);
            if (HugePages.AVAILABLE) {
                assertEquals(0, s.segment().address() % HugePages.HUGE_PAGE);
            }
        }
        if (HugePages.AVAILABLE) {
            assertTrue(pool.collectionCount() > 0);
            assertTrue(pool.reusedCount() > 0, "unreachable buffers were lent again");
            assertTrue(pool.mappedBytes() <= 48L << 20, pool.mappedBytes() + " bytes mapped");
        }
    }

    @Test
    void thePoolKeepsAtMostItsLimitOfMappedBuffers() {
        BufferPool pool = new BufferPool(1024, 5L << 20);
        Storage a = pool.allocate(4L << 20);
        Storage b = pool.allocate(4L << 20);
        a.release();
        b.release();
        assertEquals(4L << 20, pool.pooledBytes());
    }

    @Test
    void smallBuffersAreCarvedFromHugePageSlabsAndKept() {
        BufferPool pool = new BufferPool(1024, 1 << 20);
        Storage a = pool.allocate(8192);
        Storage b = pool.allocate(8192);
        if (HugePages.AVAILABLE) {
            assertEquals(a.segment().address() + 8192, b.segment().address(), "carved one after the other");
            assertEquals(BufferPool.SLAB_BYTES, pool.mappedBytes());
        }
        assertEquals(16384, pool.heldBytes());
        a.release();
        b.release();
        assertEquals(16384, pool.pooledBytes());
        assertEquals(16384, pool.heldBytes(), "released buffers stay held, in the free lists");
    }

    @Test
    void carvingStopsAtThePoolsLimit() {
        BufferPool pool = new BufferPool(1024, 20_000);
        for (int i = 0; i < 4; i++) {
            pool.allocate(8192);
        }
        if (HugePages.AVAILABLE) {
            assertEquals(BufferPool.SLAB_BYTES, pool.mappedBytes(), "one slab, the rest from arenas");
        }
        assertEquals(4, pool.allocatedCount());
    }

    @Test
    void arraysAreWrappedNotCopied() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.of(data, 2, 3);
        t.setDouble(9, 1, 2);
        assertEquals(9f, data[5]);
        data[0] = -1;
        assertEquals(-1.0, t.getDouble(0, 0));
        long[] longs = {1, 2};
        Tensor.of(longs).add(Tensor.of(new long[] {1, 1})).toLongArray();
        Ops.add_(Tensor.of(longs), Scalar.of(1L), Scalar.of(1L));
        assertArrayEquals(new long[] {2, 3}, longs);
        short[] halfBits = {Float.floatToFloat16(1.5f)};
        assertEquals(1.5, Tensor.of(halfBits, ScalarType.Half).getDouble(0));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new short[] {1}, ScalarType.Float));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(data, 4, 2));
    }

    @Test
    void segmentsAreWrappedAndExposed() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(6 * Double.BYTES, 64);
            for (int i = 0; i < 6; i++) {
                seg.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i * 1.5);
            }
            Tensor t = Tensor.fromSegment(seg, ScalarType.Double, 2, 3);
            assertEquals(7.5, t.getDouble(1, 2));
            Ops.mul_(t, Scalar.of(2L));
            assertEquals(15.0, seg.getAtIndex(ValueLayout.JAVA_DOUBLE, 5));
            Tensor strided = Tensor.fromSegment(seg, ScalarType.Double, new long[] {3}, new long[] {2}, 1);
            assertArrayEquals(new double[] {3, 9, 15}, strided.toDoubleArray());
            assertEquals(5 * Double.BYTES, strided.dataSegment().byteSize());
            assertEquals(seg.address() + Double.BYTES, strided.dataSegment().address());
            assertThrows(TorchException.class, () -> Tensor.fromSegment(seg, ScalarType.Double, new long[] {4},
                    new long[] {2}, 0));
        }
    }
}
