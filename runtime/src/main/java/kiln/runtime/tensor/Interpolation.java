package kiln.runtime.tensor;

import java.util.Arrays;

import kiln.dialects.torch.types.ScalarType;

/**
 * {@code F.interpolate}'s kernels ({@code upsample_*}): one separable core for 1, 2 and 3 spatial dims. Each mode
 * gives, per spatial dim and output position, the input positions it reads and their weights ({@link Taps}), with
 * PyTorch's source-index arithmetic ({@code UpSample.h}: {@code area_pixel_compute_scale}, nearest indices in
 * float, {@code guard_index_and_lambda}, cubic convolution with A = -0.75); the dims are then applied one at a
 * time in double and rounded once.
 */
public final class Interpolation {
    private static final double CUBIC_A = -0.75;

    private Interpolation() {
    }

    /** The interpolation modes. */
    public enum Mode {
        NEAREST, NEAREST_EXACT, LINEAR, CUBIC
    }

    /** For each output position along one dim: the input positions it reads and their weights. */
    private record Taps(int[][] index, double[][] weight) {
    }

    /**
     * An {@code upsample_*.vec} operator: the output size is {@code outputSize}, or each input size times its
     * scale factor (truncated); the scale factors, when given, also set the source-index scale.
     */
    public static Tensor upsample(Tensor input, Mode mode, long[] outputSize, double[] scales, boolean alignCorners) {
        if (!(outputSize == null ^ scales == null)) {
            throw TorchException.runtime("Must specify exactly one of output_size and "
                + "scale_factors");
        }
        int rank = outputSize != null ? outputSize.length : scales.length;
        if (input.dim() != rank + 2) {
            throw TorchException.runtime("Expected " + (rank + 2) + "D input, but got input of size "
                + Shapes.str(input.sizesRaw()));
        }
        long[] out = new long[rank];
        Double[] perDim = new Double[rank];
        for (int d = 0; d < rank; d++) {
            out[d] = outputSize != null ? outputSize[d] : (long) (input.size(d + 2) * scales[d]);
            perDim[d] = scales == null ? null : scales[d];
        }
        return resize(input, mode, out, perDim, alignCorners);
    }

    /**
     * An {@code upsample_*} operator with the output size given: {@code scales} (an entry, or the array, may be
     * null) set the source-index scale of each spatial dim.
     */
    public static Tensor resize(Tensor input, Mode mode, long[] out, Double[] scales, boolean alignCorners) {
        int rank = out.length;
        if (input.dim() != rank + 2) {
            throw TorchException.runtime("Expected " + (rank + 2) + "D input, but got input of size "
                + Shapes.str(input.sizesRaw()));
        }
        if (!(Arrays.stream(out).allMatch(o -> o > 0) && input.size(1) > 0 && Arrays.stream(
                input.sizesRaw()).skip(2).allMatch(s -> s > 0))) {
            throw TorchException.runtime("Input and output sizes should be greater than 0, "
                + "but got input " + Shapes.str(input.sizesRaw()) + " output " + Shapes.str(out));
        }
        boolean single = input.dtype() != ScalarType.Double;
        long[] shape = input.sizes();
        double[] x = input.toDoubleArray();
        for (int d = 0; d < rank; d++) {
            long in = shape[d + 2];
            Double scale = scales == null ? null : scales[d];
            Taps taps = switch (mode) {
                case NEAREST, NEAREST_EXACT -> nearest(in, out[d], scale, mode == Mode.NEAREST_EXACT, single);
                case LINEAR -> linear(in, out[d], scale, alignCorners, single);
                case CUBIC -> cubic(in, out[d], scale, alignCorners, single);
            };
            x = apply(x, shape, d + 2, taps);
            shape[d + 2] = out[d];
        }
        return Reductions.result(x, shape, input.dtype());
    }

