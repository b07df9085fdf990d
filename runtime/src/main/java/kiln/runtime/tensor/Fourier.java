package kiln.runtime.tensor;

import java.util.Arrays;
import java.util.List;
import kiln.dialects.torch.types.ScalarType;

/**
 * The discrete Fourier transforms of {@code torch.fft} whose input may be real and whose output is real:
 * {@code irfftn} and {@code hfftn} (and their 1-d and 2-d forms), as ATen composes them: complex-to-complex
 * transforms over all but the last dim, then a complex-to-real one over the last, on the input zero-padded or
 * trimmed to the signal sizes. Computed in double, rounded once to the real dtype that
 * matches the input's complex one, with {@link Fft}. Also {@code fftshift} and {@code ifftshift}.
 */
public final class Fourier {
    private Fourier() {
    }

    /** A normalization mode: which direction is scaled by 1/n ({@code "backward"}: the inverse). */
    private static double scale(String norm, boolean forward, double n) {
        return switch (norm == null ? "backward" : norm) {
            case "backward" -> forward ? 1 : 1 / n;
            case "forward" -> forward ? 1 / n : 1;
            case "ortho" -> 1 / Math.sqrt(n);
            default -> throw TorchException.runtime("Invalid normalization mode: \"" + norm + "\"");
        };
    }

    /** {@code torch.fft.irfftn}: the inverse of {@code rfftn}, a real signal from a half spectrum. */
    public static Tensor irfftn(Tensor self, long[] s, long[] dim, String norm) {
        return hermitianToReal("irfftn", self, s, dim, norm, false);
    }

    /** {@code torch.fft.hfftn}: the forward transform of a Hermitian-symmetric signal given by its half. */
    public static Tensor hfftn(Tensor self, long[] s, long[] dim, String norm) {
        return hermitianToReal("hfftn", self, s, dim, norm, true);
    }

