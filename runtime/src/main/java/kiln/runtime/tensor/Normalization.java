package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;

import java.util.Arrays;

import kiln.dialects.torch.types.ScalarType;

/**
 * {@code layer_norm}, {@code batch_norm}, {@code instance_norm}, {@code group_norm} and {@code rms_norm}, computed
 * in double and rounded once; float32 {@code layer_norm} and eval {@code batch_norm} apply their scale and shift in
 * float, as ATen does.
 */
public final class Normalization {
    private Normalization() {
    }

    /** {@code F.layer_norm}: normalizes over the last {@code normalizedShape.length} dims. */
    public static Tensor layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return layerNormWithStatistics(input, normalizedShape, weight, bias, eps)[0];
    }

    /**
     * {@code aten::native_layer_norm}: the normalized tensor, and each row's mean and reciprocal standard
     * deviation (shaped as the input with the normalized dims of size 1).
     */
    public static Tensor[] layerNormWithStatistics(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias,
            double eps) {
        int k = normalizedShape.length;
        if (!(k > 0 && input.dim() >= k && Arrays.equals(normalizedShape,
                Arrays.copyOfRange(input.sizesRaw(), input.dim() - k, input.dim())))) {
            throw TorchException.runtime("Given normalized_shape="
                + Shapes.str(normalizedShape) + ", expected input with shape [*, "
                + Shapes.str(normalizedShape).substring(1) + ", but got input of size" + Shapes.str(input.sizesRaw()));
        }
        int n = Math.toIntExact(Shapes.numel(normalizedShape));
        long[] statShape = input.sizes();
        for (int d = input.dim() - k; d < input.dim(); d++) {
            statShape[d] = 1;
        }
        if (input.dtype() == ScalarType.Float && (weight == null || weight.dtype() == ScalarType.Float)
                && (bias == null || bias.dtype() == ScalarType.Float) && n > 0) {
            return layerNormFloat(input, n, statShape, weight, bias, eps);
        }
        double[] x = input.toDoubleArray();
        double[] w = weight == null ? null : weight.toDoubleArray();
        double[] b = bias == null ? null : bias.toDoubleArray();
        int rows = n == 0 ? 0 : x.length / n;
        double[] means = new double[rows];
        double[] rstds = new double[rows];
        for (int r = 0; r < rows; r++) {
            int base = r * n;
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[base + i];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double dev = x[base + i] - mean;
                var += dev * dev;
            }
            double inv = 1 / Math.sqrt(var / n + eps);
            means[r] = mean;
            rstds[r] = inv;
            for (int i = 0; i < n; i++) {
                double y = (x[base + i] - mean) * inv;
                if (w != null) {
                    y *= w[i];
                }
                if (b != null) {
                    y += b[i];
                }
                x[base + i] = y;
            }
        }
        return new Tensor[] {Reductions.result(x, input.sizesRaw(), input.dtype()),
                Reductions.result(means, statShape, input.dtype()), Reductions.result(rstds, statShape, input.dtype())};
    }

    /**
     * float32 layer norm as ATen's {@code LayerNormKernelImplInternal} applies it: each row's mean and variance (here
     * in double, rounded once), then {@code (x * rstd + (-rstd * mean)) * gamma + beta} in float, into native
     * storage; rows split over the threads.
     */
    private static Tensor[] layerNormFloat(Tensor input, int n, long[] statShape, Tensor weight, Tensor bias,
            double eps) {
        float[] g = weight == null ? null : weight.contiguous().toFloatArray();
        float[] b = bias == null ? null : bias.contiguous().toFloatArray();
        int rows = Math.toIntExact(input.numel() / n);
        float[] means = new float[rows];
        float[] rstds = new float[rows];
        Tensor out = floatRows(input, rows, n, 1L << 15, (r, x) -> {
            double sum = 0;
            for (float v : x) {
                sum += v;
            }
            double mean = sum / n;
            double var = 0;
            for (float v : x) {
                double dev = v - mean;
                var += dev * dev;
            }
            float scale = (float) (1 / Math.sqrt(var / n + eps));
            float shift = -scale * (float) mean; // in float, as ATen: x == mean gives exactly 0
            for (int j = 0; j < n; j++) {
                float y = x[j] * scale + shift;
                if (g != null) {
                    y *= g[j];
                }
                if (b != null) {
                    y += b[j];
                }
                x[j] = y;
            }
            means[r] = (float) mean;
            rstds[r] = scale;
        });
        return new Tensor[] {out, Tensor.copyOf(means, statShape), Tensor.copyOf(rstds, statShape)};
    }

    /**
     * {@code F.batch_norm} over dim 1. At inference the running statistics normalize; in training the batch's
     * statistics do, and the running ones (when given) are updated in place with {@code momentum}.
     */
    public static Tensor batchNorm(Tensor input, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
            boolean training, double momentum, double eps) {
        if (input.numel() == 0) {
            // ATen's _batch_norm_impl_index: an empty input is cloned (then scaled by weight[0], shifted by bias[0])
            Tensor out = input.clone();
            out = weight == null ? out : Ops.mul(out, Views.select(weight, 0, 0));
            return bias == null ? out : Ops.add(out, Views.select(bias, 0, 0), Scalar.of(1L));
        }
        return batchNormWithStatistics(input, weight, bias, runningMean, runningVar, training, momentum, eps)[0];
    }

    /**
     * {@code aten::native_batch_norm}: the output, and in training the batch's mean and inverse standard deviation
     * per channel (empty tensors at inference).
     */
    public static Tensor[] batchNormWithStatistics(Tensor input, Tensor weight, Tensor bias, Tensor runningMean,
            Tensor runningVar, boolean training, double momentum, double eps) {
        TorchException.check(input.dim() >= 2, "batch_norm: expected an input of at least 2 dims");
        int channels = Math.toIntExact(input.size(1));
        int batch = Math.toIntExact(input.size(0));
        int inner = channels == 0 || batch == 0 ? 0 : Math.toIntExact(input.numel() / batch / channels);
        boolean floats = input.dtype() == ScalarType.Float;
        double[] x = training || !floats ? input.toDoubleArray() : null;
        double[] mean = new double[channels];
        double[] var = new double[channels];
        if (training) {
            long count = (long) batch * inner;
            if (count <= 1) {
                throw TorchException.runtime("Expected more than 1 value per channel when training, got input size "
                    + Shapes.str(input.sizesRaw()));
            }
            for (int c = 0; c < channels; c++) {
                double s = 0;
                for (int n = 0; n < batch; n++) {
                    for (int i = 0, base = (n * channels + c) * inner; i < inner; i++) {
                        s += x[base + i];
                    }
                }
                mean[c] = s / count;
                double m2 = 0;
                for (int n = 0; n < batch; n++) {
                    for (int i = 0, base = (n * channels + c) * inner; i < inner; i++) {
                        double dev = x[base + i] - mean[c];
                        m2 += dev * dev;
                    }
                }
                var[c] = m2 / count;
                if (runningMean != null) {
                    runningMean.setDouble((1 - momentum) * runningMean.getDouble(c) + momentum * mean[c], c);
                }
                if (runningVar != null) {
                    runningVar.setDouble((1 - momentum) * runningVar.getDouble(c)
                            + momentum * m2 / (count - 1), c);
                }
            }
        } else {
            TorchException.check(runningMean != null && runningVar != null,
                    "running_mean and running_var must be defined in evaluation mode");
            mean = runningMean.toDoubleArray();
            var = runningVar.toDoubleArray();
        }
        double[] w = weight == null ? null : weight.toDoubleArray();
        double[] b = bias == null ? null : bias.toDoubleArray();
        Tensor out;
        if (floats) {
            out = floatTransform(input, mean, var, w, b, eps, batch, channels, inner);
        } else {
            for (int c = 0; c < channels; c++) {
                double inv = 1 / Math.sqrt(var[c] + eps);
                double scale = w == null ? inv : inv * w[c];
                double shift = (b == null ? 0 : b[c]) - mean[c] * scale;
                for (int n = 0; n < batch; n++) {
                    for (int i = 0, base = (n * channels + c) * inner; i < inner; i++) {
                        x[base + i] = x[base + i] * scale + shift;
                    }
                }
            }
            out = Reductions.result(x, input.sizesRaw(), input.dtype());
        }
        if (!training) {
            return new Tensor[] {out, Tensor.empty(input.dtype(), 0), Tensor.empty(input.dtype(), 0)};
        }
        double[] invstd = new double[channels];
        for (int c = 0; c < channels; c++) {
            invstd[c] = 1 / Math.sqrt(var[c] + eps);
        }
        long[] perChannel = {channels};
        return new Tensor[] {out, Reductions.result(mean, perChannel, input.dtype()),
                Reductions.result(invstd, perChannel, input.dtype())};
    }

    /**
     * {@code F.instance_norm}: batch norm of each (sample, channel) plane, as ATen computes it: the input viewed as
     * {@code [1, N*C, ...]} with weight, bias and running statistics repeated per sample; the running statistics
     * (when given) then take the mean of the per-sample updates.
     */
    public static Tensor instanceNorm(Tensor input, Tensor weight, Tensor bias, Tensor runningMean,
            Tensor runningVar, boolean useInputStats, double momentum, double eps) {
        if (!(useInputStats || runningMean != null && runningVar != null)) {
            throw TorchException.runtime("Expected running_mean and "
                + "running_var to be defined when use_input_stats is false");
        }
        TorchException.check(input.dim() >= 2, "instance_norm: expected an input of at least 2 dims");
        long b = input.size(0);
        long c = input.size(1);
        long[] shape = input.sizes();
        shape[0] = 1;
        shape[1] = b * c;
        long[] times = {b};
        Tensor mean = runningMean == null ? null : Rearrange.repeat(runningMean, times);
        Tensor var = runningVar == null ? null : Rearrange.repeat(runningVar, times);
        Tensor out = batchNorm(Views.reshape(input, shape), weight == null ? null : Rearrange.repeat(weight, times),
                bias == null ? null : Rearrange.repeat(bias, times), mean, var, useInputStats, momentum, eps);
        long[] perSample = {b, c};
        if (runningMean != null) {
            runningMean.copyFrom(Reductions.mean(Views.view(mean, perSample), new long[] {0}, false, null));
        }
        if (runningVar != null) {
            runningVar.copyFrom(Reductions.mean(Views.view(var, perSample), new long[] {0}, false, null));
        }
        return Views.view(out, input.sizesRaw());
    }

    /**
     * {@code F.group_norm}: the channels of each sample split into {@code groups}, each normalized over its
     * channels and positions, then an affine per channel.
     */
    public static Tensor groupNorm(Tensor input, long groups, Tensor weight, Tensor bias, double eps) {
        if (input.dim() < 2) {
            throw TorchException.runtime("Expected at least 2 dimensions for input tensor but received "
                + input.dim());
        }
        long n = input.size(0);
        long c = input.size(1);
        if (!(groups > 0 && c % groups == 0)) {
            throw TorchException.runtime("Expected number of channels in input to be divisible "
                + "by num_groups, but got input of shape " + Shapes.str(input.sizesRaw()) + " and num_groups="
                + groups);
        }
        long perGroup = n * groups == 0 ? 0 : input.numel() / n / groups;
        Tensor grouped = Views.reshape(input.contiguous(), new long[] {n, groups, perGroup});
        Tensor out = Views.reshape(layerNorm(grouped, new long[] {perGroup}, null, null, eps), input.sizes());
        long[] channelShape = new long[input.dim() - 1];
        Arrays.fill(channelShape, 1);
        channelShape[0] = c;
        out = weight == null ? out : Ops.mul(out, Views.reshape(weight, channelShape));
        return bias == null ? out : Ops.add(out, Views.reshape(bias, channelShape), Scalar.of(1L));
    }

    /**
     * {@code F.rms_norm}: {@code x / sqrt(mean(x^2) + eps)} over the last {@code normalizedShape.length} dims,
     * times the weight; {@code eps} defaults to the dtype's machine epsilon.
     */
    public static Tensor rmsNorm(Tensor input, long[] normalizedShape, Tensor weight, Double eps) {
        int k = normalizedShape.length;
        if (!(input.dim() >= k && Arrays.equals(normalizedShape, Arrays.copyOfRange(
                input.sizesRaw(), input.dim() - k, input.dim())))) {
            throw TorchException.runtime("Given normalized_shape="
                + Shapes.str(normalizedShape) + ", expected input with shape [*, " + Shapes.str(normalizedShape)
                .substring(1) + ", but got input of size" + Shapes.str(input.sizesRaw()));
        }
        long[] dims = new long[k];
        for (int i = 0; i < k; i++) {
            dims[i] = input.dim() - k + i;
        }
        double e = eps != null ? eps : input.dtype() == ScalarType.Double
                ? Math.ulp(1.0) : Math.ulp(1.0f);
        Tensor meanSquare = Reductions.mean(Ops.mul(input, input), dims, true, null);
        Tensor scale = Pointwise.unary(UnaryOp.RSQRT, Ops.add(meanSquare, Scalar.of(e), Scalar.of(1L)));
        Tensor out = Ops.mul(input, scale);
        return weight == null ? out : Ops.mul(out, weight);
    }

    /**
     * {@code x * scale + shift} per channel in float, as ATen's {@code batch_norm_cpu_transform_input} applies
     * the normalization to float32 inputs (scale and shift are computed in double and rounded once).
     */
    private static Tensor floatTransform(Tensor input, double[] mean, double[] var, double[] w, double[] b,
            double eps, int batch, int channels, int inner) {
        return floatRows(input, batch * channels, inner, 1L << 17, (plane, x) -> {
            int c = plane % channels;
            double inv = 1 / Math.sqrt(var[c] + eps);
            float scale = (float) (w == null ? inv : inv * w[c]);
            float shift = (float) ((b == null ? 0 : b[c]) - mean[c] * (w == null ? inv : inv * w[c]));
            for (int i = 0; i < inner; i++) {
                x[i] = x[i] * scale + shift;
            }
        });
    }

    /** Rewrites one row of floats in place: row {@code row} of the input comes in {@code x}, the output's goes out. */
    @FunctionalInterface
    private interface RowTransform {
        void apply(int row, float[] x);
    }

    /**
     * A float32 tensor shaped as {@code input} (contiguous, native storage) whose {@code rows} rows of {@code n}
     * floats are {@code input}'s through {@code f}; the rows are split over the threads in one chunk each (at
     * least {@code grain} elements a thread), each row copied into an array, transformed and copied out.
     */
    private static Tensor floatRows(Tensor input, int rows, int n, long grain, RowTransform f) {
        Tensor in = input.contiguous();
        Tensor out = Tensor.empty(ScalarType.Float, input.sizesRaw());
        MemorySegment src = in.dataSegment();
        MemorySegment dst = out.dataSegment();
        long rowBytes = (long) n * Float.BYTES;
        int threads = Parallel.threadsFor((long) rows * n, grain);
        int per = Math.ceilDiv(rows, threads);
        Parallel.forEach(threads, threads, t -> {
            float[] x = new float[n];
            for (int r = t * per, end = Math.min(rows, r + per); r < end; r++) {
                MemorySegment.copy(src, ElementIO.F32, r * rowBytes, x, 0, n);
                f.apply(r, x);
                MemorySegment.copy(x, 0, dst, ElementIO.F32, r * rowBytes, n);
            }
        });
        Reference.reachabilityFence(in);
        return out;
    }
}
