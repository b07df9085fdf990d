package kiln.runtime.tensor;

import java.util.Arrays;

import kiln.dialects.torch.types.ScalarType;

/**
 * {@code layer_norm} and {@code batch_norm}, computed in double and rounded once; float32 {@code batch_norm}
 * applies its per-channel scale and shift in float, as ATen does.
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
        TorchException.check(k > 0 && input.dim() >= k && Arrays.equals(normalizedShape,
                Arrays.copyOfRange(input.sizesRaw(), input.dim() - k, input.dim())), "Given normalized_shape="
                + Shapes.str(normalizedShape) + ", expected input with shape [*, "
                + Shapes.str(normalizedShape).substring(1) + ", but got input of size" + Shapes.str(input.sizesRaw()));
        int n = Math.toIntExact(Shapes.numel(normalizedShape));
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
        long[] statShape = input.sizes();
        for (int d = input.dim() - k; d < input.dim(); d++) {
            statShape[d] = 1;
        }
        return new Tensor[] {Reductions.result(x, input.sizesRaw(), input.dtype()),
                Reductions.result(means, statShape, input.dtype()), Reductions.result(rstds, statShape, input.dtype())};
    }

    /**
     * {@code F.batch_norm} over dim 1. At inference the running statistics normalize; in training the batch's
     * statistics do, and the running ones (when given) are updated in place with {@code momentum}.
     */
    public static Tensor batchNorm(Tensor input, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
            boolean training, double momentum, double eps) {
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
            TorchException.check(count > 1, "Expected more than 1 value per channel when training, got input size "
                    + Shapes.str(input.sizesRaw()));
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
        if (floats) {
            return floatTransform(input, mean, var, w, b, eps, batch, channels, inner);
        }
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
        return Reductions.result(x, input.sizesRaw(), input.dtype());
    }

    /**
     * {@code x * scale + shift} per channel in float, as ATen's {@code batch_norm_cpu_transform_input} applies
     * the normalization to float32 inputs (scale and shift are computed in double and rounded once).
     */
    private static Tensor floatTransform(Tensor input, double[] mean, double[] var, double[] w, double[] b,
            double eps, int batch, int channels, int inner) {
        float[] x = input.toFloatArray();
        Parallel.forEach(batch * channels, Parallel.threadsFor(x.length, 1L << 17), plane -> {
            int c = plane % channels;
            double inv = 1 / Math.sqrt(var[c] + eps);
            float scale = (float) (w == null ? inv : inv * w[c]);
            float shift = (float) ((b == null ? 0 : b[c]) - mean[c] * (w == null ? inv : inv * w[c]));
            for (int i = plane * inner, end = i + inner; i < end; i++) {
                x[i] = x[i] * scale + shift;
            }
        });
        return Views.view(Tensor.of(x), input.sizesRaw());
    }
}
