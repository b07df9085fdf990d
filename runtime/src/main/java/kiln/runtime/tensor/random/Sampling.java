package kiln.runtime.tensor.random;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.TorchException;

/**
 * PyTorch's CPU sampling kernels ({@code aten/src/ATen/native/cpu/DistributionTemplates.h}), in place: each draws
 * from a {@link Generator} in the order PyTorch's serial kernels do (the tensor's memory order), with the same
 * transformations of the random bits, so that a seeded run gives PyTorch's values.
 */
public final class Sampling {
    private Sampling() {
    }

    /** Produces the next sample. */
    @FunctionalInterface
    private interface DoubleSampler {
        double next();
    }

    /** {@code uniform_(from, to)}: floats from 24 random bits, doubles from 53, scaled to {@code [from, to)}. */
    public static Tensor uniform_(Tensor self, double from, double to, Generator g) {
        requireFloating(self, "uniform_");
        if (!(from <= to)) {
            throw TorchException.runtime("uniform_ expects to return a [from, to) range, but found from=" + from
                    + " > to=" + to);
        }
        synchronized (g) {
            if (self.dtype() == ScalarType.Double) {
                return fillDoubles(self, () -> {
                    double v = g.uniformDouble() * (to - from) + from;
                    return v == to ? from : v;
                });
            }
            float f = (float) from;
            float t = (float) to;
            return fillDoubles(self, () -> {
                float v = g.uniformFloat() * (t - f) + f;
                return v == t ? f : v;
            });
        }
    }

    /**
     * {@code normal_(mean, std)}: a contiguous tensor of at least 16 elements is filled as PyTorch's
     * {@code normal_fill} does (uniforms first, then Box-Muller on blocks of 16, the last block recomputed);
     * anything else draws one Box-Muller double per element.
     */
    public static Tensor normal_(Tensor self, double mean, double std, Generator g) {
        requireFloating(self, "normal_");
        if (std < 0) {
            throw TorchException.runtime("normal expects std >= 0.0, but found std " + std);
        }
        long n = self.numel();
        synchronized (g) {
            if (n >= 16 && self.isContiguous()) {
                return normalFill(self, mean, std, g);
            }
            return fillDoubles(self, () -> g.normalDouble() * std + mean);
        }
    }

    private static Tensor normalFill(Tensor self, double mean, double std, Generator g) {
        int n = checkedSize(self);
        ScalarType dt = self.dtype();
        if (dt == ScalarType.Double) {
            double[] data = new double[n];
            for (int i = 0; i < n; i++) {
                data[i] = g.uniformDouble();
            }
            for (int i = 0; i + 16 <= n; i += 16) {
                boxMuller16(data, i, mean, std);
            }
            if (n % 16 != 0) {
                for (int i = 0; i < 16; i++) {
                    data[n - 16 + i] = g.uniformDouble();
                }
                boxMuller16(data, n - 16, mean, std);
            }
            return self.copyFrom(Tensor.of(data, self.sizes()));
        }
        float m = (float) mean;
        float s = (float) std;
        float[] data = new float[n];
        if (dt == ScalarType.Float) {
            for (int i = 0; i < n; i++) {
                data[i] = g.uniformFloat();
            }
            for (int i = 0; i + 16 <= n; i += 16) {
                boxMuller16(data, i, m, s);
            }
        } else {
            // a reduced-precision dtype computes in float, one block of 16 uniforms at a time
            for (int i = 0; i + 16 <= n; i += 16) {
                for (int j = 0; j < 16; j++) {
                    data[i + j] = g.uniformFloat();
                }
                boxMuller16(data, i, m, s);
            }
        }
        if (n % 16 != 0) {
            for (int i = 0; i < 16; i++) {
                data[n - 16 + i] = g.uniformFloat();
            }
            boxMuller16(data, n - 16, m, s);
        }
        return self.copyFrom(Tensor.of(data, self.sizes()));
    }

    /** PyTorch's {@code NormalFill16}: pairs (j, j + 8) of uniforms become two normal samples. */
    private static void boxMuller16(double[] d, int at, double mean, double std) {
        for (int j = 0; j < 8; j++) {
            double u1 = 1 - d[at + j];
            double u2 = d[at + j + 8];
            double radius = Math.sqrt(-2 * Math.log(u1));
            double theta = 2.0 * Math.PI * u2;
            d[at + j] = Math.fma(radius * Math.cos(theta), std, mean);
            d[at + j + 8] = Math.fma(radius * Math.sin(theta), std, mean);
        }
    }

