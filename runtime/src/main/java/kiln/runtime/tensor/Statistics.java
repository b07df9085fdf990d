package kiln.runtime.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kiln.dialects.torch.types.ScalarType;

/**
 * Statistics and numerical calculus defined by ATen in terms of other operators, built the same way:
 * {@code cov}, {@code diff}, {@code gradient}, {@code trapezoid}/{@code cumulative_trapezoid}, {@code renorm},
 * distances ({@code cdist}, {@code pairwise_distance}), histograms and {@code linspace}/{@code logspace}.
 */
public final class Statistics {
    private static final Scalar ONE = Scalar.of(1L);

    private Statistics() {
    }

    /** {@code x[1:] - x[:-1]} along {@code dim}; for bool, {@code x[1:] != x[:-1]}. */
    private static Tensor difference(Tensor x, int dim) {
        long n = x.size(dim);
        Tensor hi = x.narrow(dim, 1, Math.max(0, n - 1));
        Tensor lo = x.narrow(dim, 0, Math.max(0, n - 1));
        return x.dtype() == ScalarType.Bool ? Pointwise.binary(BinaryOp.LOGICAL_XOR, hi, lo) : Ops.sub(hi, lo, ONE);
    }

    /** {@code torch.diff}: the n-th forward difference along {@code dim}, after prepending and appending. */
    public static Tensor diff(Tensor self, long n, long dim, Tensor prepend, Tensor append) {
        TorchException.check(self.dim() > 0, "diff expects input to be at least one-dimensional");
        if (n < 0) {
            throw TorchException.runtime("order must be non-negative but got " + n);
        }
        int d = Shapes.wrapDim(dim, self.dim());
        List<Tensor> parts = new ArrayList<>();
        if (prepend != null) {
            parts.add(prepend);
        }
        parts.add(self);
        if (append != null) {
            parts.add(append);
        }
        Tensor x = parts.size() == 1 ? self : Joining.cat(parts, d);
        for (long i = 0; i < n && x.size(d) > 0; i++) {
            x = difference(x, d);
        }
        return x;
    }

    /** {@code torch.gradient} with a uniform spacing: central differences inside, one-sided at the edges. */
    public static List<Tensor> gradient(Tensor self, double spacing, long[] dims, long edgeOrder) {
        if (!(edgeOrder == 1 || edgeOrder == 2)) {
            throw TorchException.runtime("torch.gradient only supports edge_order=1 and "
                + "edge_order=2.");
        }
        long[] ds = dims;
        if (ds == null) {
            ds = new long[self.dim()];
            Arrays.setAll(ds, i -> i);
        }
        Scalar h = Scalar.of(spacing);
        List<Tensor> out = new ArrayList<>();
        for (long dim : ds) {
            int d = Shapes.wrapDim(dim, self.dim());
            long n = self.size(d);
            if (n < edgeOrder + 1) {
                throw TorchException.runtime("torch.gradient expected each dimension size to be at least "
                    + "edge_order+1");
            }
            Tensor center = Ops.div(Ops.sub(self.narrow(d, 2, n - 2), self.narrow(d, 0, n - 2), ONE), h);
            Tensor first;
            Tensor last;
            if (edgeOrder == 1) {
                first = Ops.div(Ops.sub(self.narrow(d, 1, 1), self.narrow(d, 0, 1), ONE), h);
                last = Ops.div(Ops.sub(self.narrow(d, n - 1, 1), self.narrow(d, n - 2, 1), ONE), h);
            } else {
                first = Ops.div(combination(self, d, new long[] {0, 1, 2}, new double[] {-1.5, 2, -0.5}), h);
                last = Ops.div(combination(self, d, new long[] {n - 3, n - 2, n - 1}, new double[] {0.5, -2, 1.5}),
                        h);
            }
            out.add(Joining.cat(List.of(first, Ops.div(center, Scalar.of(2L)), last), d));
        }
        return out;
    }

    /** {@code sum_i c[i] * x.narrow(d, at[i], 1)}. */
    private static Tensor combination(Tensor x, int d, long[] at, double[] c) {
        Tensor sum = Ops.mul(x.narrow(d, at[0], 1), Scalar.of(c[0]));
        for (int i = 1; i < at.length; i++) {
            sum = Ops.add(sum, Ops.mul(x.narrow(d, at[i], 1), Scalar.of(c[i])), ONE);
        }
        return sum;
    }

