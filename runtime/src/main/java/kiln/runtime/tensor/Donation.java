package kiln.runtime.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kiln.dialects.torch.types.ScalarType;

/**
 * Buffer donation (XLA's word; PyTorch's static runtime reaches the same with its memory planner): the storages of
 * inputs that die at the op now running, which that op may write its output into instead of a fresh buffer. An
 * output written over an input it has just read saves the fresh buffer and, for large tensors, the read of the
 * destination that every store to memory not in cache costs (a quarter to a third of a memory-bound op's bytes).
 *
 * <p>The interpreter offers storages only around kernels that make their output in one elementwise pass
 * (reading each input element before writing the output element at the same index), and only storages that no
 * other value can reach. {@link Elementwise}'s output allocation takes an offered storage when an input over it
 * has exactly the output's dtype, sizes and strides, at offset 0, and covers it whole. Offers are per thread and
 * taken at most once.
 */
public final class Donation {
    private static final ThreadLocal<Storage[]> OFFERED = new ThreadLocal<>();
    private static final AtomicLong TAKEN = new AtomicLong();

    private Donation() {
    }

    /**
     * Offers {@code storages} to the output allocations on this thread until {@link #withdraw()}; a taken storage's
     * entry in the array becomes null.
     */
    public static void offer(Storage[] storages) {
        OFFERED.set(storages);
    }

    /** Ends this thread's offer. */
    public static void withdraw() {
        OFFERED.remove();
    }

    /** How many outputs were written over donated inputs so far (for tests and profiles). */
    public static long takenCount() {
        return TAKEN.get();
    }

    /**
     * An output tensor over the storage of one of {@code inputs} that was offered and fits exactly, or null. The
     * storage is marked taken in this thread's offer.
     */
    static Tensor take(List<Tensor> inputs, ScalarType dtype, long[] sizes, long[] strides) {
        Storage[] offered = OFFERED.get();
        if (offered == null) {
            return null;
        }
        for (Tensor t : inputs) {
            for (int i = 0; i < offered.length; i++) {
                Storage s = offered[i];
                if (s != null && t.storage() == s && fits(t, dtype, sizes, strides)) {
                    offered[i] = null;
                    TAKEN.incrementAndGet();
                    return Tensor.fromStorage(s, dtype, sizes, strides, 0);
                }
            }
        }
        return null;
    }

    private static boolean fits(Tensor t, ScalarType dtype, long[] sizes, long[] strides) {
        return t.dtype() == dtype && t.storageOffset() == 0 && Arrays.equals(t.sizesRaw(), sizes)
                && Arrays.equals(t.stridesRaw(), strides)
                && t.storage().byteSize() == Shapes.numel(sizes) * dtype.itemSize();
    }
}
