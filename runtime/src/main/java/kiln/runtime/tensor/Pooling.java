package kiln.runtime.tensor;

import java.util.Arrays;

import kiln.dialects.torch.types.ScalarType;

/**
 * Pooling over the last 1, 2 or 3 dims, one window machinery for all of them: max (with PyTorch's flat indices;
 * NaN wins), average ({@code ceil_mode}, padding counted or not, a divisor override), adaptive max and average,
 * and {@code max_unpool}. A window is the cartesian product of its per-dim input positions ({@link Taps}).
 */
public final class Pooling {
    private Pooling() {
    }

    /** For each output position along one dim: the input positions it reads, and its size counting padding. */
    private record Taps(int[][] positions, long[] padded) {
        int outputs() {
            return positions.length;
        }

        /** Sliding windows: {@code kernel} positions {@code dilation} apart, from {@code o * stride - pad}. */
        static Taps sliding(long in, long out, long kernel, long stride, long pad, long dilation) {
            int[][] positions = new int[(int) out][];
            long[] padded = new long[(int) out];
            for (int o = 0; o < out; o++) {
                long start = o * stride - pad;
                padded[o] = Math.min(start + kernel, in + pad) - start;
                positions[o] = java.util.stream.LongStream.range(0, kernel).map(j -> start + j * dilation)
                        .filter(i -> i >= 0 && i < in).mapToInt(i -> (int) i).toArray();
            }
            return new Taps(positions, padded);
        }

        /** Adaptive windows: {@code [floor(o * in / out), ceil((o + 1) * in / out))}. */
        static Taps adaptive(long in, long out) {
            int[][] positions = new int[(int) out][];
            long[] padded = new long[(int) out];
            for (int o = 0; o < out; o++) {
                int start = (int) Math.floorDiv(o * in, out);
                int end = (int) -Math.floorDiv(-(o + 1) * in, out);
                positions[o] = java.util.stream.IntStream.range(start, end).toArray();
                padded[o] = end - start;
            }
            return new Taps(positions, padded);
        }
    }

    /** The windows of every output position, as flat offsets into one input plane, row-major over the outputs. */
    private record Windows(int[][] offsets, long[] padded, long[] outSizes) {
        static Windows of(long[] inSizes, Taps[] taps) {
            int rank = taps.length;
            long[] outSizes = new long[rank];
            int total = 1;
            for (int d = 0; d < rank; d++) {
                outSizes[d] = taps[d].outputs();
                total *= taps[d].outputs();
            }
            int[][] offsets = new int[total][];
            long[] padded = new long[total];
            int[] pos = new int[rank];
            for (int o = 0; o < total; o++) {
                int[] window = {0};
                long size = 1;
                for (int d = 0; d < rank; d++) {
                    int[] along = taps[d].positions()[pos[d]];
                    int[] next = new int[window.length * along.length];
                    for (int i = 0; i < window.length; i++) {
                        for (int j = 0; j < along.length; j++) {
                            next[i * along.length + j] = (int) (window[i] * inSizes[d] + along[j]);
                        }
                    }
                    window = next;
                    size *= taps[d].padded()[pos[d]];
                }
                offsets[o] = window;
                padded[o] = size;
                for (int d = rank - 1; d >= 0 && ++pos[d] == outSizes[d]; d--) {
                    pos[d] = 0;
                }
            }
            return new Windows(offsets, padded, outSizes);
        }
    }

    /** {@code v} at {@code i}, a single value standing for every dim. */
    private static long param(long[] v, int i) {
        return v.length == 1 ? v[0] : v[i];
    }

    /** The input's last {@code rank} sizes, after ATen's checks that it is (batched) {@code rank}-d. */
    private static long[] spatial(Tensor self, int rank, String op) {
        if (!(self.dim() == rank + 1 || self.dim() == rank + 2)) {
            throw TorchException.runtime(op + ": Expected " + (rank + 1)
                + "D or " + (rank + 2) + "D input, but got input of size: " + Shapes.str(self.sizesRaw()));
        }
        for (int d = 1; d < self.dim(); d++) {
            if (self.size(d) <= 0) {
                throw TorchException.runtime(op + ": Expected input's non-batch dimensions to have positive "
                    + "length, but input has a shape of " + Shapes.str(self.sizesRaw()));
            }
        }
        return Arrays.copyOfRange(self.sizesRaw(), self.dim() - rank, self.dim());
    }

    /** PyTorch's {@code pooling_output_shape}. */
    private static long outputSize(long in, long kernel, long pad, long stride, long dilation, boolean ceil) {
        long out = Math.floorDiv(in + 2 * pad - dilation * (kernel - 1) - 1 + (ceil ? stride - 1 : 0), stride) + 1;
        if (ceil && (out - 1) * stride >= in + pad) {
            out--;
        }
        return out;
    }

