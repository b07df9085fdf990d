package kiln.runtime.tensor;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

import kiln.dialects.torch.types.ScalarType;

/**
 * Reductions over some or all dims, with ATen's result dtypes and shapes ({@code keepdim}): {@code sum},
 * {@code prod}, {@code mean}, {@code amax}/{@code amin}, {@code max}/{@code min} with indices, {@code argmax}/
 * {@code argmin}, {@code var}/{@code std}, {@code all}/{@code any}, and {@code softmax}/{@code log_softmax}.
 * The reduced elements are gathered row by row and accumulated in double (int64 for integer sums), so float
 * results are at least as accurate as ATen's, though not always bit-identical.
 */
public final class Reductions {
    private Reductions() {
    }

    /** The elements of {@code self} arranged as {@code outer} rows of the {@code inner} reduced elements. */
    private record Gathered(Tensor rows, long[] shape, long[] keptShape, int outer, int inner) {
        long[] outShape(boolean keepdim) {
            return keepdim ? keptShape : shape;
        }
    }

    /** Which dims a {@code dim} argument names: null or empty means all of them. */
    private static boolean[] reduced(Tensor self, long[] dims) {
        int n = self.dim();
        boolean[] r = new boolean[Math.max(n, 1)];
        if (dims == null || dims.length == 0) {
            Arrays.fill(r, true);
            return r;
        }
        for (long d : dims) {
            int w = Shapes.wrapDim(d, n);
            if (r[w]) {
                throw TorchException.runtime("dim " + w + " appears multiple times in the list of dims");
            }
            r[w] = true;
        }
        return r;
    }

    private static Gathered gather(Tensor self, long[] dims) {
        boolean[] r = reduced(self, dims);
        int n = self.dim();
        long[] sizes = self.sizesRaw();
        int[] perm = new int[n];
        int k = 0;
        long outer = 1;
        long inner = 1;
        long[] shape = new long[n];
        long[] kept = new long[n];
        int s = 0;
        for (int d = 0; d < n; d++) {
            if (!r[d]) {
                perm[k++] = d;
                outer *= sizes[d];
                shape[s++] = sizes[d];
                kept[d] = sizes[d];
            } else {
                kept[d] = 1;
            }
        }
        for (int d = 0; d < n; d++) {
            if (r[d]) {
                perm[k++] = d;
                inner *= sizes[d];
            }
        }
        long[] p = Arrays.stream(perm).asLongStream().toArray();
        Tensor rows = n == 0 ? self : Views.permute(self, p);
        return new Gathered(rows, Arrays.copyOf(shape, s), kept, Math.toIntExact(outer), Math.toIntExact(inner));
    }

    /** The values, row-major in {@code shape} (which may be 0-dim), converted to {@code dtype}. */
    static Tensor result(double[] values, long[] shape, ScalarType dtype) {
        return Views.view(Tensor.of(values), shape).to(dtype);
    }

    static Tensor result(long[] values, long[] shape, ScalarType dtype) {
        return Views.view(Tensor.of(values), shape).to(dtype);
    }

    /** {@code sum}/{@code prod}'s dtype: the requested one, else int64 for integer and bool inputs. */
    private static ScalarType accumulatingDtype(Tensor self, ScalarType dtype) {
        return dtype != null ? dtype : self.dtype().isIntegral(true) ? ScalarType.Long : self.dtype();
    }

    /** Each row of {@code g} folded with {@code op} from {@code identity}, in double. */
    private static double[] foldDoubles(Gathered g, double identity, DoubleBinaryOperator op) {
        double[] in = g.rows().toDoubleArray();
        double[] acc = new double[g.outer()];
        for (int i = 0; i < g.outer(); i++) {
            double a = identity;
            for (int j = 0, base = i * g.inner(); j < g.inner(); j++) {
                a = op.applyAsDouble(a, in[base + j]);
            }
            acc[i] = a;
        }
        return acc;
    }

