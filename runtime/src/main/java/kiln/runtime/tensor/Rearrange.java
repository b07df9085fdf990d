package kiln.runtime.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import kiln.dialects.torch.types.ScalarType;

/**
 * Operators that rearrange elements without computing on them, built from views and copies: {@code flip},
 * {@code repeat}/{@code tile}, {@code unfold}, {@code constant_pad_nd}, {@code diag}/{@code diag_embed}/
 * {@code diagflat}, {@code rot90}, {@code sum_to_size}, the pixel and channel shuffles, {@code tensor_split},
 * {@code meshgrid} and {@code broadcast_tensors}.
 */
public final class Rearrange {
    private Rearrange() {
    }

    /** {@code torch.flip(self, dims)}: a copy with the order of each listed dim reversed. */
    public static Tensor flip(Tensor self, long[] dims) {
        Tensor out = self;
        boolean[] seen = new boolean[Math.max(self.dim(), 1)];
        for (long dim : dims) {
            int d = Shapes.wrapDim(dim, self.dim());
            if (seen[d]) {
                throw TorchException.runtime("dims has duplicates, original flip dims size=" + dims.length);
            }
            seen[d] = true;
            long n = self.size(d);
            long[] reversed = new long[(int) n];
            for (int i = 0; i < n; i++) {
                reversed[i] = n - 1 - i;
            }
            out = Indexing.indexSelect(out, d, Tensor.of(reversed));
        }
        return out == self ? self.clone() : out;
    }

    /** {@code self.repeat(repeats)}: tiled copies, the repeats at least as many as the dims. */
    public static Tensor repeat(Tensor self, long[] repeats) {
        if (repeats.length < self.dim()) {
            throw TorchException.runtime("Number of dimensions of repeat dims can not be smaller "
                + "than number of dimensions of tensor");
        }
        int n = repeats.length;
        long[] padded = new long[n];
        Arrays.fill(padded, 1);
        System.arraycopy(self.sizesRaw(), 0, padded, n - self.dim(), self.dim());
        long[] viewShape = new long[2 * n];
        long[] expandShape = new long[2 * n];
        long[] outShape = new long[n];
        for (int i = 0; i < n; i++) {
            viewShape[2 * i] = 1;
            viewShape[2 * i + 1] = padded[i];
            expandShape[2 * i] = repeats[i];
            expandShape[2 * i + 1] = padded[i];
            outShape[i] = repeats[i] * padded[i];
        }
        Tensor expanded = Views.expand(Views.reshape(self, viewShape), expandShape);
        return Copy.contiguousCopy(expanded).view(outShape, Shapes.contiguousStrides(outShape), 0);
    }

    /** {@code torch.tile(self, dims)}: {@code repeat} with dims padded by leading ones. */
    public static Tensor tile(Tensor self, long[] dims) {
        if (dims.length >= self.dim()) {
            return repeat(self, dims);
        }
        long[] padded = new long[self.dim()];
        Arrays.fill(padded, 1);
        System.arraycopy(dims, 0, padded, self.dim() - dims.length, dims.length);
        return repeat(self, padded);
    }

    /** {@code self.unfold(dim, size, step)}: a view of the windows along {@code dim} as a new last dim. */
    public static Tensor unfold(Tensor self, long dim, long size, long step) {
        int d = self.dim() == 0 ? 0 : Shapes.wrapDim(dim, self.dim());
        long length = self.dim() == 0 ? 1 : self.size(d);
        if (size > length) {
            throw TorchException.runtime("maximum size for tensor at dimension " + d + " is " + length
                + " but size is " + size);
        }
        if (step <= 0) {
            throw TorchException.runtime("step is " + step + " but must be > 0");
        }
        long stride = self.dim() == 0 ? 1 : self.stride(d);
        long[] sizes = Arrays.copyOf(self.sizesRaw(), self.dim() + 1);
        long[] strides = Arrays.copyOf(self.stridesRaw(), self.dim() + 1);
        if (self.dim() > 0) {
            sizes[d] = (length - size) / step + 1;
            strides[d] = stride * step;
        }
        sizes[sizes.length - 1] = size;
        strides[strides.length - 1] = stride;
        return self.view(sizes, strides, self.storageOffset());
    }

