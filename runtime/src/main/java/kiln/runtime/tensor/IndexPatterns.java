package kiln.runtime.tensor;

import java.util.ArrayList;
import java.util.List;

import kiln.dialects.torch.types.ScalarType;

/**
 * Operators whose result is a fixed pattern of source positions: {@code roll}, {@code block_diag},
 * {@code combinations}, {@code tril_indices}/{@code triu_indices} and {@code kron}. Each computes the positions,
 * then copies with {@code index_select} or views, so every dtype and layout is handled alike.
 */
public final class IndexPatterns {
    private IndexPatterns() {
    }

    /** {@code torch.roll(self, shifts, dims)}: elements shifted cyclically; no dims rolls the flattened tensor. */
    public static Tensor roll(Tensor self, long[] shifts, long[] dims) {
        if (dims.length == 0) {
            if (shifts.length != 1) {
                throw TorchException.runtime("shifts and dimensions must align. shifts: " + shifts.length
                    + ", dims:0");
            }
            return Views.view(roll(Views.reshape(self, new long[] {-1}), shifts, new long[] {0}), self.sizesRaw());
        }
        if (shifts.length != dims.length) {
            throw TorchException.runtime("shifts and dimensions must align. shifts: "
                + shifts.length + ", dims:" + dims.length);
        }
        Tensor out = self;
        for (int i = 0; i < dims.length; i++) {
            int d = Shapes.wrapDim(dims[i], self.dim());
            long n = self.size(d);
            long[] idx = new long[(int) n];
            for (int j = 0; j < n; j++) {
                idx[j] = Math.floorMod(j - shifts[i], n);
            }
            out = Indexing.indexSelect(out, d, Tensor.of(idx, n));
        }
        return out == self ? self.clone() : out;
    }

    /** {@code torch.block_diag(*tensors)}: each (at most 2-d) tensor on the diagonal of a zero matrix. */
    public static Tensor blockDiag(List<Tensor> tensors) {
        ScalarType dtype = null;
        long rows = 0;
        long cols = 0;
        List<Tensor> blocks = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (t.dim() > 2) {
                throw TorchException.runtime("torch.block_diag: Input tensors must have 2 or fewer dimensions. "
                    + "Input " + i + " has " + t.dim() + " dimensions");
            }
            Tensor block = t.dim() == 2 ? t : Views.reshape(t, new long[] {1, t.numel()});
            blocks.add(block);
            rows += block.size(0);
            cols += block.size(1);
            dtype = dtype == null ? t.dtype() : TypePromotion.promoteTypes(dtype, t.dtype());
        }
        Tensor out = Tensor.zeros(dtype == null ? ScalarType.Float : dtype, rows, cols);
        long r = 0;
        long c = 0;
        for (Tensor b : blocks) {
            Views.narrow(Views.narrow(out, 0, r, b.size(0)), 1, c, b.size(1)).copyFrom(b);
            r += b.size(0);
            c += b.size(1);
        }
        return out;
    }

    /** {@code torch.combinations(self, r, with_replacement)}: the r-tuples of a 1-d tensor, lexicographic, [n, r]. */
    public static Tensor combinations(Tensor self, long r, boolean withReplacement) {
        if (self.dim() != 1) {
            throw TorchException.runtime("Expect a 1D vector, but got shape " + Shapes.str(self.sizesRaw()));
        }
        if (r < 0) {
            throw TorchException.runtime("Expect a non-negative number, but got " + r);
        }
        if (r == 0) {
            return Tensor.empty(self.dtype(), 0);
        }
        int n = (int) self.size(0);
        List<Long> flat = new ArrayList<>();
        int[] tuple = new int[(int) r];
        collect(tuple, 0, 0, n, withReplacement, flat);
        long[] idx = flat.stream().mapToLong(Long::longValue).toArray();
        Tensor picked = Indexing.indexSelect(self, 0, Tensor.of(idx, idx.length));
        return Views.view(picked, new long[] {idx.length / r, r});
    }

    private static void collect(int[] tuple, int at, int from, int n, boolean repeat, List<Long> out) {
        if (at == tuple.length) {
            for (int i : tuple) {
                out.add((long) i);
            }
            return;
        }
        for (int i = from; i < n; i++) {
            tuple[at] = i;
            collect(tuple, at + 1, repeat ? i : i + 1, n, repeat, out);
        }
    }

    /**
     * {@code torch.tril_indices}/{@code triu_indices(row, col, offset)}: the {@code [2, N]} coordinates of the
     * lower ({@code j - i <= offset}) or upper ({@code j - i >= offset}) triangle, row by row.
     */
    public static Tensor triangleIndices(long rows, long cols, long offset, boolean lower, ScalarType dtype) {
        if (!(rows >= 0 && cols >= 0)) {
            throw TorchException.runtime((lower ? "tril" : "triu") + "_indices: row and col must be "
                + "non-negative");
        }
        List<long[]> coords = new ArrayList<>();
        for (long i = 0; i < rows; i++) {
            for (long j = 0; j < cols; j++) {
                if (lower ? j - i <= offset : j - i >= offset) {
                    coords.add(new long[] {i, j});
                }
            }
        }
        long[] out = new long[2 * coords.size()];
        for (int k = 0; k < coords.size(); k++) {
            out[k] = coords.get(k)[0];
            out[coords.size() + k] = coords.get(k)[1];
        }
        return Tensor.of(out, 2, coords.size()).to(dtype == null ? ScalarType.Long : dtype);
    }

    /** {@code torch.kron(a, b)}: block {@code i} of the result is {@code a[i] * b}, dims padded to one rank. */
    public static Tensor kron(Tensor a, Tensor b) {
        int rank = Math.max(a.dim(), b.dim());
        long[] as = new long[2 * rank];
        long[] bs = new long[2 * rank];
        long[] out = new long[rank];
        for (int d = 0; d < rank; d++) {
            long ad = d < rank - a.dim() ? 1 : a.size(d - (rank - a.dim()));
            long bd = d < rank - b.dim() ? 1 : b.size(d - (rank - b.dim()));
            as[2 * d] = ad;
            as[2 * d + 1] = 1;
            bs[2 * d] = 1;
            bs[2 * d + 1] = bd;
            out[d] = ad * bd;
        }
        return Views.reshape(Ops.mul(Views.reshape(a, as), Views.reshape(b, bs)), out);
    }
}