    private static Tensor hermitianToReal(String name, Tensor self, long[] s, long[] dim, String norm,
            boolean forward) {
        if (self.dtype().isComplex()) {
            throw TorchException.runtime(name + " of a complex tensor is not supported yet");
        }
        long[] dims = canonicalDims(self, s, dim);
        long[] sizes = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            long given = s == null ? -1 : s[i];
            sizes[i] = given != -1 ? given : i == dims.length - 1 ? 2 * (self.size(dims[i]) - 1) : self.size(dims[i]);
            if (sizes[i] <= 0) {
                throw TorchException.runtime("Invalid number of data points (" + sizes[i] + ") specified");
            }
        }
        ScalarType real = self.dtype().isFloatingPoint() ? self.dtype() : DTypes.DEFAULT_FLOAT;
        long[] inShape = self.sizes();
        for (int i = 0; i < dims.length; i++) {
            inShape[(int) dims[i]] = i == dims.length - 1 ? sizes[i] / 2 + 1 : sizes[i];
        }
        Grid g = Grid.of(self, inShape);
        double n = 1;
        for (int i = 0; i < dims.length - 1; i++) {
            g.dft((int) dims[i], forward);
            n *= sizes[i];
        }
        if (forward) {
            g.conjugate();
        }
        int last = (int) dims[dims.length - 1];
        n *= sizes[dims.length - 1];
        double[] out = g.complexToReal(last, sizes[dims.length - 1], scale(norm, forward, n));
        long[] outShape = inShape.clone();
        outShape[last] = sizes[dims.length - 1];
        return Tensor.of(out, outShape).to(real);
    }

    /** ATen's dims for an n-d transform: {@code dim}, else the last {@code len(s)} dims, else all dims. */
    private static long[] canonicalDims(Tensor self, long[] s, long[] dim) {
        long[] dims;
        if (dim != null) {
            dims = new long[dim.length];
            for (int i = 0; i < dim.length; i++) {
                dims[i] = Shapes.wrapDim(dim[i], self.dim());
            }
            TorchException.check(Arrays.stream(dims).distinct().count() == dims.length,
                    "FFT dims must be unique");
            TorchException.check(s == null || s.length == dims.length,
                    "When given, dim and shape arguments must have the same length");
        } else if (s != null) {
            if (s.length > self.dim()) {
                throw TorchException.runtime("Got shape with " + s.length
                    + " values but input tensor only has " + self.dim() + " dimensions.");
            }
            dims = new long[s.length];
            for (int i = 0; i < s.length; i++) {
                dims[i] = self.dim() - s.length + i;
            }
        } else {
            dims = new long[self.dim()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = i;
            }
        }
        TorchException.check(dims.length > 0, "must have at least one signal dimension");
        return dims;
    }

    /** {@code torch.fft.fftshift} ({@code inverse} false) or {@code ifftshift}: a roll by half of each dim. */
    public static Tensor fftshift(Tensor self, long[] dim, boolean inverse) {
        long[] dims = dim;
        if (dims == null) {
            dims = new long[self.dim()];
            Arrays.setAll(dims, i -> i);
        }
        Tensor out = self;
        for (long d : dims) {
            long w = Shapes.wrapDim(d, self.dim());
            long n = self.size(w);
            long shift = inverse ? (n + 1) / 2 : n / 2;
            if (n > 0 && shift % n != 0) {
                out = Joining.cat(List.of(out.narrow(w, n - shift, shift), out.narrow(w, 0, n - shift)), w);
            }
        }
        return out == self ? Copy.cloneLike(self, self.dtype()) : out;
    }

    /** A dense complex array in double, row-major, for the transforms. */
    private static final class Grid {
        private final long[] shape;
        private double[] re;
        private double[] im;

        private Grid(long[] shape, double[] re, double[] im) {
            this.shape = shape;
            this.re = re;
            this.im = im;
        }

        /** {@code t}'s real values, zero-padded or trimmed to {@code shape}; the imaginary parts are 0. */
        static Grid of(Tensor t, long[] shape) {
            double[] src = t.toDoubleArray();
            long[] srcShape = t.sizes();
            int n = Math.toIntExact(Shapes.numel(shape));
            double[] re = new double[n];
            int[] index = new int[shape.length];
            for (int i = 0; i < n; i++) {
                long offset = 0;
                boolean inside = true;
                for (int d = 0; d < shape.length; d++) {
                    inside &= index[d] < srcShape[d];
                    offset = offset * srcShape[d] + index[d];
                }
                re[i] = inside ? src[(int) offset] : 0;
                for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                    index[d] = 0;
                }
            }
            return new Grid(shape, re, new double[n]);
        }

        void conjugate() {
            for (int i = 0; i < im.length; i++) {
                im[i] = -im[i];
            }
        }

        private long inner(int axis) {
            long inner = 1;
            for (int d = axis + 1; d < shape.length; d++) {
                inner *= shape[d];
            }
            return inner;
        }

        /** The DFT along {@code axis}: {@code X[k] = sum_t x[t] exp(-+2 pi i k t / n)}, unscaled. */
        void dft(int axis, boolean forward) {
            int n = (int) shape[axis];
            long inner = inner(axis);
            long outer = re.length / Math.max(1, n * inner);
            double[] lineRe = new double[n];
            double[] lineIm = new double[n];
            for (long o = 0; o < outer; o++) {
                for (long in = 0; in < inner; in++) {
                    int base = (int) (o * n * inner + in);
                    for (int t = 0; t < n; t++) {
                        lineRe[t] = re[(int) (base + t * inner)];
                        lineIm[t] = im[(int) (base + t * inner)];
                    }
                    Fft.transform(lineRe, lineIm, forward);
                    for (int k = 0; k < n; k++) {
                        re[(int) (base + k * inner)] = lineRe[k];
                        im[(int) (base + k * inner)] = lineIm[k];
                    }
                }
            }
        }

        /**
         * The complex-to-real inverse DFT along {@code axis} (which holds the half spectrum, {@code n/2 + 1}
         * values) to {@code n} real values: the spectrum is extended by {@code X[n-k] = conj(X[k])}, and the
         * imaginary parts of the values that must be real are ignored, as pocketfft does.
         */
        double[] complexToReal(int axis, long n, double scale) {
            int half = (int) shape[axis];
            long inner = inner(axis);
            long outer = re.length / Math.max(1, half * inner);
            double[] out = new double[Math.toIntExact(outer * n * inner)];
            int len = (int) n;
            double[] lineRe = new double[len];
            double[] lineIm = new double[len];
            for (long o = 0; o < outer; o++) {
                for (long in = 0; in < inner; in++) {
                    int src = (int) (o * half * inner + in);
                    int dst = (int) (o * n * inner + in);
                    for (int k = 0; k < len; k++) {
                        int from = k <= len / 2 ? k : len - k;
                        boolean real = k == 0 || 2 * k == len;
                        lineRe[k] = re[(int) (src + from * inner)];
                        lineIm[k] = real ? 0 : (k == from ? 1 : -1) * im[(int) (src + from * inner)];
                    }
                    Fft.transform(lineRe, lineIm, false);
                    for (int t = 0; t < len; t++) {
                        out[(int) (dst + t * inner)] = lineRe[t] * scale;
                    }
                }
            }
            return out;
        }
    }
}
