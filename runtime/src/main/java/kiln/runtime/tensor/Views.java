package kiln.runtime.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ATen's view operators (aten/src/ATen/native/TensorShape.cpp): each computes new sizes, strides and storage
 * offset over the same storage, with PyTorch's dim wrapping, clamping and error messages.
 */
final class Views {
    private Views() {
    }

    static Tensor select(Tensor self, long dim, long index) {
        int ndim = self.dim();
        TorchException.checkIndex(ndim != 0, "select() cannot be applied to a 0-dim tensor.");
        int d = Shapes.wrapDim(dim, ndim);
        long size = self.size(d);
        if (size < -index || size <= index) {
            throw TorchException.index("select(): index " + index
                + " out of range for tensor of size " + Shapes.str(self.sizesRaw()) + " at dimension " + d);
        }
        long i = index < 0 ? index + size : index;
        return self.view(remove(self.sizesRaw(), d), remove(self.stridesRaw(), d),
                self.storageOffset() + i * self.stride(d));
    }

    /** {@code aten::slice}: {@code start}/{@code end} may be null (None), negative, or past the end. */
    static Tensor slice(Tensor self, long dim, Long start, Long end, long step) {
        int ndim = self.dim();
        TorchException.checkIndex(ndim != 0, "slice() cannot be applied to a 0-dim tensor.");
        int d = Shapes.wrapDim(dim, ndim);
        long[] sizes = self.sizesRaw().clone();
        long[] strides = self.stridesRaw().clone();
        long startVal = start != null ? start : 0;
        long endVal = end != null ? end : Long.MAX_VALUE;
        TorchException.check(step > 0, "slice step must be positive");
        if (startVal < 0) {
            startVal += sizes[d];
        }
        if (endVal < 0) {
            endVal += sizes[d];
        }
        if (startVal < 0) {
            startVal = 0;
        } else if (startVal >= sizes[d]) {
            startVal = sizes[d];
        }
        if (endVal < startVal) {
            endVal = startVal;
        } else if (endVal >= sizes[d]) {
            endVal = sizes[d];
        }
        long offset = self.storageOffset() + startVal * strides[d];
        long len = endVal - startVal;
        sizes[d] = (len + step - 1) / step;
        strides[d] *= step;
        return self.view(sizes, strides, offset);
    }

    static Tensor narrow(Tensor self, long dim, long start, long length) {
        TorchException.check(self.dim() > 0, "narrow() cannot be applied to a 0-dim tensor.");
        TorchException.check(length >= 0, "narrow(): length must be non-negative.");
        long curSize = self.size(dim);
        if (!(-curSize <= start && start <= curSize)) {
            throw TorchException.index("start out of range (expected to be in "
                + "range of [" + -curSize + ", " + curSize + "], but got " + start + ")");
        }
        if (start < 0) {
            start += curSize;
        }
        if (start > curSize - length) {
            throw TorchException.runtime("start (" + start + ") + length (" + length
                + ") exceeds dimension size (" + curSize + ").");
        }
        return slice(self, dim, start, start + length, 1);
    }

