package kiln.runtime.tensor;

/**
 * 2-d pooling over the last two dims: {@code max_pool2d} (NaN propagates), {@code avg_pool2d} and
 * {@code adaptive_avg_pool2d}, with PyTorch's output sizes ({@code ceil_mode}, padding).
 */
public final class Pooling {
    private Pooling() {
    }

    /** PyTorch's {@code pooling_output_shape}. */
    private static long outputSize(long in, long kernel, long pad, long stride, long dilation, boolean ceil) {
        long numerator = in + 2 * pad - dilation * (kernel - 1) - 1 + (ceil ? stride - 1 : 0);
        long out = Math.floorDiv(numerator, stride) + 1;
        if (ceil && (out - 1) * stride >= in + pad) {
            out--;
        }
        return out;
    }

    private interface Window {
        /** The pooled value of rows {@code [y0, y1)} and columns {@code [x0, x1)} of one plane at {@code base}. */
        double apply(double[] x, int base, int width, int y0, int y1, int x0, int x1, int count);
    }

    public static Tensor maxPool2d(Tensor self, long[] kernel, long[] stride, long[] padding, long[] dilation,
            boolean ceil) {
        return pool(self, kernel, stride, padding, dilation, ceil, (x, base, width, y0, y1, x0, x1, count) -> {
            double m = Double.NEGATIVE_INFINITY;
            for (int y = y0; y < y1; y++) {
                for (int xx = x0; xx < x1; xx++) {
                    double v = x[base + y * width + xx];
                    if (v > m || Double.isNaN(v)) {
                        m = v;
                        if (Double.isNaN(v)) {
                            return v;
                        }
                    }
                }
            }
            return m;
        }, true);
    }

    public static Tensor avgPool2d(Tensor self, long[] kernel, long[] stride, long[] padding, boolean ceil,
            boolean countIncludePad, Long divisorOverride) {
        return pool(self, kernel, stride, padding, new long[] {1}, ceil, (x, base, width, y0, y1, x0, x1, count) -> {
            double s = 0;
            for (int y = y0; y < y1; y++) {
                for (int xx = x0; xx < x1; xx++) {
                    s += x[base + y * width + xx];
                }
            }
            long divisor = divisorOverride != null ? divisorOverride
                    : countIncludePad ? count : (long) (y1 - y0) * (x1 - x0);
            return s / divisor;
        }, false);
    }

    private static Tensor pool(Tensor self, long[] kernel, long[] stride, long[] padding, long[] dilation,
            boolean ceil, Window window, boolean dilated) {
        TorchException.check(self.dim() == 3 || self.dim() == 4, "Expected 3D or 4D input to pooling, got "
                + self.dim() + "D");
        long kh = Convolution.at(kernel, 0);
        long kw = Convolution.at(kernel, 1);
        long sh = stride.length == 0 ? kh : Convolution.at(stride, 0);
        long sw = stride.length == 0 ? kw : Convolution.at(stride, 1);
        long ph = Convolution.at(padding, 0);
        long pw = Convolution.at(padding, 1);
        long dh = Convolution.at(dilation, 0);
        long dw = Convolution.at(dilation, 1);
        TorchException.check(ph <= kh / 2 && pw <= kw / 2, "pad should be at most half of effective kernel size, "
                + "but got pad=" + ph + ", kernel_size=" + kh + " and dilation=" + dh);
        int h = (int) self.size(-2);
        int w = (int) self.size(-1);
        int oh = (int) outputSize(h, kh, ph, sh, dh, ceil);
        int ow = (int) outputSize(w, kw, pw, sw, dw, ceil);
        double[] x = self.toDoubleArray();
        int planes = h * w == 0 ? 0 : x.length / (h * w);
        double[] out = new double[planes * oh * ow];
        for (int p = 0; p < planes; p++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    long ys = oy * sh - ph;
                    long xs = ox * sw - pw;
                    long ye = Math.min(ys + (kh - 1) * dh + 1, h + ph);
                    long xe = Math.min(xs + (kw - 1) * dw + 1, w + pw);
                    int count = (int) ((ye - ys) * (xe - xs));
                    int y0 = (int) Math.max(ys, 0);
                    int x0 = (int) Math.max(xs, 0);
                    int y1 = (int) Math.min(ye, h);
                    int x1 = (int) Math.min(xe, w);
                    out[(p * oh + oy) * ow + ox] = dilated && (dh != 1 || dw != 1)
                            ? dilatedMax(x, p * h * w, w, ys, xs, kh, kw, dh, dw, h)
                            : window.apply(x, p * h * w, w, y0, y1, x0, x1, count);
                }
            }
        }
        long[] shape = self.sizes();
        shape[shape.length - 2] = oh;
        shape[shape.length - 1] = ow;
        return Reductions.result(out, shape, self.dtype());
    }

    private static double dilatedMax(double[] x, int base, int w, long ys, long xs, long kh, long kw, long dh,
            long dw, int h) {
        double m = Double.NEGATIVE_INFINITY;
        for (long i = 0; i < kh; i++) {
            long y = ys + i * dh;
            for (long j = 0; j < kw; j++) {
                long xx = xs + j * dw;
                if (y >= 0 && y < h && xx >= 0 && xx < w) {
                    double v = x[(int) (base + y * w + xx)];
                    if (Double.isNaN(v)) {
                        return v;
                    }
                    m = Math.max(m, v);
                }
            }
        }
        return m;
    }

    /** {@code adaptive_avg_pool2d}: window {@code i} spans {@code [floor(i*H/oh), ceil((i+1)*H/oh))}. */
    public static Tensor adaptiveAvgPool2d(Tensor self, long[] outputSize) {
        TorchException.check(self.dim() == 3 || self.dim() == 4, "adaptive_avg_pool2d(): Expected 3D or 4D tensor, "
                + "but got " + Shapes.str(self.sizesRaw()));
        int h = (int) self.size(-2);
        int w = (int) self.size(-1);
        int oh = (int) Convolution.at(outputSize, 0);
        int ow = (int) Convolution.at(outputSize, 1);
        double[] x = self.toDoubleArray();
        int planes = h * w == 0 ? 0 : x.length / (h * w);
        double[] out = new double[planes * oh * ow];
        for (int p = 0; p < planes; p++) {
            for (int oy = 0; oy < oh; oy++) {
                int y0 = (int) Math.floorDiv((long) oy * h, oh);
                int y1 = (int) -Math.floorDiv(-(long) (oy + 1) * h, oh);
                for (int ox = 0; ox < ow; ox++) {
                    int x0 = (int) Math.floorDiv((long) ox * w, ow);
                    int x1 = (int) -Math.floorDiv(-(long) (ox + 1) * w, ow);
                    double s = 0;
                    for (int y = y0; y < y1; y++) {
                        for (int xx = x0; xx < x1; xx++) {
                            s += x[p * h * w + y * w + xx];
                        }
                    }
                    out[(p * oh + oy) * ow + ox] = s / ((y1 - y0) * (x1 - x0));
                }
            }
        }
        long[] shape = self.sizes();
        shape[shape.length - 2] = oh;
        shape[shape.length - 1] = ow;
        return Reductions.result(out, shape, self.dtype());
    }
}
