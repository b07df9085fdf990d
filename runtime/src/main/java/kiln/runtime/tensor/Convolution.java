package kiln.runtime.tensor;

/**
 * {@code conv2d} (and {@code conv1d} through it): direct convolution with stride, zero padding, dilation and
 * groups, accumulated in double per output row. Unbatched inputs ({@code [C, H, W]}) are accepted as PyTorch
 * does.
 */
public final class Convolution {
    private Convolution() {
    }

    /** The convolution's geometry along one spatial dim. */
    private record Axis(int in, int kernel, int stride, int padding, int dilation, int out) {
        static Axis of(long in, long kernel, long stride, long padding, long dilation) {
            long out = (in + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
            return new Axis((int) in, (int) kernel, (int) stride, (int) padding, (int) dilation, (int) out);
        }

        /** The first output index whose tap {@code k} reads inside the input. */
        int first(int k) {
            int offset = k * dilation - padding;
            return offset >= 0 ? 0 : (-offset + stride - 1) / stride;
        }

        /** One past the last output index whose tap {@code k} reads inside the input. */
        int last(int k) {
            int offset = k * dilation - padding;
            int bound = in - 1 - offset;
            return bound < 0 ? 0 : Math.min(out, bound / stride + 1);
        }
    }

    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
            long[] dilation, long groups) {
        boolean unbatched = input.dim() == 3;
        Tensor in = unbatched ? Views.unsqueeze(input, 0) : input;
        TorchException.check(in.dim() == 4 && weight.dim() == 4, "Expected 3D (unbatched) or 4D (batched) input to "
                + "conv2d, but got input of size: " + Shapes.str(input.sizesRaw()));
        TorchException.check(in.dtype() == weight.dtype(), "Input type (" + in.dtype() + ") and weight type ("
                + weight.dtype() + ") should be the same");
        int batch = (int) in.size(0);
        int channels = (int) in.size(1);
        int outChannels = (int) weight.size(0);
        int groupChannels = (int) weight.size(1);
        TorchException.check(groups > 0 && channels == groupChannels * groups && outChannels % groups == 0,
                "Given groups=" + groups + ", weight of size " + Shapes.str(weight.sizesRaw())
                        + ", expected input" + Shapes.str(in.sizesRaw()) + " to have " + groupChannels * groups
                        + " channels, but got " + channels + " channels instead");
        Axis h = Axis.of(in.size(2), weight.size(2), at(stride, 0), at(padding, 0), at(dilation, 0));
        Axis w = Axis.of(in.size(3), weight.size(3), at(stride, 1), at(padding, 1), at(dilation, 1));
        TorchException.check(h.out() > 0 && w.out() > 0, "Calculated output size is too small: input "
                + Shapes.str(in.sizesRaw()) + ", kernel " + Shapes.str(weight.sizesRaw()));
        float[] x = in.toFloatArray();
        float[] k = weight.toFloatArray();
        double[] b = bias == null ? null : bias.toDoubleArray();
        int outPerGroup = outChannels / (int) groups;
        int plane = h.out() * w.out();
        double[] out = new double[batch * outChannels * plane];
        double[] row = new double[w.out()];
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < outChannels; o++) {
                int g = o / outPerGroup;
                int outBase = (n * outChannels + o) * plane;
                for (int oy = 0; oy < h.out(); oy++) {
                    java.util.Arrays.fill(row, b == null ? 0 : b[o]);
                    for (int c = 0; c < groupChannels; c++) {
                        int inPlane = (n * channels + g * groupChannels + c) * h.in() * w.in();
                        int kBase = ((o * groupChannels) + c) * h.kernel() * w.kernel();
                        for (int ky = 0; ky < h.kernel(); ky++) {
                            int iy = oy * h.stride() - h.padding() + ky * h.dilation();
                            if (iy < 0 || iy >= h.in()) {
                                continue;
                            }
                            int inRow = inPlane + iy * w.in();
                            for (int kx = 0; kx < w.kernel(); kx++) {
                                double wk = k[kBase + ky * w.kernel() + kx];
                                int from = w.first(kx);
                                int to = w.last(kx);
                                int ix = inRow + from * w.stride() - w.padding() + kx * w.dilation();
                                for (int ox = from; ox < to; ox++, ix += w.stride()) {
                                    row[ox] += wk * x[ix];
                                }
                            }
                        }
                    }
                    System.arraycopy(row, 0, out, outBase + oy * w.out(), w.out());
                }
            }
        }
        Tensor result = Reductions.result(out, new long[] {batch, outChannels, h.out(), w.out()}, input.dtype());
        return unbatched ? Views.squeeze(result, new long[] {0}) : result;
    }

    /** {@code conv1d}: a conv2d over a height of 1. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
            long[] dilation, long groups) {
        Tensor out = conv2d(Views.unsqueeze(input, -2), Views.unsqueeze(weight, -2), bias, new long[] {1, at(stride, 0)},
                new long[] {0, at(padding, 0)}, new long[] {1, at(dilation, 0)}, groups);
        return Views.squeeze(out, new long[] {-2});
    }

    /** Element {@code i} of an {@code int[2]} argument, a single value standing for both. */
    static long at(long[] values, int i) {
        return values.length == 1 ? values[0] : values[i];
    }
}
