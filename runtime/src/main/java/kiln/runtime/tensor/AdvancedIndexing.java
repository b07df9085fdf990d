package kiln.runtime.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import kiln.dialects.torch.types.ScalarType;

/**
 * NumPy-style indexing with tensors, as ATen's {@code index}/{@code index_put} ({@code TensorAdvancedIndexing.cpp}):
 * a list of index tensors (null for a full slice; bool masks stand for their {@code nonzero} columns) broadcast
 * together; the indexed dims are replaced by the broadcast shape, in place when they are adjacent, else in front.
 * Also {@code nonzero}, {@code nonzero_static}, {@code put} and {@code masked_scatter}, which are built on it.
 */
public final class AdvancedIndexing {
    private AdvancedIndexing() {
    }

    /**
     * The source arranged as {@code [pre, K, post]} (the indexed dims flattened to K, moved to the front when not
     * adjacent), the linear index into K of each broadcast position, and the result's shape.
     */
    private record Plan(long[] perm, long[] arranged, long pre, long k, long post, long[] linear, long[] outShape) {
        Tensor arrange(Tensor self) {
            return Views.reshape(Views.permute(self, perm).contiguous(), new long[] {pre, k, post});
        }

        /** {@code flat} (shaped {@code [pre, K, post]}) back in the source's dim order. */
        Tensor restore(Tensor flat) {
            long[] inverse = new long[perm.length];
            for (int i = 0; i < perm.length; i++) {
                inverse[(int) perm[i]] = i;
            }
            return Views.permute(Views.view(flat, arranged), inverse).contiguous();
        }
    }

