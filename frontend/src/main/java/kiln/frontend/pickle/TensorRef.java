package kiln.frontend.pickle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

/**
 * A tensor as saved: a strided view of {@code dtype} elements into {@code storage}, starting
 * {@code storageOffset} elements in. The constructor checks that every element the view can reach lies inside the
 * storage.
 */
public record TensorRef(DType dtype, List<Long> sizes, List<Long> strides, long storageOffset, boolean requiresGrad,
                        Storage storage) implements PyValue {

    public TensorRef {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(storage, "storage");
        sizes = List.copyOf(sizes);
        strides = List.copyOf(strides);
        checkFits(dtype, sizes, strides, storageOffset, storage);
    }

    private static void checkFits(DType dtype, List<Long> sizes, List<Long> strides, long offset, Storage storage) {
        if (sizes.size() != strides.size()) {
            throw new IllegalArgumentException("tensor has " + sizes.size() + " sizes but " + strides.size()
                    + " strides");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("negative storage offset " + offset);
        }
        try {
            long numel = 1;
            long lastElement = offset;
            for (int i = 0; i < sizes.size(); i++) {
                long size = sizes.get(i);
                long stride = strides.get(i);
                if (size < 0 || stride < 0) {
                    throw new IllegalArgumentException("negative size or stride in sizes " + sizes + " strides "
                            + strides);
                }
                numel = Math.multiplyExact(numel, size);
                if (size > 0) {
                    lastElement = Math.addExact(lastElement, Math.multiplyExact(size - 1, stride));
                }
            }
            if (numel == 0) {
                return;
            }
            long endByte = Math.multiplyExact(Math.addExact(lastElement, 1), dtype.elementSize());
            if (endByte > storage.byteSize()) {
                throw new IllegalArgumentException("tensor of sizes " + sizes + ", strides " + strides + ", offset "
                        + offset + " (" + dtype + ") reaches byte " + endByte + " of storage '" + storage.key()
                        + "', which has " + storage.byteSize());
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("absurd tensor extent: sizes " + sizes + ", strides " + strides
                    + ", offset " + offset, e);
        }
    }

    public int dim() {
        return sizes.size();
    }

    /** The number of elements. */
    public long numel() {
        long numel = 1;
        for (long size : sizes) {
            numel *= size;
        }
        return numel;
    }

    /** Sizes as an array. */
    public long[] shape() {
        return sizes.stream().mapToLong(Long::longValue).toArray();
    }

    /** True when the elements are laid out row-major without gaps (size-1 dimensions may have any stride). */
    public boolean isContiguous() {
        if (numel() == 0) {
            return true;
        }
        long expected = 1;
        for (int i = sizes.size() - 1; i >= 0; i--) {
            long size = sizes.get(i);
            if (size != 1) {
                if (strides.get(i) != expected) {
                    return false;
                }
                expected *= size;
            }
        }
        return true;
    }

    /** The bytes of a contiguous tensor, little-endian, read-only, over the storage's memory. */
    public ByteBuffer contiguousData() {
        if (!isContiguous()) {
            throw new IllegalStateException("tensor with sizes " + sizes + " and strides " + strides
                    + " is not contiguous");
        }
        long start = storageOffset * dtype.elementSize();
        long length = numel() * dtype.elementSize();
        if (length == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        return storage.segment().asSlice(start, length).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public String typeName() {
        return "Tensor";
    }

    @Override
    public String toString() {
        return "Tensor(" + dtype + ", sizes=" + sizes + ", strides=" + strides + ", offset=" + storageOffset
                + (requiresGrad ? ", requires_grad" : "") + ", storage=" + storage.key() + ")";
    }
}