    /** {@code F.pad(mode='constant')}: pad pairs (last dim first); negative pads crop. */
    public static Tensor constantPad(Tensor self, long[] pad, Scalar value) {
        if (!(pad.length % 2 == 0 && pad.length / 2 <= self.dim())) {
            throw TorchException.runtime("Length of pad must be even but "
                + "instead it equals " + pad.length);
        }
        long[] shape = self.sizes();
        Tensor source = self;
        for (int i = 0; i < pad.length / 2; i++) {
            int d = self.dim() - 1 - i;
            long before = pad[2 * i];
            long after = pad[2 * i + 1];
            source = Views.narrow(source, d, Math.max(0, -before), source.size(d) + Math.min(0, before)
                    + Math.min(0, after));
            shape[d] = self.size(d) + before + after;
            if (shape[d] < 0) {
                throw TorchException.runtime("The input size " + self.size(d) + ", plus negative padding "
                    + before + " and " + after + " resulted in a negative output size");
            }
        }
        Tensor out = Tensor.full(value, self.dtype(), shape);
        Tensor target = out;
        for (int i = 0; i < pad.length / 2; i++) {
            int d = self.dim() - 1 - i;
            target = Views.narrow(target, d, Math.max(0, pad[2 * i]), source.size(d));
        }
        target.copyFrom(source);
        return out;
    }

    /** {@code torch.diag}: a vector to a square matrix, or a matrix's diagonal to a vector (copied). */
    public static Tensor diag(Tensor self, long diagonal) {
        if (self.dim() == 2) {
            return Views.diagonal(self, diagonal, 0, 1).clone();
        }
        if (self.dim() != 1) {
            throw TorchException.runtime("diag(): Supports 1D or 2D tensors. Got " + self.dim() + "D");
        }
        long n = self.size(0) + Math.abs(diagonal);
        Tensor out = Tensor.zeros(self.dtype(), n, n);
        Views.diagonal(out, diagonal, 0, 1).copyFrom(self);
        return out;
    }