    /** The spacings for {@code trapezoid}: {@code diff(x)} along {@code dim}, a 1-d {@code x} along it. */
    private static Tensor spacings(Tensor y, Tensor x, int dim) {
        if (x.dim() == 1) {
            if (x.size(0) != y.size(dim)) {
                throw TorchException.runtime("trapezoid: There must be one `x` value for each "
                    + "sample point");
            }
            long[] shape = new long[y.dim()];
            Arrays.fill(shape, 1);
            shape[dim] = x.size(0) - 1;
            return Views.reshape(difference(x, 0), shape);
        }
        return difference(x, x.dim() == y.dim() ? dim : Shapes.wrapDim(dim - y.dim() + x.dim(), x.dim()));
    }

    /** {@code dx * (y[1:] + y[:-1])} along {@code dim}, the doubled trapezoid areas. */
    private static Tensor areas(Tensor y, Tensor x, long dim) {
        int d = Shapes.wrapDim(dim, y.dim());
        long n = y.size(d);
        Tensor sides = Ops.add(y.narrow(d, 1, Math.max(0, n - 1)), y.narrow(d, 0, Math.max(0, n - 1)), ONE);
        return Ops.mul(spacings(y, x, d), sides);
    }

    /** {@code torch.trapezoid(y, x, dim)}. */
    public static Tensor trapezoid(Tensor y, Tensor x, long dim) {
        return Ops.div(Reductions.sum(areas(y, x, dim), new long[] {dim}, false, null), Scalar.of(2.0));
    }

    /** {@code torch.cumulative_trapezoid(y, x, dim)}. */
    public static Tensor cumulativeTrapezoid(Tensor y, Tensor x, long dim) {
        return Reductions.cumulative(Ops.div(areas(y, x, dim), Scalar.of(2.0)), dim, null, false);
    }

    /** {@code torch.trapezoid(y, dx=, dim)}: {@code dx * (sum(y) - (y[0] + y[-1]) / 2)}, as ATen simplifies it. */
    public static Tensor trapezoid(Tensor y, double dx, long dim) {
        int d = Shapes.wrapDim(dim, y.dim());
        if (y.size(d) == 0) {
            return Ops.mul(Reductions.sum(y, new long[] {d}, false, null), Scalar.of(dx));
        }
        Tensor ends = Ops.add(y.select(d, 0), y.select(d, -1), ONE);
        return Ops.mul(Ops.sub(Reductions.sum(y, new long[] {d}, false, null), Ops.mul(ends, Scalar.of(0.5)), ONE),
                Scalar.of(dx));
    }

    /** {@code torch.cumulative_trapezoid(y, dx=, dim)}. */
    public static Tensor cumulativeTrapezoid(Tensor y, double dx, long dim) {
        int d = Shapes.wrapDim(dim, y.dim());
        long n = y.size(d);
        Tensor sides = Ops.add(y.narrow(d, 0, Math.max(0, n - 1)), y.narrow(d, 1, Math.max(0, n - 1)), ONE);
        return Reductions.cumulative(Ops.mul(sides, Scalar.of(dx / 2)), d, null, false);
    }

    /** {@code torch.cov}: the covariance of the rows' observations, with frequency and analytic weights. */
    public static Tensor cov(Tensor self, long correction, Tensor fweights, Tensor aweights) {
        if (self.dim() > 2) {
            throw TorchException.runtime("cov(): expected input to have two or fewer dimensions but got an "
                + "input with " + self.dim() + " dimensions");
        }
        Tensor in = self.dim() < 2 ? Views.reshape(self, new long[] {1, -1}) : self;
        long observations = in.size(1);
        Tensor w = fweights;
        if (aweights != null) {
            w = w == null ? aweights : Ops.mul(w, aweights);
        }
        Tensor wSum = w == null ? Tensor.scalar(Scalar.of(observations)) : Reductions.sum(w, null, false, null);
        Tensor avg = Ops.div(Reductions.sum(w == null ? in : Ops.mul(in, w), new long[] {1}, false, null), wSum);
        Tensor norm;
        if (w == null) {
            norm = Tensor.scalar(Scalar.of((double) (observations - correction)));
        } else if (correction != 0 && aweights != null) {
            norm = Ops.sub(wSum, Ops.div(Ops.mul(Reductions.sum(Ops.mul(w, aweights), null, false, null),
                    Scalar.of(correction)), wSum), ONE);
        } else {
            norm = Ops.sub(wSum, Scalar.of(correction), ONE);
        }
        if (norm.item().toDouble() <= 0) {
            norm = Tensor.zeros(norm.dtype());
        }
        Tensor centered = Ops.sub(in, avg.unsqueeze(1), ONE);
        Tensor c = LinearAlgebra.mm(centered, (w == null ? centered : Ops.mul(centered, w)).t());
        return Ops.div(c, norm).squeeze();
    }

