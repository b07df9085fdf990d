package kiln.runtime.tensor;

import java.util.Arrays;

import kiln.dialects.torch.types.ScalarType;

/**
 * Operators that select elements by position: {@code index_select}, {@code embedding}, {@code tril}/
 * {@code triu} and {@code topk}.
 */
public final class Indexing {
    private Indexing() {
    }

    /** {@code torch.index_select(self, dim, index)}: the slices of {@code self} at the (1-d) indices, copied. */
    public static Tensor indexSelect(Tensor self, long dim, Tensor index) {
        TorchException.checkIndex(index.dim() <= 1, "index_select(): Index is supposed to be a vector");
        TorchException.check(index.dtype() == ScalarType.Long || index.dtype() == ScalarType.Int,
                "index_select(): Expected dtype int32 or int64 for index");
        long[] idx = index.toLongArray();
        if (self.dim() == 0) {
            TorchException.checkIndex(idx.length == 1 && (idx[0] == 0 || idx[0] == -1), "index out of range in self");
            return self.clone();
        }
        int d = Shapes.wrapDim(dim, self.dim());
        long size = self.size(d);
        long[] shape = self.sizes();
        shape[d] = idx.length;
        Tensor out = Tensor.empty(self.dtype(), shape);
        for (int i = 0; i < idx.length; i++) {
            TorchException.checkIndex(idx[i] >= -size && idx[i] < size, "index out of range in self");
            Views.select(out, d, i).copyFrom(Views.select(self, d, idx[i] < 0 ? idx[i] + size : idx[i]));
        }
        return out;
    }

    /** {@code F.embedding(indices, weight)}: the rows of {@code weight}, shaped as {@code indices} + one dim. */
    public static Tensor embedding(Tensor weight, Tensor indices) {
        TorchException.check(weight.dim() == 2, "'weight' must be 2-D");
        Tensor rows = indexSelect(weight, 0, Views.reshape(indices, new long[] {-1}));
        long[] shape = Arrays.copyOf(indices.sizesRaw(), indices.dim() + 1);
        shape[indices.dim()] = weight.size(1);
        return Views.view(rows, shape);
    }

    /**
     * {@code torch.embedding_bag}: each bag (the 1-d {@code indices} between consecutive {@code offsets}) reduced
     * to one row of {@code weight} by sum (each row times its per-sample weight, if given), mean or max; rows at
     * {@code paddingIdx} are skipped and empty bags are zeros. Returns the output, each index's bag, each bag's size
     * and, for max, the row chosen per element (PyTorch's four results).
     */
    public static Tensor[] embeddingBag(Tensor weight, Tensor indices, Tensor offsets, long mode,
            Tensor perSampleWeights, boolean includeLastOffset, Long paddingIdx) {
        TorchException.check(weight.dim() == 2, "'weight' must be 2-D");
        TorchException.check(indices.dim() == 1 && offsets.dim() == 1, "input has to be a 1D or 2D Tensor");
        if (!(perSampleWeights == null || mode == 0)) {
            throw TorchException.runtime("embedding_bag: per_sample_weights was not "
                + "None. per_sample_weights is only supported for mode='sum'");
        }
        long[] idx = indices.toLongArray();
        long[] off = offsets.toLongArray();
        int bags = includeLastOffset ? off.length - 1 : off.length;
        int rows = (int) weight.size(0);
        int dim = (int) weight.size(1);
        double[] w = weight.toDoubleArray();
        double[] psw = perSampleWeights == null ? null : perSampleWeights.toDoubleArray();
        double[] out = new double[Math.max(bags, 0) * dim];
        long[] offset2bag = new long[idx.length];
        long[] bagSize = new long[Math.max(bags, 0)];
        long[] maxIndices = new long[mode == 2 ? out.length : 0];
        for (int b = 0; b < bags; b++) {
            int start = (int) off[b];
            int end = b + 1 < off.length ? (int) off[b + 1] : idx.length;
            TorchException.checkIndex(start >= 0 && start <= end && end <= idx.length, "offsets out of range");
            int count = 0;
            for (int i = start; i < end; i++) {
                long row = idx[i];
                TorchException.checkIndex(row >= 0 && row < rows, "index out of range in self");
                offset2bag[i] = b;
                if (paddingIdx != null && row == paddingIdx) {
                    continue;
                }
                for (int j = 0; j < dim; j++) {
                    double v = w[(int) row * dim + j];
                    int at = b * dim + j;
                    if (mode == 2) {
                        if (count == 0 || v > out[at] || Double.isNaN(v)) {
                            out[at] = v;
                            maxIndices[at] = row;
                        }
                    } else {
                        out[at] += psw == null ? v : v * psw[i];
                    }
                }
                count++;
            }
            bagSize[b] = count;
            for (int j = 0; mode == 1 && count > 0 && j < dim; j++) {
                out[b * dim + j] /= count;
            }
        }
        return new Tensor[] {Reductions.result(out, new long[] {Math.max(bags, 0), dim}, weight.dtype()),
            Tensor.of(offset2bag, offset2bag.length), Tensor.of(bagSize, bagSize.length),
            mode == 2 ? Tensor.of(maxIndices, bagSize.length, dim) : Tensor.of(bagSize.clone(), bagSize.length)};
    }