    /** Bool (and uint8) masks replaced by their {@code nonzero} columns, checked against the dims they index. */
    private static List<Tensor> expandMasks(Tensor self, List<Tensor> indices) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : indices) {
            if (t != null && (t.dtype() == ScalarType.Bool || t.dtype() == ScalarType.Byte)) {
                int at = out.size();
                for (int j = 0; j < t.dim(); j++) {
                    if (!(at + j < self.dim() && t.size(j) == self.size(at + j))) {
                        throw TorchException.index("The shape of "
                            + "the mask " + Shapes.str(t.sizesRaw()) + " at index " + j + " does not match the shape "
                            + "of the indexed tensor " + Shapes.str(self.sizesRaw()) + " at index " + (at + j));
                    }
                }
                Tensor nz = nonzero(t);
                for (int j = 0; j < t.dim(); j++) {
                    out.add(Views.select(nz, 1, j));
                }
            } else {
                if (!(t == null || !t.dtype().isFloatingPoint())) {
                    throw TorchException.index("tensors used as indices must be"
                        + " long, int, byte or bool tensors");
                }
                out.add(t);
            }
        }
        if (out.size() > self.dim()) {
            throw TorchException.index("too many indices for tensor of dimension " + self.dim()
                + " (got " + out.size() + ")");
        }
        while (out.size() < self.dim()) {
            out.add(null);
        }
        return out;
    }

    private static Plan plan(Tensor self, List<Tensor> rawIndices) {
        List<Tensor> indices = expandMasks(self, rawIndices);
        List<Integer> indexed = new ArrayList<>();
        long[] shape = new long[0];
        for (int d = 0; d < indices.size(); d++) {
            if (indices.get(d) != null) {
                indexed.add(d);
                shape = Shapes.broadcast(shape, indices.get(d).sizesRaw());
            }
        }
        TorchException.check(!indexed.isEmpty(), "index: expected at least one index tensor");
        boolean adjacent = indexed.getLast() - indexed.getFirst() == indexed.size() - 1;
        int first = adjacent ? indexed.getFirst() : 0;
        long[] perm = new long[self.dim()];
        int p = 0;
        for (int d = 0; d < self.dim() && adjacent; d++) {
            perm[p++] = d;
        }
        if (!adjacent) {
            for (int d : indexed) {
                perm[p++] = d;
            }
            for (int d = 0; d < self.dim(); d++) {
                if (!indexed.contains(d)) {
                    perm[p++] = d;
                }
            }
        }
        long[] arranged = new long[self.dim()];
        for (int i = 0; i < perm.length; i++) {
            arranged[i] = self.size(perm[i]);
        }
        int n = indexed.size();
        long pre = Shapes.numel(Arrays.copyOf(arranged, first));
        long k = Shapes.numel(Arrays.copyOfRange(arranged, first, first + n));
        long post = Shapes.numel(Arrays.copyOfRange(arranged, first + n, arranged.length));
        long[] linear = new long[(int) Shapes.numel(shape)];
        long scale = 1;
        for (int j = n - 1; j >= 0; j--) {
            int d = indexed.get(j);
            long size = self.size(d);
            long[] idx = Views.expand(indices.get(d), shape).toLongArray();
            for (int i = 0; i < linear.length; i++) {
                long v = idx[i];
                if (!(v >= -size && v < size)) {
                    throw TorchException.index("index " + v + " is out of bounds for dimension "
                        + d + " with size " + size);
                }
                linear[i] += (v < 0 ? v + size : v) * scale;
            }
            scale *= size;
        }
        long[] outShape = new long[arranged.length - n + shape.length];
        System.arraycopy(arranged, 0, outShape, 0, first);
        System.arraycopy(shape, 0, outShape, first, shape.length);
        System.arraycopy(arranged, first + n, outShape, first + shape.length, arranged.length - first - n);
        return new Plan(perm, arranged, pre, k, post, linear, outShape);
    }

    /** {@code self[indices]} ({@code aten::index.Tensor}). */
    public static Tensor index(Tensor self, List<Tensor> indices) {
        Plan plan = plan(self, indices);
        Tensor picked = Indexing.indexSelect(plan.arrange(self), 1, Tensor.of(plan.linear(), plan.linear().length));
        return Views.view(picked, plan.outShape());
    }

    /**
     * {@code torch.index_put(self, indices, values, accumulate)}: a copy with the indexed elements set (or added).
     * As in ATen, one bool mask set to a one-element value is a {@code masked_fill} (the value's dtype may differ).
     */
    public static Tensor indexPut(Tensor self, List<Tensor> indices, Tensor values, boolean accumulate) {
        Tensor mask = accumulate || values.numel() != 1 ? null : maskOf(self, indices);
        if (mask != null) {
            return Pointwise.maskedFill(self, mask.dtype() == ScalarType.Bool ? mask : mask.to(ScalarType.Bool),
                    values.item());
        }
        if (values.dtype() != self.dtype()) {
            throw TorchException.runtime("Index put requires the source and destination dtypes "
                + "match, got " + self.dtype() + " for the destination and " + values.dtype() + " for the source.");
        }
        Plan plan = plan(self, indices);
        Tensor work = plan.arrange(self).clone();
        long[] linear = plan.linear();
        Tensor v = Views.reshape(Views.expand(values, plan.outShape()).contiguous(), new long[] {plan.pre(),
            linear.length, plan.post()});
        for (int i = 0; i < linear.length; i++) {
            Tensor slot = Views.select(work, 1, linear[i]);
            if (accumulate) {
                Ops.add_(slot, Views.select(v, 1, i), Scalar.of(1L));
            } else {
                slot.copyFrom(Views.select(v, 1, i));
            }
        }
        return plan.restore(work);
    }

    /**
     * ATen's {@code canDispatchToMaskedFill}: when the only index tensor is one bool (or uint8) mask, that mask
     * with size-1 dims appended for the dims after it; else null.
     */
    private static Tensor maskOf(Tensor self, List<Tensor> indices) {
        Tensor mask = null;
        int covered = 0;
        for (Tensor t : indices) {
            if (t == null) {
                covered++;
                continue;
            }
            if (mask != null || t.dtype() != ScalarType.Bool && t.dtype() != ScalarType.Byte) {
                return null;
            }
            for (int j = 0; j < t.dim(); j++) {
                if (!(covered + j < self.dim() && t.size(j) == self.size(covered + j))) {
                    throw TorchException.index("The "
                        + "shape of the mask " + Shapes.str(t.sizesRaw()) + " at index " + j + " does not match the "
                        + "shape of the indexed tensor " + Shapes.str(self.sizesRaw()) + " at index " + (covered + j));
                }
            }
            mask = t;
            covered += t.dim();
        }
        while (mask != null && covered++ < self.dim()) {
            mask = Views.unsqueeze(mask, -1);
        }
        return mask;
    }

    /** {@code torch.nonzero}: the int64 coordinates of the nonzero elements, {@code [n, dim]}, row-major order. */
    public static Tensor nonzero(Tensor self) {
        return nonzeroStatic(self, -1, -1);
    }

    /** {@code torch.nonzero_static}: the first {@code size} coordinates padded with {@code fill}; size -1: all. */
    public static Tensor nonzeroStatic(Tensor self, long size, long fill) {
        TorchException.check(size >= -1, "nonzero_static: 'size' must be an non-negative integer");
        boolean[] nz = self.to(ScalarType.Bool).toBooleanArray();
        int count = 0;
        for (boolean b : nz) {
            count += b ? 1 : 0;
        }
        int rows = size < 0 ? count : (int) size;
        int dim = self.dim();
        long[] out = new long[rows * dim];
        Arrays.fill(out, fill);
        long[] shape = self.sizesRaw();
        for (int i = 0, r = 0; i < nz.length && r < rows; i++) {
            if (nz[i]) {
                long rest = i;
                for (int d = dim - 1; d >= 0; d--) {
                    out[r * dim + d] = rest % shape[d];
                    rest /= shape[d];
                }
                r++;
            }
        }
        return Tensor.of(out, rows, dim);
    }

    /** {@code torch.put(self, index, source, accumulate)}: writes at flat positions of {@code self}. */
    public static Tensor put(Tensor self, Tensor index, Tensor source, boolean accumulate) {
        if (source.numel() != index.numel()) {
            throw TorchException.runtime("put_(): Expected source and index to have the same "
                + "number of elements, but got source.numel() = " + source.numel() + ", index.numel() = "
                + index.numel());
        }
        for (long i : index.toLongArray()) {
            if (!(i >= -self.numel() && i < self.numel())) {
                throw TorchException.index("out of range: tried to access index "
                    + i + " on a tensor of " + self.numel() + " elements.");
            }
        }
        Tensor flat = indexPut(Views.reshape(self, new long[] {-1}), Arrays.asList(Views.reshape(index,
                new long[] {-1})), Views.reshape(source, new long[] {-1}), accumulate);
        return Views.view(flat, self.sizesRaw());
    }

    /** {@code torch.masked_scatter(self, mask, source)}: the mask's true positions take source's elements in order. */
    public static Tensor maskedScatter(Tensor self, Tensor mask, Tensor source) {
        if (mask.dtype() != ScalarType.Bool) {
            throw TorchException.runtime("masked_scatter_ only supports boolean masks, but got "
                + "mask with dtype " + mask.dtype());
        }
        if (source.dtype() != self.dtype()) {
            throw TorchException.runtime("masked_scatter: expected self and source to have same "
                + "dtypes but got " + self.dtype() + " and " + source.dtype());
        }
        long[] shape = Shapes.broadcast(self.sizesRaw(), mask.sizesRaw());
        Tensor m = Views.reshape(Views.expand(mask, shape).contiguous(), new long[] {-1});
        Tensor positions = Views.select(nonzero(m), 1, 0);
        long count = positions.numel();
        if (source.numel() < count) {
            throw TorchException.runtime("masked_scatter: expected source to have at least as many "
                + "elements as the ones in mask");
        }
        Tensor values = Views.narrow(Views.reshape(source, new long[] {-1}), 0, 0, count);
        Tensor flat = indexPut(Views.reshape(Views.expand(self, shape), new long[] {-1}), Arrays.asList(positions),
                values, false);
        return Views.view(flat, shape);
    }
}
