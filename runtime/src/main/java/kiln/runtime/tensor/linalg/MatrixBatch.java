package kiln.runtime.tensor.linalg;

import java.util.Arrays;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.TorchException;

/**
 * A tensor's matrices (its last two dims) as row-major double arrays, one per batch index, and the way back:
 * the shared frame of every decomposition, which works on one double matrix at a time.
 */
record MatrixBatch(long[] batch, int rows, int cols, double[][] matrices) {

    /** The matrices of {@code t}, which must have at least 2 dims and a floating dtype. */
    static MatrixBatch of(Tensor t, String fn) {
        if (t.dim() < 2) {
            throw TorchException.runtime(fn + ": The input tensor A must have at least 2 dimensions.");
        }
        checkFloating(t, fn);
        if (!(t.dtype() != ScalarType.Half && t.dtype() != ScalarType.BFloat16)) {
            throw TorchException.runtime(fn
                + ": Low precision dtypes not supported. Got " + t.dtype());
        }
        long[] sizes = t.sizes();
        int rows = Math.toIntExact(sizes[sizes.length - 2]);
        int cols = Math.toIntExact(sizes[sizes.length - 1]);
        long[] batch = Arrays.copyOf(sizes, sizes.length - 2);
        double[] all = t.toDoubleArray();
        int count = Math.toIntExact(all.length / Math.max(1L, (long) rows * cols));
        if (rows * cols == 0) {
            count = Math.toIntExact(count(batch));
        }
        double[][] matrices = new double[count][];
        for (int b = 0; b < count; b++) {
            matrices[b] = Arrays.copyOfRange(all, b * rows * cols, (b + 1) * rows * cols);
        }
        return new MatrixBatch(batch, rows, cols, matrices);
    }

    /** The matrices of {@code t}, which must be square. */
    static MatrixBatch square(Tensor t, String fn) {
        MatrixBatch m = of(t, fn);
        if (m.rows != m.cols) {
            throw TorchException.runtime(fn + ": A must be batches of square matrices, but they are "
                + m.rows + " by " + m.cols + " matrices");
        }
        return m;
    }

    static void checkFloating(Tensor t, String fn) {
        if (!t.dtype().isFloatingPoint()) {
            throw TorchException.runtime(fn
                + ": Expected a floating point or complex tensor as input. Got " + t.dtype());
        }
    }

    static long count(long[] batch) {
        long n = 1;
        for (long s : batch) {
            n *= s;
        }
        return n;
    }

    int size() {
        return matrices.length;
    }

    /** The tensor of shape {@code batch + tail} whose batch entries are {@code parts}, in {@code dtype}. */
    static Tensor assemble(long[] batch, long[] tail, double[][] parts, ScalarType dtype) {
        long per = count(tail);
        double[] all = new double[Math.toIntExact(per * parts.length)];
        for (int b = 0; b < parts.length; b++) {
            System.arraycopy(parts[b], 0, all, Math.toIntExact(b * per), Math.toIntExact(per));
        }
        return Tensor.of(all).reshape(shape(batch, tail)).to(dtype);
    }

    /** A 0-dim float64 tensor (for tolerances). */
    static Tensor scalar(double v) {
        return Tensor.of(new double[] {v}).reshape();
    }

    /** An integer tensor (pivots, infos, ranks) of shape {@code batch + tail}. */
    static Tensor assembleInts(long[] batch, long[] tail, int[][] parts, ScalarType dtype) {
        long per = count(tail);
        long[] all = new long[Math.toIntExact(per * parts.length)];
        for (int b = 0; b < parts.length; b++) {
            for (int i = 0; i < per; i++) {
                all[Math.toIntExact(b * per + i)] = parts[b][i];
            }
        }
        return Tensor.of(all).reshape(shape(batch, tail)).to(dtype);
    }

    static long[] shape(long[] batch, long... tail) {
        long[] s = Arrays.copyOf(batch, batch.length + tail.length);
        System.arraycopy(tail, 0, s, batch.length, tail.length);
        return s;
    }

    /** Shape {@code batch + tail}. */
    long[] with(long... tail) {
        return shape(batch, tail);
    }

    /** The broadcast of two batch shapes, as {@code torch.broadcast_shapes}. */
    static long[] broadcast(long[] a, long[] b) {
        int n = Math.max(a.length, b.length);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long x = i < n - a.length ? 1 : a[i - (n - a.length)];
            long y = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (!(x == y || x == 1 || y == 1)) {
                throw TorchException.runtime("The size of tensor a (" + x
                    + ") must match the size of tensor b (" + y + ") at non-singleton dimension " + i);
            }
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    /** {@code t} with its batch dims expanded to {@code batch}, keeping its last two dims. */
    static Tensor expandBatch(Tensor t, long[] batch) {
        return t.expand(shape(batch, t.size(-2), t.size(-1)));
    }
}