    /**
     * {@code torch.diag_embed(self, offset, dim1, dim2)}: zeros with the last dim of {@code self} written on the
     * {@code offset} diagonal of the plane {@code (dim1, dim2)} of a result one dim larger.
     */
    public static Tensor diagEmbed(Tensor self, long offset, long dim1, long dim2) {
        int rank = self.dim() + 1;
        int d1 = Shapes.wrapDim(dim1, rank);
        int d2 = Shapes.wrapDim(dim2, rank);
        if (d1 == d2) {
            throw TorchException.runtime("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        }
        long n = (self.dim() == 0 ? 1 : self.size(-1)) + Math.abs(offset);
        long[] rest = self.dim() == 0 ? new long[0] : Arrays.copyOf(self.sizesRaw(), self.dim() - 1);
        long[] shape = new long[rank];
        for (int d = 0, r = 0; d < rank; d++) {
            shape[d] = d == d1 || d == d2 ? n : rest[r++];
        }
        Tensor out = Tensor.zeros(self.dtype(), shape);
        Views.diagonal(out, offset, d1, d2).copyFrom(self);
        return out;
    }

    /** {@code torch.diagflat(self, offset)}: the flattened input on a diagonal of a square matrix. */
    public static Tensor diagflat(Tensor self, long offset) {
        return diag(Views.reshape(self, new long[] {-1}), offset);
    }

    /** {@code torch.rot90(self, k, dims)}: rotated k quarter turns from the first listed dim toward the second. */
    public static Tensor rot90(Tensor self, long k, long[] dims) {
        if (dims.length != 2) {
            throw TorchException.runtime("expected total rotation dims == 2, but got dims = " + dims.length);
        }
        if (self.dim() < 2) {
            throw TorchException.runtime("expected total dims >= 2, but got total dims = " + self.dim());
        }
        int a = Shapes.wrapDim(dims[0], self.dim());
        int b = Shapes.wrapDim(dims[1], self.dim());
        if (a == b) {
            throw TorchException.runtime("expected rotation dims to be different, but got dim0 = " + dims[0]
                + " and dim1 = " + dims[1]);
        }
        return switch ((int) Math.floorMod(k, 4L)) {
            case 1 -> Views.transpose(flip(self, new long[] {b}), a, b);
            case 2 -> flip(self, new long[] {a, b});
            case 3 -> Views.transpose(flip(self, new long[] {a}), a, b);
            default -> self.clone();
        };
    }

    /** {@code Tensor.sum_to_size(size)}: summed over the dims that broadcasting {@code size} expands (all, for []). */
    public static Tensor sumToSize(Tensor self, long[] size) {
        int lead = self.dim() - size.length;
        boolean expandable = lead >= 0;
        for (int i = 0; expandable && i < size.length; i++) {
            expandable = size[i] == self.size(lead + i) || size[i] == 1;
        }
        if (!expandable) {
            throw TorchException.runtime("size " + Shapes.str(size) + " is not expandable to size "
                + Shapes.str(self.sizesRaw()));
        }
        if (size.length == 0) {
            return Reductions.sum(self, null, false, null);
        }
        List<Long> dims = new ArrayList<>();
        for (int d = 0; d < self.dim(); d++) {
            if (d < lead || size[d - lead] == 1 && self.size(d) != 1) {
                dims.add((long) d);
            }
        }
        if (dims.isEmpty()) {
            return self;
        }
        Tensor summed = Reductions.sum(self, dims.stream().mapToLong(Long::longValue).toArray(), true, null);
        return lead > 0 ? Views.view(summed, size) : summed;
    }

    /** {@code F.pixel_shuffle}: {@code (*, C*r*r, H, W)} to {@code (*, C, H*r, W*r)}. */
    public static Tensor pixelShuffle(Tensor self, long r) {
        int n = self.dim();
        TorchException.check(n >= 3, "pixel_shuffle expects input to have at least 3 dimensions");
        long c = self.size(-3) / (r * r);
        long h = self.size(-2);
        long w = self.size(-1);
        long[] batch = Arrays.copyOf(self.sizesRaw(), n - 3);
        Tensor split = Views.reshape(self, concat(batch, c, r, r, h, w));
        int b = batch.length;
        Tensor moved = Views.permute(split, concat(range(b), b, b + 3, b + 1, b + 4, b + 2));
        return Copy.contiguousCopy(moved).view(concat(batch, c, h * r, w * r),
                Shapes.contiguousStrides(concat(batch, c, h * r, w * r)), 0);
    }

    /** {@code F.pixel_unshuffle}: {@code (*, C, H*r, W*r)} to {@code (*, C*r*r, H, W)}. */
    public static Tensor pixelUnshuffle(Tensor self, long r) {
        int n = self.dim();
        TorchException.check(n >= 3, "pixel_unshuffle expects input to have at least 3 dimensions");
        long c = self.size(-3);
        long h = self.size(-2) / r;
        long w = self.size(-1) / r;
        long[] batch = Arrays.copyOf(self.sizesRaw(), n - 3);
        Tensor split = Views.reshape(self, concat(batch, c, h, r, w, r));
        int b = batch.length;
        Tensor moved = Views.permute(split, concat(range(b), b, b + 2, b + 4, b + 1, b + 3));
        long[] shape = concat(batch, c * r * r, h, w);
        return Copy.contiguousCopy(moved).view(shape, Shapes.contiguousStrides(shape), 0);
    }

    /** {@code F.channel_shuffle}: the channels regrouped from {@code (g, C/g)} to {@code (C/g, g)}. */
    public static Tensor channelShuffle(Tensor self, long groups) {
        long c = self.size(1);
        long[] rest = Arrays.copyOfRange(self.sizesRaw(), 2, self.dim());
        long[] shape = concat(new long[] {self.size(0), groups, c / groups}, rest);
        Tensor t = Views.transpose(Views.reshape(self, shape), 1, 2);
        return Copy.contiguousCopy(t).view(self.sizes(), Shapes.contiguousStrides(self.sizesRaw()), 0);
    }

    /** {@code torch.tensor_split(self, sections, dim)}: views of nearly equal lengths (the first ones longer). */
    public static List<Tensor> tensorSplit(Tensor self, long sections, long dim) {
        if (sections <= 0) {
            throw TorchException.runtime("number of sections must be larger than 0, got " + sections);
        }
        int d = Shapes.wrapDim(dim, self.dim());
        long size = self.size(d);
        long[] bounds = new long[(int) sections - 1];
        long base = size / sections;
        long extra = size % sections;
        long at = 0;
        for (int i = 0; i < bounds.length; i++) {
            at += base + (i < extra ? 1 : 0);
            bounds[i] = at;
        }
        return tensorSplit(self, bounds, d);
    }

    /** {@code torch.tensor_split(self, indices, dim)}: views between the given indices (clamped). */
    public static List<Tensor> tensorSplit(Tensor self, long[] indices, long dim) {
        int d = Shapes.wrapDim(dim, self.dim());
        long size = self.size(d);
        List<Tensor> out = new ArrayList<>();
        long start = 0;
        for (int i = 0; i <= indices.length; i++) {
            long end = i < indices.length ? Math.min(Math.max(indices[i], 0), size) : size;
            long from = Math.min(start, size);
            out.add(Views.narrow(self, d, from, Math.max(0, end - from)));
            start = Math.max(start, end);
        }
        return out;
    }

    /** {@code torch.meshgrid(tensors, indexing)}: each 0/1-d input expanded along every input's length. */
    public static List<Tensor> meshgrid(List<Tensor> tensors, String indexing) {
        if (!(indexing.equals("ij") || indexing.equals("xy"))) {
            throw TorchException.runtime("torch.meshgrid: indexing must be one "
                + "of \"xy\" or \"ij\", but received: " + indexing);
        }
        int n = tensors.size();
        boolean swap = indexing.equals("xy") && n >= 2;
        List<Tensor> in = new ArrayList<>(tensors);
        if (swap) {
            in.set(0, tensors.get(1));
            in.set(1, tensors.get(0));
        }
        long[] shape = new long[n];
        for (int i = 0; i < n; i++) {
            if (in.get(i).dim() > 1) {
                throw TorchException.runtime("torch.meshgrid: Expected 0D or 1D tensor in the tensor list "
                    + "but got: " + in.get(i));
            }
            shape[i] = in.get(i).numel();
        }
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] view = new long[n];
            Arrays.fill(view, 1);
            view[i] = -1;
            out.add(Views.expand(Views.reshape(in.get(i), view), shape));
        }
        if (swap) {
            Tensor first = out.get(0);
            out.set(0, out.get(1));
            out.set(1, first);
        }
        return out;
    }