    /** {@code aten::view}: fails when the strides do not allow it. */
    static Tensor view(Tensor self, long[] shape) {
        long[] inferred = Shapes.inferViewShape(shape, self.numel());
        long[] stride = Shapes.computeStride(self.sizesRaw(), self.stridesRaw(), inferred);
        if (stride == null) {
            throw TorchException.runtime("view size is not compatible with input tensor's size and stride (at "
                + "least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        return self.view(inferred, stride, self.storageOffset());
    }

    /** {@code aten::reshape}: a view when {@code computeStride} allows one, else a contiguous copy. */
    static Tensor reshape(Tensor self, long[] shape) {
        long[] inferred = Shapes.inferViewShape(shape, self.numel());
        long[] stride = Shapes.computeStride(self.sizesRaw(), self.stridesRaw(), inferred);
        if (stride != null) {
            return self.view(inferred, stride, self.storageOffset());
        }
        Tensor copy = Copy.contiguousCopy(self);
        return copy.view(inferred, Shapes.contiguousStrides(inferred), 0);
    }

    static Tensor transpose(Tensor self, long dim0, long dim1) {
        int ndim = self.dim();
        int d0 = Shapes.wrapDim(dim0, ndim);
        int d1 = Shapes.wrapDim(dim1, ndim);
        if (ndim == 0) {
            return self.alias();
        }
        long[] sizes = self.sizesRaw().clone();
        long[] strides = self.stridesRaw().clone();
        swap(sizes, d0, d1);
        swap(strides, d0, d1);
        return self.view(sizes, strides, self.storageOffset());
    }

    static Tensor t(Tensor self) {
        if (self.dim() > 2) {
            throw TorchException.runtime("t() expects a tensor with <= 2 dimensions, but self is " + self.dim()
                + "D");
        }
        return transpose(self, 0, self.dim() < 2 ? 0 : 1);
    }

    static Tensor permute(Tensor self, long[] dims) {
        int ndim = self.dim();
        if (ndim != dims.length) {
            throw TorchException.runtime("permute(sparse_coo): number of dimensions in the tensor input "
                + "does not match the length of the desired ordering of dimensions i.e. input.dim() = " + ndim
                + " is not equal to len(dims) = " + dims.length);
        }
        long[] sizes = new long[ndim];
        long[] strides = new long[ndim];
        boolean[] seen = new boolean[ndim];
        for (int i = 0; i < ndim; i++) {
            int d = Shapes.wrapDim(dims[i], ndim);
            TorchException.check(!seen[d], "permute(): duplicate dims are not allowed.");
            seen[d] = true;
            sizes[i] = self.size(d);
            strides[i] = self.stride(d);
        }
        return self.view(sizes, strides, self.storageOffset());
    }

    /** ATen's {@code inferExpandGeometry}; {@code -1} keeps a size. */
    static Tensor expand(Tensor self, long[] size) {
        if (size.length < self.dim()) {
            throw TorchException.runtime("expand(" + DTypes.backendTypeName(self.dtype()) + "{"
                + Shapes.str(self.sizesRaw()) + "}, size=" + Shapes.str(size) + "): the number of sizes provided ("
                + size.length + ") must be greater or equal to the number of dimensions in the tensor ("
                + self.dim() + ")");
        }
        long[] tensorSizes = self.sizesRaw();
        long[] tensorStrides = self.stridesRaw();
        int ndim = size.length;
        int tensorDim = tensorSizes.length;
        long[] sizes = new long[ndim];
        long[] strides = new long[ndim];
        for (int i = ndim - 1; i >= 0; i--) {
            int offset = ndim - 1 - i;
            int dim = tensorDim - 1 - offset;
            long s = dim >= 0 ? tensorSizes[dim] : 1;
            // A 0-dim tensor expands with all-zero strides (ATen returns early for it).
            long stride = dim >= 0 ? tensorStrides[dim] : tensorDim == 0 ? 0 : sizes[i + 1] * strides[i + 1];
            long target = size[i];
            if (target == -1) {
                if (dim < 0) {
                    throw TorchException.runtime("The expanded size of the tensor (" + target
                        + ") isn't allowed in a leading, non-existing dimension " + i);
                }
                target = s;
            }
            if (s != target) {
                if (s != 1) {
                    throw TorchException.runtime("The expanded size of the tensor (" + target + ") must match the "
                        + "existing size (" + s + ") at non-singleton dimension " + i + ".  Target sizes: "
                        + Shapes.str(size) + ".  Tensor sizes: " + Shapes.str(tensorSizes));
                }
                s = target;
                stride = 0;
            }
            sizes[i] = s;
            strides[i] = stride;
        }
        return self.view(sizes, strides, self.storageOffset());
    }

    static Tensor squeeze(Tensor self) {
        long[] sizes = self.sizesRaw();
        List<Integer> kept = new ArrayList<>();
        for (int d = 0; d < sizes.length; d++) {
            if (sizes[d] != 1) {
                kept.add(d);
            }
        }
        return keep(self, kept);
    }

    /** {@code squeeze.dims}: each listed dim of size 1 goes; a listed dim of another size stays. */
    static Tensor squeeze(Tensor self, long[] dims) {
        int ndim = self.dim();
        boolean[] listed = new boolean[Math.max(ndim, 1)];
        for (long dim : dims) {
            int d = Shapes.wrapDim(dim, ndim);
            if (listed[d]) {
                throw TorchException.runtime("dim " + d + " appears multiple times in the list of dims");
            }
            listed[d] = true;
        }
        List<Integer> kept = new ArrayList<>();
        for (int d = 0; d < ndim; d++) {
            if (!listed[d] || self.size(d) != 1) {
                kept.add(d);
            }
        }
        return keep(self, kept);
    }

    private static Tensor keep(Tensor self, List<Integer> dims) {
        long[] sizes = new long[dims.size()];
        long[] strides = new long[dims.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = self.size(dims.get(i));
            strides[i] = self.stride(dims.get(i));
        }
        return self.view(sizes, strides, self.storageOffset());
    }

    static Tensor unsqueeze(Tensor self, long dim) {
        int d = Shapes.wrapDim(dim, self.dim() + 1);
        long newStride = d >= self.dim() ? 1 : self.size(d) * self.stride(d);
        return self.view(insert(self.sizesRaw(), d, 1), insert(self.stridesRaw(), d, newStride),
                self.storageOffset());
    }

    static Tensor flatten(Tensor self, long startDim, long endDim) {
        int start = Shapes.wrapDim(startDim, self.dim());
        int end = Shapes.wrapDim(endDim, self.dim());
        TorchException.check(start <= end, "flatten() has invalid args: start_dim cannot come after end_dim");
        if (self.dim() == 0) {
            return reshape(self, new long[] {1});
        }
        if (start == end) {
            return self;
        }
        long[] sizes = self.sizesRaw();
        long sliceNumel = Shapes.numel(Arrays.copyOfRange(sizes, start, end + 1));
        long[] shape = new long[sizes.length - (end - start)];
        System.arraycopy(sizes, 0, shape, 0, start);
        shape[start] = sliceNumel;
        System.arraycopy(sizes, end + 1, shape, start + 1, sizes.length - end - 1);
        return reshape(self, shape);
    }

    static Tensor unflatten(Tensor self, long dim, long[] sizes) {
        int d = Shapes.wrapDim(dim, self.dim());
        TorchException.check(sizes.length > 0, "unflatten: sizes must be non-empty");
        long[] inferred;
        try {
            inferred = Shapes.inferViewShape(sizes, self.size(d));
        } catch (TorchException e) {
            if (!e.getMessage().contains("is invalid for input of size")) {
                throw TorchException.runtime("unflatten got an unexpected error:\n" + e.getMessage());
            }
            throw TorchException.runtime("unflatten: Provided sizes " + Shapes.str(sizes)
                    + " don't multiply up to the size of dim " + d + " (" + self.size(d) + ") in the input tensor");
        }
        long[] old = self.sizesRaw();
        long[] shape = new long[old.length - 1 + inferred.length];
        System.arraycopy(old, 0, shape, 0, d);
        System.arraycopy(inferred, 0, shape, d, inferred.length);
        System.arraycopy(old, d + 1, shape, d + inferred.length, old.length - d - 1);
        return view(self, shape);
    }

    static List<Tensor> chunk(Tensor self, long chunks, long dim) {
        TorchException.check(self.dim() > 0, "chunk expects at least a 1-dimensional tensor");
        if (chunks <= 0) {
            throw TorchException.runtime("chunk expects `chunks` to be greater than 0, got: " + chunks);
        }
        long dimSize = self.size(dim);
        long splitSize = (dimSize + chunks - 1) / chunks;
        if (splitSize == 0 && dimSize == 0) {
            long[] splitSizes = new long[(int) chunks];
            splitSizes[(int) chunks - 1] = splitSize - (splitSize * chunks - dimSize);
            return splitWithSizes(self, splitSizes, dim);
        }
        return split(self, splitSize, dim);
    }

    static List<Tensor> split(Tensor self, long splitSize, long dim) {
        TorchException.check(self.dim() != 0, "split expects at least a 1-dimensional tensor");
        if (splitSize < 0) {
            throw TorchException.runtime("split expects split_size be non-negative, but got split_size="
                + splitSize);
        }
        long dimSize = self.size(dim);
        if (!(splitSize > 0 || dimSize == 0)) {
            throw TorchException.runtime("split_size can only be 0 if dimension size is 0, but "
                + "got dimension size of " + dimSize);
        }
        long numSplits = 1;
        if (splitSize != 0) {
            numSplits = Math.max((dimSize + splitSize - 1) / splitSize, 1);
        }
        long lastSplitSize = splitSize - (splitSize * numSplits - dimSize);
        List<Tensor> splits = new ArrayList<>();
        for (long i = 0; i < numSplits; i++) {
            long length = i < numSplits - 1 ? splitSize : lastSplitSize;
            splits.add(narrow(self, dim, i * splitSize, length));
        }
        return List.copyOf(splits);
    }

    static List<Tensor> splitWithSizes(Tensor self, long[] splitSizes, long dim) {
        TorchException.check(self.dim() != 0, "split expects at least a 1-dimensional tensor");
        long dimSize = self.size(dim);
        long start = 0;
        List<Tensor> splits = new ArrayList<>();
        for (long length : splitSizes) {
            if (length < 0) {
                throw TorchException.runtime("split_with_sizes expects split_sizes have only non-negative entries,"
                    + " but got split_sizes=" + Shapes.str(splitSizes));
            }
            splits.add(slice(self, dim, start, start + length, 1));
            start += length;
        }
        if (start != dimSize) {
            throw TorchException.runtime("split_with_sizes expects split_sizes to sum exactly to " + dimSize
                + " (input tensor's size at dimension " + dim + "), but got split_sizes=" + Shapes.str(splitSizes));
        }
        return List.copyOf(splits);
    }

    static List<Tensor> unbind(Tensor self, long dim) {
        int d = Shapes.wrapDim(dim, self.dim(), false);
        List<Tensor> slices = new ArrayList<>();
        for (long i = 0; i < self.size(d); i++) {
            slices.add(select(self, d, i));
        }
        return List.copyOf(slices);
    }

    /** {@code aten::as_strided}, checked against the storage as ATen's {@code setStrided} does. */
    static Tensor asStrided(Tensor self, long[] size, long[] stride, Long storageOffset) {
        long offset = storageOffset != null ? storageOffset : self.storageOffset();
        checkStrided(size, stride);
        checkInBounds(size, stride, offset, self.dtype().itemSize(), self.storage().byteSize());
        if (offset < 0) {
            throw TorchException.runtime("Tensor: invalid storage offset " + offset);
        }
        return self.view(size.clone(), stride.clone(), offset);
    }

    /** The first checks of ATen's {@code setStrided}. */
    static void checkStrided(long[] size, long[] stride) {
        TorchException.check(size.length == stride.length, "mismatch in length of strides and shape");
        for (long s : stride) {
            if (s < 0) {
                throw TorchException.runtime("as_strided: Negative strides are not supported at the moment, got "
                    + "strides: " + Shapes.str(stride));
            }
        }
    }

    /** ATen's {@code checkInBoundsForStorage}. */
    static void checkInBounds(long[] size, long[] stride, long offset, long itemSize, long storageBytes) {
        long sizeBytes = Shapes.storageExtent(size, stride) * itemSize;
        if (sizeBytes == 0) {
            return;
        }
        long required = sizeBytes + offset * itemSize;
        if (required > storageBytes) {
            throw TorchException.runtime("setStorage: sizes " + Shapes.str(size) + ", strides "
                + Shapes.str(stride) + ", storage offset " + offset + ", and itemsize " + itemSize
                + " requiring a storage size of " + required + " are out of bounds for storage of size "
                + storageBytes);
        }
    }

    static Tensor diagonal(Tensor self, long offset, long dim1, long dim2) {
        int ndim = self.dim();
        int d1 = Shapes.wrapDim(dim1, ndim);
        int d2 = Shapes.wrapDim(dim2, ndim);
        if (d1 == d2) {
            throw TorchException.runtime("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        }
        long diagSize;
        long storageOffset = self.storageOffset();
        if (offset >= 0) {
            diagSize = Math.max(Math.min(self.size(d1), self.size(d2) - offset), 0);
        } else {
            diagSize = Math.max(Math.min(self.size(d1) + offset, self.size(d2)), 0);
        }
        if (diagSize != 0) {
            storageOffset += offset >= 0 ? offset * self.stride(d2) : -offset * self.stride(d1);
        }
        long[] sizes = remove(remove(self.sizesRaw(), Math.max(d1, d2)), Math.min(d1, d2));
        long[] strides = remove(remove(self.stridesRaw(), Math.max(d1, d2)), Math.min(d1, d2));
        sizes = insert(sizes, sizes.length, diagSize);
        strides = insert(strides, strides.length, self.stride(d1) + self.stride(d2));
        return self.view(sizes, strides, storageOffset);
    }

    static Tensor movedim(Tensor self, long[] src, long[] dst) {
        if (src.length != dst.length) {
            throw TorchException.runtime("movedim: Invalid source or destination dims: source ("
                + Shapes.str(src) + " dims) should contain the same number of dims as destination ("
                + Shapes.str(dst) + " dims)");
        }
        int ndim = self.dim();
        int[] nsrc = new int[src.length];
        int[] ndst = new int[dst.length];
        for (int i = 0; i < src.length; i++) {
            nsrc[i] = Shapes.wrapDim(src[i], ndim);
            ndst[i] = Shapes.wrapDim(dst[i], ndim);
        }
        if (!allUnique(nsrc)) {
            throw TorchException.runtime("movedim: repeated dim in `source` (" + Shapes.str(src) + ")");
        }
        if (!allUnique(ndst)) {
            throw TorchException.runtime("movedim: repeated dim in `destination` (" + Shapes.str(dst) + ")");
        }
        if (ndim == 0) {
            return self.alias();
        }
        long[] order = new long[ndim];
        boolean[] srcUsed = new boolean[ndim];
        boolean[] dstUsed = new boolean[ndim];
        for (int i = 0; i < nsrc.length; i++) {
            order[ndst[i]] = nsrc[i];
            srcUsed[nsrc[i]] = true;
            dstUsed[ndst[i]] = true;
        }
        int nextSrc = 0;
        for (int d = 0; d < ndim; d++) {
            if (!dstUsed[d]) {
                while (srcUsed[nextSrc]) {
                    nextSrc++;
                }
                order[d] = nextSrc++;
            }
        }
        return permute(self, order);
    }

    private static boolean allUnique(int[] dims) {
        return Arrays.stream(dims).distinct().count() == dims.length;
    }

    private static void swap(long[] a, int i, int j) {
        long tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
    }

    static long[] remove(long[] a, int index) {
        long[] out = new long[a.length - 1];
        System.arraycopy(a, 0, out, 0, index);
        System.arraycopy(a, index + 1, out, index, a.length - index - 1);
        return out;
    }

    static long[] insert(long[] a, int index, long value) {
        long[] out = new long[a.length + 1];
        System.arraycopy(a, 0, out, 0, index);
        out[index] = value;
        System.arraycopy(a, index, out, index + 1, a.length - index);
        return out;
    }
}