    /**
     * {@code tril} (lower, keeping {@code j - i <= diagonal}) or {@code triu} (upper, keeping
     * {@code j - i >= diagonal}) of the last two dims.
     */
    public static Tensor triangle(Tensor self, long diagonal, boolean lower) {
        if (self.dim() < 2) {
            throw TorchException.runtime((lower ? "tril" : "triu") + ": input tensor must have at least 2 "
                + "dimensions");
        }
        int rows = Math.toIntExact(self.size(-2));
        int cols = Math.toIntExact(self.size(-1));
        boolean[] zero = new boolean[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                zero[i * cols + j] = lower ? j - i > diagonal : j - i < diagonal;
            }
        }
        return Pointwise.maskedFill(self, Tensor.of(zero, rows, cols), Scalar.of(0L));
    }

    /**
     * {@code torch.topk(self, k, dim, largest, sorted)}: the k largest (or smallest) elements along {@code dim}
     * and their int64 indices, best first; NaN counts as the largest value, ties keep the lower index first.
     */
    public static Tensor[] topk(Tensor self, long k, long dim, boolean largest) {
        int d = self.dim() == 0 ? 0 : Shapes.wrapDim(dim, self.dim());
        long size = self.dim() == 0 ? 1 : self.size(d);
        TorchException.checkIndex(k >= 0 && k <= size, "selected index k out of range");
        Tensor moved = self.dim() == 0 ? Views.reshape(self, new long[] {1}) : Views.movedim(self, new long[] {d},
                new long[] {self.dim() - 1});
        double[] x = moved.toDoubleArray();
        int n = (int) size;
        int outer = n == 0 ? 0 : x.length / n;
        double[] values = new double[outer * (int) k];
        long[] indices = new long[outer * (int) k];
        Integer[] order = new Integer[n];
        for (int r = 0; r < outer; r++) {
            int base = r * n;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(x[base + b], x[base + a]);
                return largest ? c : -c;
            });
            for (int i = 0; i < k; i++) {
                values[r * (int) k + i] = x[base + order[i]];
                indices[r * (int) k + i] = order[i];
            }
        }
        long[] shape = moved.sizes();
        shape[shape.length - 1] = k;
        Tensor v = self.dtype().isFloatingPoint() ? Reductions.result(values, shape, self.dtype())
                : Reductions.result(Arrays.stream(values).mapToLong(a -> (long) a).toArray(), shape, self.dtype());
        Tensor ix = Reductions.result(indices, shape, ScalarType.Long);
        if (self.dim() == 0) {
            return new Tensor[] {Views.reshape(v, new long[0]), Views.reshape(ix, new long[0])};
        }
        long[] src = {self.dim() - 1};
        long[] dst = {d};
        return new Tensor[] {Views.movedim(v, src, dst).contiguous(), Views.movedim(ix, src, dst).contiguous()};
    }
}