    /** {@code out[a, o, b] = sum_j w[o][j] x[a, index[o][j], b]} along {@code dim} of a row-major array. */
    private static double[] apply(double[] x, long[] shape, int dim, Taps taps) {
        int n = (int) shape[dim];
        int m = taps.index().length;
        int inner = (int) Shapes.numel(Arrays.copyOfRange(shape, dim + 1, shape.length));
        int outer = (int) Shapes.numel(Arrays.copyOf(shape, dim));
        double[] out = new double[outer * m * inner];
        for (int a = 0; a < outer; a++) {
            for (int o = 0; o < m; o++) {
                int[] idx = taps.index()[o];
                double[] w = taps.weight()[o];
                for (int b = 0; b < inner; b++) {
                    double s = 0;
                    for (int j = 0; j < idx.length; j++) {
                        s += w[j] * x[(a * n + idx[j]) * inner + b];
                    }
                    out[(a * m + o) * inner + b] = s;
                }
            }
        }
        return out;
    }

    /** {@code v} rounded to float when the operator's math type ({@code opmath_t}) is float. */
    private static double op(double v, boolean single) {
        return single ? (float) v : v;
    }

    /** {@code area_pixel_compute_scale}. */
    private static double scale(long in, long out, boolean alignCorners, Double scale, boolean single) {
        if (alignCorners) {
            return out > 1 ? op((double) (in - 1) / (out - 1), single) : 0;
        }
        return scale != null && scale > 0 ? op(1 / scale, single) : op((double) in / out, single);
    }

    /** {@code area_pixel_compute_source_index}. */
    private static double source(double scale, long o, boolean alignCorners, boolean cubic, boolean single) {
        if (alignCorners) {
            return op(scale * o, single);
        }
        double src = op(op(scale * op(o + 0.5, single), single) - 0.5, single);
        return !cubic && src < 0 ? 0 : src;
    }

    /** One output position's input positions and weights. */
    private record Tap(int[] index, double[] weight) {
    }

    private static Taps build(long out, java.util.function.IntFunction<Tap> rule) {
        int[][] index = new int[(int) out][];
        double[][] weight = new double[(int) out][];
        for (int o = 0; o < out; o++) {
            Tap t = rule.apply(o);
            index[o] = t.index();
            weight[o] = t.weight();
        }
        return new Taps(index, weight);
    }

    private static Taps nearest(long in, long out, Double scale, boolean exact, boolean single) {
        double s = scale(in, out, false, scale, single);
        return build(out, o -> {
            double real = exact ? op(source(s, o, false, false, single) + 0.5, single) : op(s * o, single);
            return new Tap(new int[] {(int) Math.min((long) Math.floor(real), in - 1)}, new double[] {1});
        });
    }

    private static Taps linear(long in, long out, Double scale, boolean alignCorners, boolean single) {
        double s = scale(in, out, alignCorners, scale, single);
        return build(out, o -> {
            if (in == out) {
                return new Tap(new int[] {o, o}, new double[] {1, 0});
            }
            double real = source(s, o, alignCorners, false, single);
            int i0 = (int) Math.min((long) Math.floor(real), in - 1);
            double lambda = Math.min(Math.max(real - i0, 0), 1);
            return new Tap(new int[] {i0, i0 < in - 1 ? i0 + 1 : i0}, new double[] {1 - lambda, lambda});
        });
    }

    private static Taps cubic(long in, long out, Double scale, boolean alignCorners, boolean single) {
        double s = scale(in, out, alignCorners, scale, single);
        return build(out, o -> {
            double real = source(s, o, alignCorners, true, single);
            long i0 = Math.min((long) Math.floor(real), in - 1);
            double t = Math.min(Math.max(real - i0, 0), 1);
            int[] index = new int[4];
            for (int j = 0; j < 4; j++) {
                index[j] = (int) Math.max(Math.min(i0 - 1 + j, in - 1), 0);
            }
            return new Tap(index, cubicWeights(t));
        });
    }

    /** The four cubic-convolution weights of the neighbours at offsets -1, 0, 1, 2 from a fraction {@code t}. */
    static double[] cubicWeights(double t) {
        return new double[] {cubic2(t + 1), cubic1(t), cubic1(1 - t), cubic2(2 - t)};
    }

    /** The cubic convolution kernel for {@code |x| <= 1}. */
    private static double cubic1(double x) {
        return ((CUBIC_A + 2) * x - (CUBIC_A + 3)) * x * x + 1;
    }

    /** The cubic convolution kernel for {@code 1 < |x| < 2}. */
    private static double cubic2(double x) {
        return ((CUBIC_A * x - 5 * CUBIC_A) * x + 8 * CUBIC_A) * x - 4 * CUBIC_A;
    }
}
