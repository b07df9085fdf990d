package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;

import kiln.dialects.torch.types.ScalarType;

/** Tensor creation behind {@link Tensor}'s static factories: fresh storage, or wrapped memory. */
final class Factory {
    private Factory() {
    }

    static Tensor empty(ScalarType dtype, long[] sizes) {
        return emptyStrided(dtype, sizes, Shapes.contiguousStrides(checkSizes(sizes)));
    }

    static Tensor emptyStrided(ScalarType dtype, long[] sizes, long[] strides) {
        DTypes.require(dtype);
        Views.checkStrided(checkSizes(sizes), strides);
        long elements = Shapes.storageExtent(sizes, strides);
        Storage storage = Storage.allocate(Math.multiplyExact(elements, (long) dtype.itemSize()));
        return new Tensor(storage, dtype, sizes.clone(), strides.clone(), 0);
    }

    private static long[] checkSizes(long[] sizes) {
        for (long s : sizes) {
            if (s < 0) {
                throw TorchException.runtime("Trying to create tensor with negative dimension " + s + ": "
                    + Shapes.str(sizes));
            }
        }
        return sizes;
    }

    static Tensor full(Scalar value, ScalarType dtype, long[] sizes) {
        Tensor t = empty(dtype, sizes);
        Copy.fill(t, value);
        return t;
    }

    static Tensor scalar(Scalar value, ScalarType dtype) {
        return full(value, dtype, new long[0]);
    }

    static Tensor arange(long end, ScalarType dtype) {
        TorchException.check(end >= 0, "upper bound and larger bound inconsistent with step sign");
        Tensor t = empty(dtype, new long[] {end});
        for (long i = 0; i < end; i++) {
            t.setLong(i, i);
        }
        return t;
    }

    /** A contiguous tensor over a whole segment of {@code elements} elements; no sizes means 1-d. */
    static Tensor wrap(MemorySegment segment, long elements, ScalarType dtype, long[] sizes) {
        DTypes.require(dtype);
        long[] shape = sizes.length == 0 ? new long[] {elements} : checkSizes(sizes).clone();
        long numel = Shapes.numel(shape);
        if (numel != elements || segment.byteSize() != elements * dtype.itemSize()) {
            throw new IllegalArgumentException("shape " + Shapes.str(shape) + " holds " + numel + " elements of "
                    + dtype + " but the memory holds " + segment.byteSize() + " bytes (" + elements
                    + " elements)");
        }
        return new Tensor(Storage.wrap(segment), dtype, shape, Shapes.contiguousStrides(shape), 0);
    }

    /** {@link #wrap} for arrays whose element width must match the dtype's. */
    static Tensor wrapChecked(MemorySegment segment, long elements, ScalarType dtype, int elementBytes,
            long[] sizes) {
        if (DTypes.require(dtype).itemSize() != elementBytes) {
            throw new IllegalArgumentException(dtype + " elements are " + dtype.itemSize() + " bytes, not "
                    + elementBytes);
        }
        return wrap(segment, elements, dtype, sizes);
    }

    static Tensor ofBooleans(boolean[] data, long[] sizes) {
        byte[] bytes = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            bytes[i] = (byte) (data[i] ? 1 : 0);
        }
        return wrap(MemorySegment.ofArray(bytes), bytes.length, ScalarType.Bool, sizes);
    }

    static Tensor onStorage(Storage storage, ScalarType dtype, long[] sizes, long[] strides, long offset) {
        DTypes.require(dtype);
        Views.checkStrided(checkSizes(sizes), strides);
        if (offset < 0) {
            throw TorchException.runtime("Tensor: invalid storage offset " + offset);
        }
        Views.checkInBounds(sizes, strides, offset, dtype.itemSize(), storage.byteSize());
        return new Tensor(storage, dtype, sizes.clone(), strides.clone(), offset);
    }
}
