package kiln.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Shared assertions for tensor tests: layouts and PyTorch error messages. */
final class Assertions2 {
    private Assertions2() {
    }

    /** Sizes, strides and storage offset, as PyTorch reports {@code size()}, {@code stride()}, {@code storage_offset()}. */
    static void assertLayout(Tensor t, long[] sizes, long[] strides, long offset) {
        assertArrayEquals(sizes, t.sizes(), "sizes");
        assertArrayEquals(strides, t.strides(), "strides");
        assertEquals(offset, t.storageOffset(), "storage offset");
    }

    /** Float32 {@code 0, 1, ..., n-1} in {@code shape}. */
    static Tensor arange(int n, long... shape) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return Tensor.of(v, shape);
    }

    static long[] l(long... values) {
        return values;
    }

    /** The call fails with PyTorch's exception class and exact message. */
    static void assertTorchError(TorchException.Kind kind, String message, Executable call) {
        TorchException e = assertThrows(TorchException.class, call);
        assertEquals(message, e.getMessage());
        assertEquals(kind, e.kind(), () -> "kind of: " + e.getMessage());
    }

    static void assertRuntimeError(String message, Executable call) {
        assertTorchError(TorchException.Kind.RUNTIME_ERROR, message, call);
    }

    static void assertIndexError(String message, Executable call) {
        assertTorchError(TorchException.Kind.INDEX_ERROR, message, call);
    }

    /** A contiguous float32 tensor holding 0, 1, 2, ... */
    static Tensor arangeF(long... sizes) {
        long n = Shapes.numel(sizes);
        float[] data = new float[(int) n];
        for (int i = 0; i < n; i++) {
            data[i] = i;
        }
        return Tensor.of(data, sizes);
    }
}