    /** Each row of {@code g} folded with {@code op} from {@code identity}, in int64. */
    private static long[] foldLongs(Gathered g, long identity, LongBinaryOperator op) {
        long[] in = g.rows().toLongArray();
        long[] acc = new long[g.outer()];
        for (int i = 0; i < g.outer(); i++) {
            long a = identity;
            for (int j = 0, base = i * g.inner(); j < g.inner(); j++) {
                a = op.applyAsLong(a, in[base + j]);
            }
            acc[i] = a;
        }
        return acc;
    }

    public static Tensor sum(Tensor self, long[] dims, boolean keepdim, ScalarType dtype) {
        ScalarType out = accumulatingDtype(self, dtype);
        Gathered g = gather(self, dims);
        return out.isIntegral(true) ? result(foldLongs(g, 0L, Long::sum), g.outShape(keepdim), out)
                : result(foldDoubles(g, 0.0, Double::sum), g.outShape(keepdim), out);
    }

    public static Tensor prod(Tensor self, long[] dims, boolean keepdim, ScalarType dtype) {
        ScalarType out = accumulatingDtype(self, dtype);
        Gathered g = gather(self, dims);
        return out.isIntegral(true) ? result(foldLongs(g, 1L, (x, y) -> x * y), g.outShape(keepdim), out)
                : result(foldDoubles(g, 1.0, (x, y) -> x * y), g.outShape(keepdim), out);
    }