    /** {@code torch.cdist}: the p-norm distance of every row of {@code x1} to every row of {@code x2}. */
    public static Tensor cdist(Tensor x1, Tensor x2, double p) {
        if (!(x1.dim() >= 2 && x2.dim() >= 2)) {
            throw TorchException.runtime("cdist only supports at least 2D tensors, X1 got: "
                + x1.dim() + "D");
        }
        if (!(x1.dtype().isFloatingPoint() && x2.dtype().isFloatingPoint())) {
            throw TorchException.runtime("cdist only supports "
                + "floating-point dtypes, X1 got: " + x1.dtype());
        }
        if (x1.size(-1) != x2.size(-1)) {
            throw TorchException.runtime("X1 and X2 must have the same number of columns. X1: "
                + x1.size(-1) + " X2: " + x2.size(-1));
        }
        TorchException.check(p >= 0, "cdist only supports non-negative p values");
        long[] batch = Shapes.broadcast(Arrays.copyOf(x1.sizes(), x1.dim() - 2), Arrays.copyOf(x2.sizes(),
                x2.dim() - 2));
        int rows = Math.toIntExact(x1.size(-2));
        int cols = Math.toIntExact(x2.size(-2));
        int m = Math.toIntExact(x1.size(-1));
        double[] a = Views.expand(x1, concat(batch, rows, m)).toDoubleArray();
        double[] b = Views.expand(x2, concat(batch, cols, m)).toDoubleArray();
        int count = Math.toIntExact(Shapes.numel(batch));
        double[] out = new double[count * rows * cols];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double[] diff = new double[m];
                    for (int c = 0; c < m; c++) {
                        diff[c] = a[(k * rows + i) * m + c] - b[(k * cols + j) * m + c];
                    }
                    out[(k * rows + i) * cols + j] = pNorm(diff, p);
                }
            }
        }
        return Reductions.result(out, concat(batch, rows, cols), x1.dtype());
    }

    /** {@code torch.pdist}: the p-norm distances between the rows of an N x M matrix, pairs i < j in order. */
    public static Tensor pdist(Tensor self, double p) {
        if (self.dim() != 2) {
            throw TorchException.runtime("pdist only supports 2D tensors, got: " + self.dim() + "D");
        }
        TorchException.check(self.dtype().isFloatingPoint(), "pdist only supports floating-point dtypes");
        TorchException.check(p >= 0, "pdist only supports non-negative p values");
        int n = Math.toIntExact(self.size(0));
        int m = Math.toIntExact(self.size(1));
        double[] x = self.toDoubleArray();
        double[] out = new double[Math.max(0, n * (n - 1) / 2)];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double[] diff = new double[m];
                for (int c = 0; c < m; c++) {
                    diff[c] = x[i * m + c] - x[j * m + c];
                }
                out[at++] = pNorm(diff, p);
            }
        }
        return Reductions.result(out, new long[] {out.length}, self.dtype());
    }

    private static double pNorm(double[] v, double p) {
        double acc = 0;
        for (double x : v) {
            double a = Math.abs(x);
            acc = p == 0 ? acc + (a != 0 ? 1 : 0) : Double.isInfinite(p) ? Math.max(acc, a)
                    : acc + Math.pow(a, p);
        }
        return p == 0 || Double.isInfinite(p) ? acc : Math.pow(acc, 1 / p);
    }

    private static long[] concat(long[] batch, long... tail) {
        long[] s = Arrays.copyOf(batch, batch.length + tail.length);
        System.arraycopy(tail, 0, s, batch.length, tail.length);
        return s;
    }

    /**
     * {@code torch.renorm}: each slice along {@code dim} whose p-norm exceeds {@code maxnorm} scaled down to it
     * (by {@code maxnorm / (norm + 1e-7)}).
     */
    public static Tensor renorm(Tensor self, double p, long dim, double maxnorm) {
        TorchException.check(p > 0, "renorm: non-positive-norm not supported");
        if (maxnorm < 0) {
            throw TorchException.runtime("renorm: expected maxnorm to be >= 0 but got " + maxnorm);
        }
        int d = Shapes.wrapDim(dim, self.dim());
        long[] others = new long[Math.max(0, self.dim() - 1)];
        for (int i = 0, k = 0; i < self.dim(); i++) {
            if (i != d) {
                others[k++] = i;
            }
        }
        Tensor abs = Ops.abs(self);
        Tensor norm = Double.isInfinite(p) ? Reductions.extreme(abs, others, true, true)
                : Pointwise.binary(BinaryOp.POW, Reductions.sum(Pointwise.binary(BinaryOp.POW, abs, Scalar.of(p)),
                        others, true, null), Scalar.of(1 / p));
        Tensor factor = Pointwise.where(Pointwise.binary(BinaryOp.GT, norm, Scalar.of(maxnorm)),
                Ops.div(Tensor.scalar(Scalar.of(maxnorm), norm.dtype()), Ops.add(norm, Scalar.of(1e-7), ONE)),
                Scalar.of(1.0));
        return Ops.mul(self, factor);
    }

    /**
     * {@code torch.histogramdd}: counts (or weights) of the N x D sample points in a grid of equal bins per
     * dim, over {@code range} or the data's extent (widened by 0.5 each side when empty); with the edges.
     */
    public static List<Tensor> histogramdd(Tensor self, long[] bins, double[] range, Tensor weight,
            boolean density) {
        int dims = checkSamples(self, bins.length);
        double[] points = Views.reshape(self, new long[] {-1, dims}).toDoubleArray();
        int n = points.length / Math.max(1, dims);
        List<Tensor> edges = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            double lo = range != null ? range[2 * d] : Double.POSITIVE_INFINITY;
            double hi = range != null ? range[2 * d + 1] : Double.NEGATIVE_INFINITY;
            for (int i = 0; range == null && i < n; i++) {
                lo = Math.min(lo, points[i * dims + d]);
                hi = Math.max(hi, points[i * dims + d]);
            }
            if (n == 0 && range == null) {
                lo = 0;
                hi = 0;
            }
            if (lo > hi) {
                throw TorchException.runtime("torch.histogramdd: min should not exceed max, but got min " + lo
                    + " max " + hi + " for dimension " + d);
            }
            if (lo == hi) {
                lo -= 0.5;
                hi += 0.5;
            }
            edges.add(linspace(lo, hi, bins[d] + 1, self.dtype()));
        }
        return histogramdd(self, edges, weight, density);
    }

    private static int checkSamples(Tensor self, int edgeSets) {
        if (!self.dtype().isFloatingPoint()) {
            throw TorchException.runtime("torch.histogramdd: input tensor and bins tensors "
                + "should have the same dtype, but got input " + self.dtype());
        }
        int dims = Math.toIntExact(self.size(-1));
        if (edgeSets != dims) {
            throw TorchException.runtime("torch.histogramdd: expected " + dims + " sequences of bin "
                + "edges for each dimension, but got " + edgeSets);
        }
        return dims;
    }

    /** {@code torch.histogramdd} with the bin edges of each dim given (ascending). */
    public static List<Tensor> histogramdd(Tensor self, List<Tensor> edges, Tensor weight, boolean density) {
        int dims = checkSamples(self, edges.size());
        double[] points = Views.reshape(self, new long[] {-1, dims}).toDoubleArray();
        int n = points.length / Math.max(1, dims);
        double[] w = weight == null ? null : weight.toDoubleArray();
        double[][] edge = new double[dims][];
        long[] shape = new long[dims];
        for (int d = 0; d < dims; d++) {
            edge[d] = edges.get(d).toDoubleArray();
            shape[d] = Math.max(0, edge[d].length - 1);
        }
        double[] hist = new double[Math.toIntExact(Shapes.numel(shape))];
        for (int i = 0; i < n; i++) {
            int flat = 0;
            boolean inside = true;
            for (int d = 0; d < dims && inside; d++) {
                int at = bin(points[i * dims + d], edge[d]);
                inside = at >= 0;
                flat = Math.toIntExact(flat * shape[d] + at);
            }
            if (inside) {
                hist[flat] += w == null ? 1 : w[i];
            }
        }
        if (density) {
            double total = Arrays.stream(hist).sum();
            for (int f = 0; f < hist.length; f++) {
                double volume = 1;
                for (int d = dims - 1, rest = f; d >= 0; d--) {
                    int at = Math.toIntExact(rest % shape[d]);
                    rest /= (int) shape[d];
                    volume *= edge[d][at + 1] - edge[d][at];
                }
                hist[f] /= total * volume;
            }
        }
        List<Tensor> out = new ArrayList<>();
        out.add(Reductions.result(hist, shape, self.dtype()));
        for (Tensor e : edges) {
            out.add(e.contiguous().to(self.dtype()));
        }
        return out;
    }

    /**
     * {@code torch.histc}: counts in {@code bins} equal bins over [min, max] (the data's extent when both are 0,
     * widened by 1 each side when empty); values outside are ignored.
     */
    public static Tensor histc(Tensor self, long bins, double min, double max) {
        if (bins <= 0) {
            throw TorchException.runtime("torch.histc: bins must be > 0, but got " + bins + " for dimension 0");
        }
        TorchException.check(self.dtype().isFloatingPoint(), "torch.histc: input tensor should be floating point");
        double[] x = self.toDoubleArray();
        double lo = min;
        double hi = max;
        if (lo == hi && x.length > 0) {
            lo = Arrays.stream(x).min().orElse(0);
            hi = Arrays.stream(x).max().orElse(0);
        }
        if (lo == hi) {
            lo -= 1;
            hi += 1;
        }
        TorchException.check(lo <= hi, "torch.histc: max must be larger than min");
        double[] hist = new double[Math.toIntExact(bins)];
        for (double v : x) {
            if (v >= lo && v <= hi) {
                hist[(int) Math.min(bins - 1, (long) ((v - lo) * bins / (hi - lo)))]++;
            }
        }
        return Reductions.result(hist, new long[] {bins}, self.dtype());
    }

    /** The bin of {@code x} among the ascending {@code edges} (the last bin closed), or -1 outside. */
    private static int bin(double x, double[] edges) {
        int bins = edges.length - 1;
        if (bins < 1 || !(x >= edges[0] && x <= edges[bins])) {
            return -1;
        }
        int lo = 0;
        int hi = bins;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * {@code torch.linspace}: {@code steps} values from {@code start} to {@code end}, computed as ATen does
     * (forward from the start for the first half, backward from the end for the rest; in float for float32).
     */
    public static Tensor linspace(double start, double end, long steps, ScalarType dtype) {
        TorchException.check(steps >= 0, "number of steps must be non-negative");
        double[] out = new double[Math.toIntExact(steps)];
        boolean single = dtype == ScalarType.Float || dtype == ScalarType.Half || dtype == ScalarType.BFloat16;
        if (steps == 1) {
            out[0] = start;
        } else if (steps > 1) {
            double step = (end - start) / (steps - 1);
            float fstep = ((float) end - (float) start) / (float) (steps - 1);
            long halfway = steps / 2;
            for (int i = 0; i < steps; i++) {
                if (single) {
                    out[i] = i < halfway ? (float) start + fstep * i : (float) end - fstep * (steps - i - 1);
                } else {
                    out[i] = i < halfway ? start + step * i : end - step * (steps - i - 1);
                }
            }
        }
        if (!dtype.isFloatingPoint()) {
            long[] ints = Arrays.stream(out).mapToLong(v -> (long) v).toArray();
            return Reductions.result(ints, new long[] {steps}, dtype);
        }
        return Reductions.result(out, new long[] {steps}, dtype);
    }
}
