package kiln.runtime.tensor;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import kiln.dialects.torch.types.ScalarType;

/**
 * Operators that search sorted data or group equal values: {@code searchsorted}/{@code bucketize} (ATen's
 * binary search, so NaN values land past the end), and {@code unique} (sorted, optionally along a dim) and
 * {@code unique_consecutive}, both returning PyTorch's three results (values, inverse indices, counts; the last
 * two empty unless asked for).
 */
public final class Searching {
    private Searching() {
    }

    /** {@code torch.searchsorted(sorted_sequence, values, out_int32, right, side, sorter)}. */
    public static Tensor searchsorted(Tensor sorted, Tensor values, boolean outInt32, boolean right, String side,
            Tensor sorter) {
        if (!(side == null || side.equals("left") || side.equals("right"))) {
            throw TorchException.runtime("torch.searchsorted(): "
                + "side can only be 'left' or 'right' but got " + side);
        }
        if (!(side == null || !right || side.equals("right"))) {
            throw TorchException.runtime("torch.searchsorted(): side and right "
                + "can't be set to opposites, got side of left while right was True");
        }
        boolean upper = right || "right".equals(side);
        if (!(sorted.dim() == 1 || values.dim() == sorted.dim() && Arrays.equals(
                Arrays.copyOf(sorted.sizesRaw(), sorted.dim() - 1), Arrays.copyOf(values.sizesRaw(),
                        values.dim() - 1)))) {
            throw TorchException.runtime("torch.searchsorted(): boundaries tensor should be 1 dimension or the "
                + "first N-1 dimensions of boundaries tensor and input value tensor must match, but we got "
                + "boundaries tensor " + Shapes.str(sorted.sizesRaw()) + " and input value tensor "
                + Shapes.str(values.sizesRaw()));
        }
        if (!(sorter == null || Arrays.equals(sorter.sizesRaw(), sorted.sizesRaw())
                && sorter.dtype() == ScalarType.Long)) {
            throw TorchException.runtime("torch.searchsorted(): sorter must be an int64 tensor of the "
                + "boundaries' size " + Shapes.str(sorted.sizesRaw()));
        }
        double[] seq = sorted.toDoubleArray();
        long[] order = sorter == null ? null : sorter.toLongArray();
        double[] v = values.toDoubleArray();
        int n = sorted.dim() == 0 ? 1 : (int) sorted.size(-1);
        int perRow = sorted.dim() <= 1 ? Integer.MAX_VALUE : (int) Math.max(values.size(-1), 1);
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            int base = sorted.dim() <= 1 ? 0 : i / perRow * n;
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                double m = seq[base + (order == null ? mid : (int) order[base + mid])];
                boolean goRight = upper ? !(m > v[i]) : !(m >= v[i]);
                if (goRight) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            out[i] = lo;
        }
        return Reductions.result(out, values.sizesRaw(), outInt32 ? ScalarType.Int : ScalarType.Long);
    }

    /** {@code torch.bucketize(values, boundaries, out_int32, right)}. */
    public static Tensor bucketize(Tensor values, Tensor boundaries, boolean outInt32, boolean right) {
        if (boundaries.dim() != 1) {
            throw TorchException.runtime("boundaries tensor must be 1 dimension, but got dim("
                + boundaries.dim() + ")");
        }
        return searchsorted(boundaries, values, outInt32, right, null, null);
    }

    /** {@code torch._unique2} ({@code dim} null) and {@code torch.unique_dim}: sorted unique values or slices. */
    public static Tensor[] unique(Tensor self, Long dim, boolean inverse, boolean counts) {
        return group(self, dim, true, inverse, counts);
    }

    /** {@code torch.unique_consecutive}: runs of equal values (or slices along {@code dim}) collapsed. */
    public static Tensor[] uniqueConsecutive(Tensor self, Long dim, boolean inverse, boolean counts) {
        return group(self, dim, false, inverse, counts);
    }

    private static Tensor[] group(Tensor self, Long dim, boolean sort, boolean wantInverse, boolean wantCounts) {
        int d = dim == null ? 0 : Shapes.wrapDim(dim, self.dim());
        Tensor source = dim == null ? Views.reshape(self, new long[] {-1}) : self;
        int n = (int) (source.dim() == 0 ? 1 : source.size(d));
        int width = n == 0 ? 0 : (int) (source.numel() / n);
        double[] rows = n == 0 ? new double[0] : Views.movedim(source, new long[] {d}, new long[] {0}).toDoubleArray();
        Comparator<Integer> lexicographic = (a, b) -> {
            for (int j = 0; j < width; j++) {
                int c = Double.compare(rows[a * width + j], rows[b * width + j]);
                if (c != 0 && rows[a * width + j] != rows[b * width + j]) {
                    return c;
                }
            }
            return 0;
        };
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        if (sort) {
            Arrays.sort(order, lexicographic);
        }
        long[] representatives = new long[n];
        long[] inverse = new long[n];
        long[] sizes = new long[n];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || !sameRow(rows, width, order[i], order[i - 1])) {
                representatives[groups++] = order[i];
            }
            inverse[order[i]] = groups - 1;
            sizes[groups - 1]++;
        }
        Tensor values = Indexing.indexSelect(source, d, Tensor.of(Arrays.copyOf(representatives, groups), groups));
        Tensor inv = wantInverse ? Views.view(Tensor.of(inverse, n), dim == null ? self.sizesRaw() : new long[] {n})
                : Tensor.empty(ScalarType.Long, 0);
        Tensor cnt = wantCounts ? Tensor.of(Arrays.copyOf(sizes, groups), groups) : Tensor.empty(ScalarType.Long, 0);
        return new Tensor[] {values, inv, cnt};
    }

    /** Rows compare elementwise with {@code ==}, so NaN never matches. */
    private static boolean sameRow(double[] rows, int width, int a, int b) {
        for (int j = 0; j < width; j++) {
            if (rows[a * width + j] != rows[b * width + j]) {
                return false;
            }
        }
        return true;
    }
}
