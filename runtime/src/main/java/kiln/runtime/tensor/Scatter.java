package kiln.runtime.tensor;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import kiln.dialects.torch.types.ScalarType;

/**
 * Reads and writes at positions given by an index tensor along one dim: {@code gather}, {@code scatter}
 * (plain, {@code add}, and {@code scatter_reduce}), {@code index_add}/{@code index_copy}/{@code index_fill},
 * {@code index_reduce}, {@code masked_select}, {@code take}/{@code take_along_dim}, {@code isin} and
 * {@code repeat_interleave}. Scatter reductions compute in
 * double, exact for every float value and for integers below 2^53.
 */
public final class Scatter {
    private Scatter() {
    }

    /** Walks the positions of {@code index} and gives, for each, its flat number and its coordinates. */
    @FunctionalInterface
    private interface Visit {
        void at(int flat, long[] coords, long target);
    }

    private static void forEachIndex(Tensor index, long dimSize, Visit visit) {
        long[] idx = index.toLongArray();
        long[] shape = index.sizesRaw();
        long[] coords = new long[shape.length];
        for (int p = 0; p < idx.length; p++) {
            long t = idx[p];
            if (!(t >= -dimSize && t < dimSize)) {
                throw TorchException.index("index " + t + " is out of bounds for dimension "
                    + "with size " + dimSize);
            }
            visit.at(p, coords, t < 0 ? t + dimSize : t);
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++coords[d] < shape[d]) {
                    break;
                }
                coords[d] = 0;
            }
        }
    }

    /** The row-major flat position of {@code coords} in {@code shape}, with dim {@code d} replaced by {@code at}. */
    private static int flat(long[] shape, long[] coords, int d, long at) {
        long pos = 0;
        for (int k = 0; k < shape.length; k++) {
            long c = k == d ? at : coords[k];
            if (c >= shape[k]) {
                throw TorchException.index("index " + c + " is out of bounds for dimension " + k
                    + " with size " + shape[k]);
            }
            pos = pos * shape[k] + c;
        }
        return (int) pos;
    }

    /** {@code torch.gather(self, dim, index)}: {@code out[p] = self[p with dim = index[p]]}. */
    public static Tensor gather(Tensor self, long dim, Tensor index) {
        int d = self.dim() == 0 ? 0 : Shapes.wrapDim(dim, self.dim());
        long[] shape = self.dim() == 0 ? new long[] {1} : self.sizesRaw();
        Tensor flatIndex = self.dim() == 0 ? Views.reshape(index, new long[] {-1}) : index;
        long[] positions = new long[(int) index.numel()];
        forEachIndex(flatIndex, shape[d], (p, coords, t) -> positions[p] = flat(shape, coords, d, t));
        Tensor picked = Indexing.indexSelect(Views.reshape(self, new long[] {-1}), 0, Tensor.of(positions));
        return Views.reshape(picked, index.sizesRaw());
    }

    /** {@code torch.take(self, index)}: elements of the flattened tensor, shaped as {@code index}. */
    public static Tensor take(Tensor self, Tensor index) {
        Tensor picked = Indexing.indexSelect(Views.reshape(self, new long[] {-1}), 0,
                Views.reshape(index, new long[] {-1}));
        return Views.reshape(picked, index.sizesRaw());
    }

    /** The reductions of {@code scatter_reduce}. */
    public enum Reduce {
        SUM, PROD, MEAN, AMAX, AMIN, REPLACE;

        /** PyTorch's names: {@code sum}, {@code prod}, {@code mean}, {@code amax}, {@code amin}; also {@code add}, {@code multiply}. */
        public static Reduce of(String name) {
            return switch (name) {
                case "sum", "add" -> SUM;
                case "prod", "multiply" -> PROD;
                case "mean" -> MEAN;
                case "amax" -> AMAX;
                case "amin" -> AMIN;
                default -> throw TorchException.runtime("reduce argument must be either sum, prod, mean, amax or "
                        + "amin, got " + name);
            };
        }

        double identity() {
            return switch (this) {
                case SUM, MEAN, REPLACE -> 0;
                case PROD -> 1;
                case AMAX -> Double.NEGATIVE_INFINITY;
                case AMIN -> Double.POSITIVE_INFINITY;
            };
        }

        double combine(double a, double v) {
            return switch (this) {
                case SUM, MEAN -> a + v;
                case PROD -> a * v;
                case AMAX -> Double.isNaN(a) || Double.isNaN(v) ? Double.NaN : Math.max(a, v);
                case AMIN -> Double.isNaN(a) || Double.isNaN(v) ? Double.NaN : Math.min(a, v);
                case REPLACE -> v;
            };
        }
    }

    /**
     * {@code scatter}/{@code scatter_add}/{@code scatter_reduce}: a copy of {@code self} with each {@code src}
     * element (or {@code value}, when {@code src} is null) combined into the position {@code index} names along
     * {@code dim}. Without {@code includeSelf}, written positions start from the reduction's identity.
     */
    public static Tensor scatter(Tensor self, long dim, Tensor index, Tensor src, Scalar value, Reduce reduce,
            boolean includeSelf) {
        int d = self.dim() == 0 ? 0 : Shapes.wrapDim(dim, self.dim());
        long[] shape = self.dim() == 0 ? new long[] {1} : self.sizesRaw();
        double[] out = self.toDoubleArray();
        double[] source = src == null ? null : src.toDoubleArray();
        long[] srcShape = src == null ? null : src.dim() == 0 ? new long[] {1} : src.sizesRaw();
        int[] count = new int[out.length];
        Tensor idx = self.dim() == 0 ? Views.reshape(index, new long[] {-1}) : index;
        if (!includeSelf || reduce == Reduce.REPLACE) {
            forEachIndex(idx, shape[d], (p, coords, t) -> out[flat(shape, coords, d, t)] = reduce.identity());
        }
        double v0 = value == null ? 0 : value.toDouble();
        forEachIndex(idx, shape[d], (p, coords, t) -> {
            int at = flat(shape, coords, d, t);
            double v = source == null ? v0 : source[flat(srcShape, coords, -1, 0)];
            out[at] = reduce.combine(out[at], v);
            count[at]++;
        });
        if (reduce == Reduce.MEAN) {
            boolean integral = !self.dtype().isFloatingPoint();
            for (int i = 0; i < out.length; i++) {
                if (count[i] > 0) {
                    double n = count[i] + (includeSelf ? 1 : 0);
                    out[i] = integral ? Math.floor(out[i] / n) : out[i] / n;
                }
            }
        }
        return Reductions.result(out, self.sizesRaw(), self.dtype());
    }

    /**
     * {@code torch.index_reduce(self, dim, index, source, reduce, include_self)}: slice {@code i} of {@code source}
     * along {@code dim} reduced into slice {@code index[i]} of a copy of {@code self} ({@code prod}, {@code mean},
     * {@code amax}, {@code amin}), as a scatter whose index repeats {@code index[i]} across the slice.
     */
    public static Tensor indexReduce(Tensor self, long dim, Tensor index, Tensor source, String reduce,
            boolean includeSelf) {
        if (!(reduce.equals("prod") || reduce.equals("mean") || reduce.equals("amax")
                || reduce.equals("amin"))) {
            throw TorchException.runtime("index_reduce(): Expected reduce to be one of prod, mean, amax or amin but "
                + "got " + reduce + ".");
        }
        TorchException.check(index.dim() <= 1, "index_reduce_(): Index is supposed to be a vector");
        if (!(index.dtype() == ScalarType.Long || index.dtype() == ScalarType.Int)) {
            throw TorchException.runtime("index_reduce_(): Expected dtype int32/int64 for index but got: " + index.dtype());
        }
        if (self.dtype() != source.dtype()) {
            throw TorchException.runtime("index_reduce_(): self (" + self.dtype()
                + ") and source (" + source.dtype() + ") must have the same scalar type");
        }
        int d = self.dim() == 0 ? 0 : Shapes.wrapDim(dim, self.dim());
        long length = source.dim() == 0 ? 1 : source.size(d);
        if (index.numel() != length) {
            throw TorchException.index("index_reduce_(): Number of indices (" + index.numel()
                + ") should be equal to source.size(dim) (" + length + ")");
        }
        Tensor spread = index;
        if (source.dim() > 0) {
            long[] along = new long[source.dim()];
            Arrays.fill(along, 1);
            along[d] = length;
            spread = Views.expand(Views.view(index, along), source.sizesRaw());
        }
        return scatter(self, d, spread, source, null, Reduce.of(reduce), includeSelf);
    }

    /** {@code torch.take_along_dim(self, indices, dim)}: gather with both sides broadcast except along dim. */
    public static Tensor takeAlongDim(Tensor self, Tensor indices, Long dim) {
        if (indices.dtype() != ScalarType.Long) {
            throw TorchException.runtime("torch.take_along_dim(): dtype of indices should "
                + "be Long but got " + indices.dtype());
        }
        if (dim == null) {
            return gather(Views.reshape(self, new long[] {-1}), 0, Views.reshape(indices, new long[] {-1}));
        }
        if (self.dim() != indices.dim()) {
            throw TorchException.runtime("torch.take_along_dim(): input and indices should have "
                + "the same number of dimensions, but got " + self.dim() + " dimensions for input, and "
                + indices.dim() + " dimensions for indices");
        }
        int d = Shapes.wrapDim(dim, self.dim());
        long[] selfShape = self.sizes();
        selfShape[d] = indices.size(d);
        long[] shape = Shapes.broadcast(selfShape, indices.sizesRaw());
        long[] indexShape = shape.clone();
        shape[d] = self.size(d);
        return gather(Views.expand(self, shape), d, Views.expand(indices, indexShape));
    }

    /** {@code repeat_interleave(self, repeats, dim)} with per-slice repeats (a 0-dim tensor repeats all alike). */
    public static Tensor repeatInterleave(Tensor self, Tensor repeats, Long dim, Long outputSize) {
        Tensor in = dim == null ? Views.reshape(self, new long[] {-1}) : self;
        int d = dim == null ? 0 : Shapes.wrapDim(dim, self.dim());
        long size = in.size(d);
        TorchException.check(repeats.dim() <= 1, "repeats must be 0-dim or 1-dim tensor");
        long[] r = repeats.dim() == 0 || repeats.numel() == 1 && size != 1 ? null : repeats.toLongArray();
        if (!(r == null || r.length == size)) {
            throw TorchException.runtime("repeats must have the same size as input along dim, but "
                + "got repeats.size(0) = " + (r == null ? 1 : r.length) + " and input.size(" + d + ") = " + size);
        }
        if (r == null) {
            r = new long[(int) size];
            Arrays.fill(r, repeats.item().toLong());
        }
        Tensor idx = repeatIndices(r, outputSize);
        return Indexing.indexSelect(in, d, idx);
    }

    /** {@code torch.repeat_interleave(repeats)}: {@code i} repeated {@code repeats[i]} times. */
    public static Tensor repeatIndices(long[] repeats, Long outputSize) {
        long total = 0;
        for (long r : repeats) {
            TorchException.check(r >= 0, "repeats can not be negative");
            total += r;
        }
        if (!(outputSize == null || outputSize == total)) {
            throw TorchException.runtime("allocated size does not match required "
                + "size");
        }
        long[] idx = new long[(int) total];
        for (int i = 0, at = 0; i < repeats.length; i++) {
            for (long j = 0; j < repeats[i]; j++) {
                idx[at++] = i;
            }
        }
        return Tensor.of(idx, idx.length);
    }

    /** {@code index_add}/{@code index_copy}/{@code index_fill}: a copy with slices along {@code dim} updated. */
    public static Tensor indexUpdate(Tensor self, long dim, Tensor index, Tensor source, Scalar alphaOrValue,
            boolean add) {
        Tensor out = self.clone();
        int d = self.dim() == 0 ? 0 : Shapes.wrapDim(dim, self.dim());
        long size = self.dim() == 0 ? 1 : self.size(d);
        long[] idx = index.toLongArray();
        for (int i = 0; i < idx.length; i++) {
            TorchException.checkIndex(idx[i] >= -size && idx[i] < size, "index out of range in self");
            long at = idx[i] < 0 ? idx[i] + size : idx[i];
            Tensor slice = self.dim() == 0 ? out : Views.select(out, d, at);
            if (source == null) {
                slice.copyFrom(Copy.scalarOf(alphaOrValue, self.dtype()));
            } else {
                Tensor part = source.dim() == 0 ? source : Views.select(source, d, i);
                if (add) {
                    Ops.add_(slice, part, alphaOrValue);
                } else {
                    slice.copyFrom(part);
                }
            }
        }
        return out;
    }

    /** {@code torch.masked_select(self, mask)}: the elements where the (broadcast) mask holds, 1-d. */
    public static Tensor maskedSelect(Tensor self, Tensor mask) {
        TorchException.check(mask.dtype() == ScalarType.Bool, "masked_select: expected BoolTensor for mask");
        long[] shape = Shapes.broadcast(self.sizesRaw(), mask.sizesRaw());
        boolean[] m = Views.expand(mask, shape).toBooleanArray();
        long[] positions = new long[m.length];
        int n = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i]) {
                positions[n++] = i;
            }
        }
        Tensor flat = Views.reshape(Views.expand(self, shape), new long[] {-1});
        return Indexing.indexSelect(flat, 0, Tensor.of(Arrays.copyOf(positions, n)));
    }

    /** {@code torch.isin(elements, test_elements)}, negated with {@code invert}. */
    public static Tensor isin(Tensor elements, Tensor test, boolean invert) {
        Set<Double> values = new HashSet<>();
        for (double v : test.toDoubleArray()) {
            values.add(v == 0 ? 0.0 : v);
        }
        double[] x = elements.toDoubleArray();
        boolean[] out = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = values.contains(x[i] == 0 ? 0.0 : x[i]) != invert;
        }
        return Views.view(Tensor.of(out), elements.sizesRaw());
    }

    /** {@code repeat_interleave(self, repeats, dim)}: each slice repeated; a null dim flattens first. */
    public static Tensor repeatInterleave(Tensor self, long repeats, Long dim) {
        return repeatInterleave(self, Tensor.of(new long[] {repeats}), dim, null);
    }
}
