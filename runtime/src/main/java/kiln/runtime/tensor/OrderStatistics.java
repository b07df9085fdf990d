package kiln.runtime.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kiln.dialects.torch.types.ScalarType;

/**
 * Order statistics and the scans that keep an index: {@code kthvalue}, {@code median}/{@code nanmedian},
 * {@code mode}, {@code quantile}/{@code nanquantile}, {@code cummin}/{@code cummax} and {@code logcumsumexp},
 * on {@link Reductions}' row templates. NaN sorts as the largest value, as in PyTorch.
 */
public final class OrderStatistics {
    private OrderStatistics() {
    }

    /** The row's indices ordered by value (stable; NaN last). */
    private static Integer[] order(double[] in, int base, int n) {
        Integer[] idx = new Integer[n];
        for (int j = 0; j < n; j++) {
            idx[j] = j;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(in[base + a], in[base + b]));
        return idx;
    }

    private static int nans(double[] in, int base, int n) {
        int count = 0;
        for (int j = 0; j < n; j++) {
            count += Double.isNaN(in[base + j]) ? 1 : 0;
        }
        return count;
    }

    /** {@code torch.kthvalue}: the k-th smallest value along {@code dim} and its index. */
    public static Tensor[] kthvalue(Tensor self, long k, long dim, boolean keepdim) {
        long size = self.dim() == 0 ? 1 : self.size(dim);
        if (!(k >= 1 && k <= size)) {
            throw TorchException.runtime("kthvalue(): selected number k out of range for dimension "
                + (self.dim() == 0 ? 0 : Shapes.wrapDim(dim, self.dim())));
        }
        return Reductions.selectWithIndex(self, dim, keepdim, "kthvalue",
                (in, base, n) -> Selection.quickSelect(in, base, n, (int) k - 1));
    }

    /**
     * {@code torch.median(dim)} ({@code ignoreNan} false: NaN if the row has one) and {@code nanmedian(dim)}: the
     * lower median of the (non-NaN) values and its index.
     */
    public static Tensor[] median(Tensor self, long dim, boolean keepdim, boolean ignoreNan) {
        return Reductions.selectWithIndex(self, dim, keepdim, ignoreNan ? "nanmedian" : "median", (in, base, n) -> {
            int valid = n - nans(in, base, n);
            if (valid < n && (!ignoreNan || valid == 0)) {
                for (int j = 0; ; j++) {
                    if (Double.isNaN(in[base + j])) {
                        return j;
                    }
                }
            }
            return Selection.nthElement(in, base, n, (valid - 1) / 2);
        });
    }

    /** {@code torch.median()}/{@code nanmedian()}: the median of all elements, a 0-dim tensor. */
    public static Tensor median(Tensor self, boolean ignoreNan) {
        if (self.numel() <= 0) {
            throw TorchException.runtime((ignoreNan ? "nanmedian" : "median")
                + "() input tensor cannot be empty");
        }
        return median(Views.reshape(self, new long[] {-1}), 0, false, ignoreNan)[0];
    }

    /** {@code torch.mode}: the most frequent value (the smallest of a tie) and the index of its last occurrence. */
    public static Tensor[] mode(Tensor self, long dim, boolean keepdim) {
        return Reductions.selectWithIndex(self, dim, keepdim, "mode", (in, base, n) -> {
            Integer[] idx = order(in, base, n);
            int best = 0;
            int bestCount = 0;
            for (int s = 0; s < n;) {
                int e = s;
                while (e < n && Double.compare(in[base + idx[e]], in[base + idx[s]]) == 0) {
                    e++;
                }
                if (e - s > bestCount) {
                    bestCount = e - s;
                    best = s;
                }
                s = e;
            }
            int last = idx[best];
            for (int j = best; j < best + bestCount; j++) {
                last = Math.max(last, idx[j]);
            }
            return last;
        });
    }