    private static void boxMuller16(float[] d, int at, float mean, float std) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1 - d[at + j];
            float u2 = d[at + j + 8];
            float radius = (float) Math.sqrt(-2 * (float) Math.log(u1));
            float theta = (float) (2.0 * Math.PI * u2);
            d[at + j] = Math.fma(radius * (float) Math.cos(theta), std, mean);
            d[at + j + 8] = Math.fma(radius * (float) Math.sin(theta), std, mean);
        }
    }

    /** {@code bernoulli_(p)}: 1 where a uniform double is below {@code p}. */
    public static Tensor bernoulli_(Tensor self, double p, Generator g) {
        if (!(p >= 0 && p <= 1)) {
            throw TorchException.runtime("bernoulli_ expects p to be in [0, 1], but got p=" + p);
        }
        synchronized (g) {
            return fillDoubles(self, () -> g.uniformDouble() < p ? 1 : 0);
        }
    }

    /**
     * {@code bernoulli_(p)} with a tensor of probabilities broadcast to {@code self}: a float {@code p} compares
     * with a uniform float, a double {@code p} with a uniform double.
     */
    public static Tensor bernoulli_(Tensor self, Tensor p, Generator g) {
        if (!p.dtype().isFloatingPoint()) {
            throw TorchException.runtime("bernoulli_ expected a floating-point tensor of probabilities, got "
                    + p.dtype());
        }
        Tensor view = memoryOrder(self);
        Tensor probs = p.expandAs(self).permute(order(self)).contiguous();
        double[] ps = probs.toDoubleArray();
        for (double v : ps) {
            if (!(v >= 0 && v <= 1)) {
                throw TorchException.runtime("Expected p_in >= 0 && p_in <= 1 to be true, but got false.");
            }
        }
        boolean doubles = p.dtype() == ScalarType.Double;
        double[] out = new double[ps.length];
        synchronized (g) {
            for (int i = 0; i < ps.length; i++) {
                out[i] = (doubles ? g.uniformDouble() < ps[i] : g.uniformFloat() < (float) ps[i]) ? 1 : 0;
            }
        }
        view.copyFrom(Tensor.of(out, view.sizes()));
        return self;
    }

    /**
     * {@code random_(from, to)}: integers uniform in {@code [from, to)}, from 32 random bits, or 64 where the range
     * needs them (and the dtype can hold it).
     */
    public static Tensor random_(Tensor self, long from, long to, Generator g) {
        if (from >= to) {
            throw TorchException.runtime("random_ expects 'from' to be less than 'to', but got from=" + from
                    + " >= to=" + to);
        }
        long range = to - from;
        boolean wide = Long.compareUnsigned(range, 1L << 32) >= 0 && switch (self.dtype()) {
            case Long, Double, Float, BFloat16 -> true;
            default -> false;
        };
        synchronized (g) {
            return fillLongs(self, () -> Long.remainderUnsigned(wide ? g.random64() : g.random(), range) + from);
        }
    }

    /** {@code exponential_(lambda)}: {@code -1/lambda * log1p(-u)} for a uniform double {@code u}. */
    public static Tensor exponential_(Tensor self, double lambda, Generator g) {
        requireFloating(self, "exponential_");
        if (!(lambda > 0)) {
            throw TorchException.runtime("exponential_ expects lambda > 0.0, but found lambda=" + lambda);
        }
        synchronized (g) {
            return fillDoubles(self, () -> -1.0 / lambda * Math.log1p(-g.uniformDouble()));
        }
    }

    /** {@code randperm(n)}: 0..n-1 shuffled by PyTorch's CPU Fisher-Yates ({@code random() % (n - i)}). */
    public static Tensor randperm(long n, ScalarType dtype, Generator g) {
        if (n < 0) {
            throw TorchException.runtime("n must be non-negative, got" + n);
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw TorchException.runtime("randperm of " + n + " elements is too large");
        }
        long[] r = new long[(int) n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        synchronized (g) {
            for (int i = 0; i < n - 1; i++) {
                int z = (int) (g.random() % (n - i));
                long sav = r[i];
                r[i] = r[z + i];
                r[z + i] = sav;
            }
        }
        return Tensor.of(r, n).to(dtype);
    }

    /** Fills {@code self} in memory order with doubles (cast to its dtype). */
    private static Tensor fillDoubles(Tensor self, DoubleSampler next) {
        Tensor view = memoryOrder(self);
        double[] out = new double[checkedSize(self)];
        for (int i = 0; i < out.length; i++) {
            out[i] = next.next();
        }
        view.copyFrom(Tensor.of(out, view.sizes()));
        return self;
    }

    /** Produces the next integer sample. */
    @FunctionalInterface
    private interface LongSampler {
        long next();
    }

    private static Tensor fillLongs(Tensor self, LongSampler next) {
        Tensor view = memoryOrder(self);
        long[] out = new long[checkedSize(self)];
        for (int i = 0; i < out.length; i++) {
            out[i] = next.next();
        }
        view.copyFrom(Tensor.of(out, view.sizes()));
        return self;
    }

    /** {@code self} with its dimensions permuted so that logical order is memory order (largest stride first). */
    private static Tensor memoryOrder(Tensor self) {
        return self.permute(order(self));
    }

    private static long[] order(Tensor self) {
        long[] strides = self.strides();
        long[] sizes = self.sizes();
        return IntStream.range(0, self.dim()).boxed()
                .sorted(Comparator.comparingLong((Integer d) -> sizes[d] == 1 ? Long.MAX_VALUE : strides[d])
                        .reversed().thenComparing(d -> d))
                .mapToLong(Integer::longValue).toArray();
    }

    private static int checkedSize(Tensor self) {
        long n = self.numel();
        if (n > Integer.MAX_VALUE - 8) {
            throw TorchException.runtime("cannot sample " + n + " elements at once: " + Arrays.toString(self.sizes()));
        }
        return (int) n;
    }

    private static void requireFloating(Tensor self, String op) {
        if (!self.dtype().isFloatingPoint()) {
            throw TorchException.runtime(op + " expects a floating-point tensor, got " + self.dtype());
        }
    }
}