    private static Taps[] slidingTaps(long[] in, long[] kernel, long[] stride, long[] padding, long[] dilation,
            boolean ceil) {
        Taps[] taps = new Taps[in.length];
        long[] outs = new long[in.length];
        for (int d = 0; d < in.length; d++) {
            long k = param(kernel, d);
            long s = stride.length == 0 ? k : param(stride, d);
            long p = param(padding, d);
            long dil = param(dilation, d);
            if (!(k > 0 && s > 0 && dil > 0)) {
                throw TorchException.runtime("kernel size, stride and dilation should be greater than "
                    + "zero");
            }
            if (p > ((k - 1) * dil + 1) / 2) {
                throw TorchException.runtime("pad should be at most half of effective kernel "
                    + "size, but got pad=" + p + ", kernel_size=" + k + " and dilation=" + dil);
            }
            outs[d] = outputSize(in[d], k, p, s, dil, ceil);
            taps[d] = Taps.sliding(in[d], outs[d], k, s, p, dil);
        }
        if (!Arrays.stream(outs).allMatch(o -> o >= 1)) {
            throw TorchException.runtime("Given input size: "
                + Shapes.pythonTuple(in) + ". Calculated output size: " + Shapes.pythonTuple(outs)
                + ". Output size is too small");
        }
        return taps;
    }

    private static long[] outShape(Tensor self, long[] outSizes) {
        long[] shape = self.sizes();
        System.arraycopy(outSizes, 0, shape, shape.length - outSizes.length, outSizes.length);
        return shape;
    }

    /** The maximum of each window and its flat index in the plane; a NaN replaces any value (the last NaN wins). */
    private static Tensor[] max(Tensor self, long[] in, Taps[] taps) {
        Windows w = Windows.of(in, taps);
        if (self.dtype() == ScalarType.Float) {
            return maxFloat(self, in, w);
        }
        double[] x = self.toDoubleArray();
        int inPlane = (int) Shapes.numel(in);
        int outPlane = w.offsets().length;
        int planes = inPlane == 0 ? 0 : x.length / inPlane;
        double[] values = new double[planes * outPlane];
        long[] indices = new long[values.length];
        for (int p = 0; p < planes; p++) {
            for (int o = 0; o < outPlane; o++) {
                int[] window = w.offsets()[o];
                double best = Double.NEGATIVE_INFINITY;
                int arg = window.length == 0 ? 0 : window[0];
                for (int off : window) {
                    double v = x[p * inPlane + off];
                    if (v > best || Double.isNaN(v)) {
                        best = v;
                        arg = off;
                    }
                }
                values[p * outPlane + o] = best;
                indices[p * outPlane + o] = arg;
            }
        }
        long[] shape = outShape(self, w.outSizes());
        return new Tensor[] {Reductions.result(values, shape, self.dtype()),
                Reductions.result(indices, shape, ScalarType.Long)};
    }

    /** {@link #max} of float32 planes in float (a maximum rounds nothing), the planes split over the threads. */
    private static Tensor[] maxFloat(Tensor self, long[] in, Windows w) {
        float[] x = self.toFloatArray();
        int inPlane = (int) Shapes.numel(in);
        int outPlane = w.offsets().length;
        int planes = inPlane == 0 ? 0 : x.length / inPlane;
        float[] values = new float[planes * outPlane];
        long[] indices = new long[values.length];
        Parallel.forEach(planes, Parallel.threadsFor((long) x.length, 1L << 16), p -> {
            for (int o = 0; o < outPlane; o++) {
                int[] window = w.offsets()[o];
                float best = Float.NEGATIVE_INFINITY;
                int arg = window.length == 0 ? 0 : window[0];
                for (int off : window) {
                    float v = x[p * inPlane + off];
                    if (v > best || Float.isNaN(v)) {
                        best = v;
                        arg = off;
                    }
                }
                values[p * outPlane + o] = best;
                indices[p * outPlane + o] = arg;
            }
        });
        long[] shape = outShape(self, w.outSizes());
        return new Tensor[] {Tensor.copyOf(values, shape), Views.view(Tensor.of(indices), shape)};
    }

    /** {@code max_pool{1,2,3}d_with_indices}. */
    public static Tensor[] maxPool(Tensor self, int rank, long[] kernel, long[] stride, long[] padding,
            long[] dilation, boolean ceil) {
        long[] in = spatial(self, rank, "max_pool" + rank + "d");
        return max(self, in, slidingTaps(in, kernel, stride, padding, dilation, ceil));
    }

    /** {@code adaptive_max_pool{1,2,3}d}: values and indices. */
    public static Tensor[] adaptiveMaxPool(Tensor self, long[] outputSize) {
        long[] in = spatial(self, outputSize.length, "adaptive_max_pool" + outputSize.length + "d");
        return max(self, in, adaptiveTaps(in, outputSize));
    }