    /** {@code torch.broadcast_tensors}: each input expanded to the common shape. */
    public static List<Tensor> broadcastTensors(List<Tensor> tensors) {
        long[] shape = new long[0];
        for (Tensor t : tensors) {
            shape = Shapes.broadcast(shape, t.sizesRaw());
        }
        long[] s = shape;
        return tensors.stream().map(t -> Views.expand(t, s)).toList();
    }

    /** {@code torch.atleast_{n}d}: a view with leading (and, for 3-d from 2-d, trailing) dims of size 1. */
    public static Tensor atLeast(Tensor self, int n) {
        return switch (self.dim()) {
            case 0 -> Views.reshape(self, n == 1 ? new long[] {1} : n == 2 ? new long[] {1, 1} : new long[] {1, 1, 1});
            case 1 -> n == 1 ? self : n == 2 ? Views.unsqueeze(self, 0)
                    : Views.unsqueeze(Views.unsqueeze(self, 0), 2);
            case 2 -> n == 3 ? Views.unsqueeze(self, 2) : self;
            default -> self;
        };
    }

    /** {@code torch.one_hot(self, num_classes)}: int64 rows with a 1 at each index. */
    public static Tensor oneHot(Tensor self, long numClasses) {
        if (self.dtype() != ScalarType.Long) {
            throw TorchException.runtime("one_hot is only applicable to index tensor of type "
                + "LongTensor.");
        }
        long[] idx = self.toLongArray();
        long classes = numClasses;
        if (classes == -1) {
            classes = Arrays.stream(idx).max().orElse(-1) + 1;
        }
        long[] shape = Arrays.copyOf(self.sizesRaw(), self.dim() + 1);
        shape[self.dim()] = classes;
        long[] out = new long[(int) (idx.length * classes)];
        for (int i = 0; i < idx.length; i++) {
            TorchException.check(idx[i] >= 0 && idx[i] < classes, "Class values must be smaller than num_classes.");
            out[(int) (i * classes + idx[i])] = 1;
        }
        return Reductions.result(out, shape, ScalarType.Long);
    }

    private static long[] range(int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static long[] concat(long[] head, long... tail) {
        long[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }
}