    /**
     * {@code torch.quantile}/{@code nanquantile} for one q: over {@code dim} (null: all, flattened), with
     * {@code interpolation} {@code linear}, {@code lower}, {@code higher}, {@code nearest} or {@code midpoint}.
     */
    public static Tensor quantile(Tensor self, double q, Long dim, boolean keepdim, String interpolation,
            boolean ignoreNan) {
        String fn = ignoreNan ? "nanquantile()" : "quantile()";
        if (!(self.dtype() == ScalarType.Float || self.dtype() == ScalarType.Double)) {
            throw TorchException.runtime(fn
                + " input tensor must be either float or double dtype");
        }
        if (!(q >= 0 && q <= 1)) {
            throw TorchException.runtime(fn + " q must be in the range [0, 1] but got " + q);
        }
        if (self.numel() <= 0) {
            throw TorchException.runtime(fn + " input tensor must be non-empty");
        }
        Tensor in = dim == null ? Views.reshape(self, new long[] {-1}) : self;
        long d = dim == null ? 0 : dim;
        Tensor out = Reductions.alongDim(in, d, ScalarType.Double, (x, base, n) -> {
            double v = quantileOfRow(x, base, n, q, interpolation, ignoreNan);
            Arrays.fill(x, base, base + n, v);
        });
        Tensor first = in.dim() == 0 ? out : out.narrow(Shapes.wrapDim(d, in.dim()), 0, 1);
        Tensor r = keepdim || in.dim() == 0 ? first : first.squeeze(d);
        if (dim == null && keepdim) {
            long[] ones = new long[self.dim()];
            Arrays.fill(ones, 1);
            r = Views.reshape(r, ones);
        }
        return r.contiguous().to(self.dtype());
    }

    /** The tensor-q forms: a 0-dim q as one q, a 1-d q stacked along a new first dim. */
    public static Tensor quantile(Tensor self, Tensor q, Long dim, boolean keepdim, String interpolation,
            boolean ignoreNan) {
        String fn = ignoreNan ? "nanquantile()" : "quantile()";
        if (q.dim() > 1) {
            throw TorchException.runtime(fn + " q must be a scalar or 1D tensor");
        }
        if (q.dtype() != self.dtype()) {
            throw TorchException.runtime(fn + " q tensor must be same dtype as the input tensor");
        }
        if (q.dim() == 0) {
            return quantile(self, q.item().toDouble(), dim, keepdim, interpolation, ignoreNan);
        }
        List<Tensor> parts = new ArrayList<>();
        for (double v : q.toDoubleArray()) {
            parts.add(quantile(self, v, dim, keepdim, interpolation, ignoreNan));
        }
        return Joining.stack(parts, 0);
    }

    private static double quantileOfRow(double[] x, int base, int n, double q, String interpolation,
            boolean ignoreNan) {
        double[] row = Arrays.copyOfRange(x, base, base + n);
        Arrays.sort(row);
        int valid = n - nans(row, 0, n);
        if (valid == 0 || valid < n && !ignoreNan) {
            return Double.NaN;
        }
        double rank = q * (valid - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return switch (interpolation) {
            case "linear" -> lerp(row[lo], row[hi], rank - lo);
            case "lower" -> row[lo];
            case "higher" -> row[hi];
            case "nearest" -> row[(int) Math.rint(rank)];
            case "midpoint" -> lerp(row[lo], row[hi], 0.5);
            default -> throw TorchException.runtime("quantile() interpolation must be one of linear, lower, "
                    + "higher, midpoint or nearest. Got " + interpolation);
        };
    }

    /** ATen's two-sided {@code lerp}. */
    private static double lerp(double a, double b, double w) {
        return w < 0.5 ? a + w * (b - a) : b - (b - a) * (1 - w);
    }

    /**
     * {@code torch.cummin}/{@code cummax} along {@code dim}: the running extreme (ties and NaN take the later
     * index) and its int64 index.
     */
    public static Tensor[] cumulativeExtreme(Tensor self, long dim, boolean max) {
        return new Tensor[] {Reductions.alongDim(self, dim, self.dtype(), runningExtreme(max, false)),
            Reductions.alongDim(self, dim, ScalarType.Long, runningExtreme(max, true))};
    }

    /** Rewrites a row with its running extreme, or with the extreme's index. */
    private static Reductions.RowTransform runningExtreme(boolean max, boolean indices) {
        return (x, base, n) -> {
            double best = x[base];
            long at = 0;
            for (int j = 0; j < n; j++) {
                double v = x[base + j];
                if (Double.isNaN(v) || !Double.isNaN(best) && (max ? v >= best : v <= best)) {
                    best = v;
                    at = j;
                }
                x[base + j] = indices ? at : best;
            }
        };
    }

    /** {@code torch.logcumsumexp}: {@code log(cumsum(exp(x)))}, stably. */
    public static Tensor logcumsumexp(Tensor self, long dim) {
        ScalarType out = self.dtype().isFloatingPoint() ? self.dtype() : DTypes.DEFAULT_FLOAT;
        return Reductions.alongDim(self, dim, out, (x, base, n) -> {
            for (int j = 1; j < n; j++) {
                double a = x[base + j - 1];
                double b = x[base + j];
                double min = Double.isNaN(b) ? b : Math.min(a, b);
                double mx = Double.isNaN(b) ? b : Math.max(a, b);
                x[base + j] = min != mx || Double.isFinite(min) ? mx + Math.log1p(Math.exp(min - mx)) : a;
            }
        });
    }
}