    private static Taps[] adaptiveTaps(long[] in, long[] outputSize) {
        Taps[] taps = new Taps[in.length];
        for (int d = 0; d < in.length; d++) {
            TorchException.check(outputSize[d] >= 0, "adaptive pooling: output_size must be non-negative");
            taps[d] = Taps.adaptive(in[d], outputSize[d]);
        }
        return taps;
    }

    /** Each window's sum over {@code divisor(window)}; integer dtypes divide as C++ does (truncating). */
    private static Tensor average(Tensor self, long[] in, Taps[] taps, Long divisorOverride,
            boolean countIncludePad) {
        Windows w = Windows.of(in, taps);
        int inPlane = (int) Shapes.numel(in);
        int outPlane = w.offsets().length;
        boolean integral = !self.dtype().isFloatingPoint();
        double[] x = integral ? null : self.toDoubleArray();
        long[] xl = integral ? self.toLongArray() : null;
        int planes = inPlane == 0 ? 0 : (int) (self.numel() / inPlane);
        double[] values = new double[integral ? 0 : planes * outPlane];
        long[] longs = new long[integral ? planes * outPlane : 0];
        for (int p = 0; p < planes; p++) {
            for (int o = 0; o < outPlane; o++) {
                int[] window = w.offsets()[o];
                long divisor = divisorOverride != null ? divisorOverride
                        : countIncludePad ? w.padded()[o] : window.length;
                if (integral) {
                    long s = 0;
                    for (int off : window) {
                        s += xl[p * inPlane + off];
                    }
                    longs[p * outPlane + o] = s / divisor;
                } else {
                    double s = 0;
                    for (int off : window) {
                        s += x[p * inPlane + off];
                    }
                    values[p * outPlane + o] = s / divisor;
                }
            }
        }
        long[] shape = outShape(self, w.outSizes());
        return integral ? Reductions.result(longs, shape, self.dtype())
                : Reductions.result(values, shape, self.dtype());
    }

    /** {@code avg_pool{1,2,3}d}. */
    public static Tensor avgPool(Tensor self, int rank, long[] kernel, long[] stride, long[] padding, boolean ceil,
            boolean countIncludePad, Long divisorOverride) {
        TorchException.check(divisorOverride == null || divisorOverride != 0, "divisor must be not zero");
        long[] in = spatial(self, rank, "avg_pool" + rank + "d");
        return average(self, in, slidingTaps(in, kernel, stride, padding, new long[] {1}, ceil), divisorOverride,
                countIncludePad);
    }

    /** {@code adaptive_avg_pool{1,2,3}d}. */
    public static Tensor adaptiveAvgPool(Tensor self, long[] outputSize) {
        long[] in = spatial(self, outputSize.length, "adaptive_avg_pool" + outputSize.length + "d");
        return average(self, in, adaptiveTaps(in, outputSize), null, true);
    }

    /** {@code max_unpool{2,3}d}: zeros of the output size with each value written at its flat plane index. */
    public static Tensor maxUnpool(Tensor self, Tensor indices, long[] outputSize) {
        int rank = outputSize.length;
        if (indices.dtype() != ScalarType.Long) {
            throw TorchException.runtime("elements in indices should be type int64 but got: "
                + indices.dtype());
        }
        if (!Arrays.equals(self.sizesRaw(), indices.sizesRaw())) {
            throw TorchException.runtime("Expected shape of indices to be "
                + "same as that of the input tensor (" + Shapes.str(self.sizesRaw()) + ") but got indices tensor "
                + "with shape: " + Shapes.str(indices.sizesRaw()));
        }
        spatial(self, rank, "max_unpooling" + rank + "d");
        long inPlane = Shapes.numel(Arrays.copyOfRange(self.sizesRaw(), self.dim() - rank, self.dim()));
        long outPlane = Shapes.numel(outputSize);
        double[] x = self.toDoubleArray();
        long[] idx = indices.toLongArray();
        int planes = inPlane == 0 ? 0 : (int) (x.length / inPlane);
        double[] out = new double[(int) (planes * outPlane)];
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < inPlane; i++) {
                long at = idx[(int) (p * inPlane + i)];
                if (!(at >= 0 && at < outPlane)) {
                    throw TorchException.runtime("Found an invalid max index: " + at
                        + " (output volumes are of size " + String.join("x", Arrays.stream(outputSize)
                        .mapToObj(Long::toString).toList()) + ")");
                }
                out[(int) (p * outPlane + at)] = x[(int) (p * inPlane + i)];
            }
        }
        return Reductions.result(out, outShape(self, outputSize), self.dtype());
    }
}