    public static Tensor mean(Tensor self, long[] dims, boolean keepdim, ScalarType dtype) {
        ScalarType out = dtype != null ? dtype : self.dtype();
        if (!(out.isFloatingPoint() || out.isComplex())) {
            throw TorchException.runtime("mean(): could not infer output dtype. "
                + (dtype == null ? "Input" : "Optional") + " dtype must be either a floating point or complex dtype. "
                + "Got: " + out);
        }
        Gathered g = gather(self, dims);
        double[] sums = foldDoubles(g, 0.0, Double::sum);
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= g.inner();
        }
        return result(sums, g.outShape(keepdim), out);
    }

    /** {@code var}/{@code std} with Bessel's {@code correction} (1 for the unbiased estimate). */
    public static Tensor variance(Tensor self, long[] dims, double correction, boolean keepdim, boolean sqrt) {
        if (!self.dtype().isFloatingPoint()) {
            throw TorchException.runtime((sqrt ? "std" : "var")
                + "(): input tensor should be of floating point type, but got " + self.dtype());
        }
        Gathered g = gather(self, dims);
        double[] in = g.rows().toDoubleArray();
        double[] acc = new double[g.outer()];
        for (int i = 0; i < g.outer(); i++) {
            int base = i * g.inner();
            double mean = 0;
            for (int j = 0; j < g.inner(); j++) {
                mean += in[base + j];
            }
            mean /= g.inner();
            double m2 = 0;
            for (int j = 0; j < g.inner(); j++) {
                double dev = in[base + j] - mean;
                m2 += dev * dev;
            }
            double v = m2 / Math.max(0, g.inner() - correction);
            acc[i] = sqrt ? Math.sqrt(v) : v;
        }
        return result(acc, g.outShape(keepdim), self.dtype());
    }

    /** {@code amax}/{@code amin} (and {@code max()}/{@code min()} with no dim): NaN wins. */
    public static Tensor extreme(Tensor self, long[] dims, boolean keepdim, boolean max) {
        Gathered g = gather(self, dims);
        if (!(g.inner() > 0 || self.numel() == 0 && g.outer() == 0)) {
            throw TorchException.runtime((max ? "max" : "min")
                + "(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
                + "with the 'dim' argument.");
        }
        if (!self.dtype().isFloatingPoint()) {
            long[] acc = max ? foldLongs(g, Long.MIN_VALUE, Math::max) : foldLongs(g, Long.MAX_VALUE, Math::min);
            return result(acc, g.outShape(keepdim), self.dtype());
        }
        double[] acc = max ? foldDoubles(g, Double.NEGATIVE_INFINITY, Math::max)
                : foldDoubles(g, Double.POSITIVE_INFINITY, Math::min);
        return result(acc, g.outShape(keepdim), self.dtype());
    }

    /** Picks one element of a row (the {@code n} values from {@code base}): its index in the row. */
    @FunctionalInterface
    public interface RowSelector {
        int select(double[] rows, int base, int n);
    }

    /**
     * Selects one element per row along {@code dim} ({@code max(dim)}, {@code kthvalue}, {@code median(dim)},
     * {@code mode}, ...): the values, in {@code self}'s dtype, and their int64 indices along {@code dim}.
     */
    public static Tensor[] selectWithIndex(Tensor self, long dim, boolean keepdim, String name,
            RowSelector selector) {
        long d = self.dim() == 0 ? 0 : dim;
        Gathered g = gather(self, new long[] {d});
        if (g.inner() <= 0) {
            throw TorchException.index(name + "(): Expected reduction dim "
                + Shapes.wrapDim(dim, self.dim()) + " to have non-zero size.");
        }
        double[] in = g.rows().toDoubleArray();
        double[] values = new double[g.outer()];
        long[] indices = new long[g.outer()];
        for (int i = 0; i < g.outer(); i++) {
            int at = selector.select(in, i * g.inner(), g.inner());
            values[i] = in[i * g.inner() + at];
            indices[i] = at;
        }
        long[] shape = g.outShape(keepdim && self.dim() > 0);
        Tensor v = self.dtype().isFloatingPoint() ? result(values, shape, self.dtype())
                : result(Arrays.stream(values).mapToLong(x -> (long) x).toArray(), shape, self.dtype());
        return new Tensor[] {v, result(indices, shape, ScalarType.Long)};
    }

    /**
     * {@code max(dim)}/{@code min(dim)}: the values and the int64 index of the first extreme (of the first NaN
     * when there is one) along {@code dim}; {@code argmax}/{@code argmin} are the indices.
     */
    public static Tensor[] extremeWithIndex(Tensor self, long dim, boolean keepdim, boolean max) {
        return selectWithIndex(self, dim, keepdim, max ? "max" : "min", (in, base, n) -> {
            double best = in[base];
            int at = 0;
            for (int j = 1; j < n && !Double.isNaN(best); j++) {
                double v = in[base + j];
                if (Double.isNaN(v) || (max ? v > best : v < best)) {
                    best = v;
                    at = j;
                }
            }
            return at;
        });
    }

    /** {@code argmax}/{@code argmin}; a null dim looks at the flattened tensor. */
    public static Tensor argExtreme(Tensor self, Long dim, boolean keepdim, boolean max) {
        if (dim == null) {
            Tensor flat = Views.reshape(self, new long[] {-1});
            Tensor idx = extremeWithIndex(flat, 0, false, max)[1];
            if (keepdim) {
                long[] ones = new long[self.dim()];
                Arrays.fill(ones, 1);
                return Views.reshape(idx, ones);
            }
            return idx;
        }
        return extremeWithIndex(self, dim, keepdim, max)[1];
    }

    /** {@code all}/{@code any} over {@code dims} (null: all): a bool tensor. */
    public static Tensor allAny(Tensor self, long[] dims, boolean keepdim, boolean all) {
        Gathered g = gather(self, dims);
        double[] acc = all ? foldDoubles(g, 1.0, (a, v) -> a != 0 && v != 0 ? 1 : 0)
                : foldDoubles(g, 0.0, (a, v) -> a != 0 || v != 0 ? 1 : 0);
        return result(acc, g.outShape(keepdim), ScalarType.Bool);
    }

    /** Rewrites one row of values in place: the {@code n} elements from {@code base}. */
    @FunctionalInterface
    public interface RowTransform {
        void apply(double[] x, int base, int n);
    }

    /**
     * Applies {@code transform} to every row along {@code dim} (moved last, then back), in double; the result has
     * {@code in}'s shape, contiguous, in {@code dtype}.
     */
    public static Tensor alongDim(Tensor in, long dim, ScalarType dtype, RowTransform transform) {
        if (in.dim() == 0) {
            double[] x = in.toDoubleArray();
            transform.apply(x, 0, 1);
            return result(x, new long[0], dtype);
        }
        return rowsAlong(in, dim, (moved, n) -> {
            double[] x = moved.toDoubleArray();
            for (int base = 0; n > 0 && base < x.length; base += n) {
                transform.apply(x, base, n);
            }
            return result(x, moved.sizesRaw(), dtype);
        });
    }

    /**
     * {@code rows} applied to {@code in} (of at least one dim) with {@code dim} moved last, given the row length;
     * its result (of the moved shape) is moved back and made contiguous.
     */
    private static Tensor rowsAlong(Tensor in, long dim, BiFunction<Tensor, Integer, Tensor> rows) {
        int d = Shapes.wrapDim(dim, in.dim());
        long[] src = {d};
        long[] last = {in.dim() - 1};
        Tensor moved = Views.movedim(in, src, last);
        return Views.movedim(rows.apply(moved, Math.toIntExact(in.size(d))), last, src).contiguous();
    }

    /** {@code softmax}/{@code log_softmax} along {@code dim}, in {@code dtype} when given. */
    public static Tensor softmax(Tensor self, long dim, ScalarType dtype, boolean log) {
        Tensor in = dtype == null ? self : self.to(dtype);
        if (!in.dtype().isFloatingPoint()) {
            throw TorchException.runtime("\"" + (log ? "log_softmax" : "softmax")
                + "_lastdim_kernel_impl\" not implemented for '" + in.dtype() + "'");
        }
        if (in.dtype() == ScalarType.Float && in.dim() > 0 && VectorSupport.AVAILABLE) {
            // float32 in float, vectorized, as ATen's softmax kernels compute it
            return rowsAlong(in, dim, (moved, n) -> {
                float[] x = moved.toFloatArray();
                SoftmaxRows.apply(x, n, log);
                return Tensor.copyOf(x, moved.sizesRaw());
            });
        }
        return alongDim(in, dim, in.dtype(), (x, base, n) -> {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                m = Math.max(m, x[base + j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += Math.exp(x[base + j] - m);
            }
            double logSum = Math.log(sum);
            for (int j = 0; j < n; j++) {
                x[base + j] = log ? x[base + j] - m - logSum : Math.exp(x[base + j] - m) / sum;
            }
        });
    }

    /** {@code cumsum}/{@code cumprod} along {@code dim}; integer inputs accumulate in int64 unless a dtype is given. */
    public static Tensor cumulative(Tensor self, long dim, ScalarType dtype, boolean product) {
        ScalarType out = accumulatingDtype(self, dtype);
        return alongDim(self, dim, out, (x, base, n) -> {
            for (int j = 1; j < n; j++) {
                x[base + j] = product ? x[base + j - 1] * x[base + j] : x[base + j - 1] + x[base + j];
            }
        });
    }

    /** {@code torch.logsumexp(self, dims, keepdim)}: {@code log(sum(exp(x)))} shifted by the max for range. */
    public static Tensor logsumexp(Tensor self, long[] dims, boolean keepdim) {
        ScalarType out = self.dtype().isFloatingPoint() ? self.dtype() : DTypes.DEFAULT_FLOAT;
        Gathered g = gather(self, dims);
        double[] in = g.rows().toDoubleArray();
        double[] acc = new double[g.outer()];
        for (int i = 0; i < g.outer(); i++) {
            int base = i * g.inner();
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < g.inner(); j++) {
                m = Math.max(m, in[base + j]);
            }
            double shift = Double.isInfinite(m) ? 0 : m;
            double sum = 0;
            for (int j = 0; j < g.inner(); j++) {
                sum += Math.exp(in[base + j] - shift);
            }
            acc[i] = Math.log(sum) + shift;
        }
        return result(acc, g.outShape(keepdim), out);
    }

    /** {@code torch.nanmean}: the mean of the non-NaN elements. */
    public static Tensor nanmean(Tensor self, long[] dims, boolean keepdim, ScalarType dtype) {
        ScalarType out = dtype != null ? dtype : self.dtype();
        if (!out.isFloatingPoint()) {
            throw TorchException.runtime("nanmean(): expected input to have floating point or complex "
                + "dtype but got " + out);
        }
        Gathered g = gather(self, dims);
        double[] sums = foldDoubles(g, 0.0, (a, v) -> Double.isNaN(v) ? a : a + v);
        double[] counts = foldDoubles(g, 0.0, (a, v) -> Double.isNaN(v) ? a : a + 1);
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= counts[i];
        }
        return result(sums, g.outShape(keepdim), out);
    }
}
