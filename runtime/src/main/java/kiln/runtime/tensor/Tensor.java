package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.util.List;

import kiln.dialects.torch.types.ScalarType;

/**
 * A strided tensor on the CPU, as c10's {@code TensorImpl}: a dtype, sizes, strides and a storage offset (in
 * elements) over a {@link Storage} that views share. Metadata is immutable: every view operator returns a new
 * {@code Tensor} over the same storage, and in-place writes ({@link #copyFrom}, element setters, in-place
 * kernels in {@link Ops}) go to that storage, so they show through every view.
 *
 * <p>Shapes, dim wrapping, type promotion, conversions and error messages follow PyTorch; {@link #toString()}
 * prints as Python's {@code repr(tensor)}.
 */
public final class Tensor implements Operand {
    private final Storage storage;
    private final ScalarType dtype;
    private final long[] sizes;
    private final long[] strides;
    private final long storageOffset;
    private final long numel;
    private final boolean contiguous;

    /** No checks: callers guarantee that the layout lies within the storage. */
    Tensor(Storage storage, ScalarType dtype, long[] sizes, long[] strides, long storageOffset) {
        this.storage = storage;
        this.dtype = dtype;
        this.sizes = sizes;
        this.strides = strides;
        this.storageOffset = storageOffset;
        this.numel = Shapes.numel(sizes);
        this.contiguous = Shapes.isContiguous(sizes, strides);
    }

    // ---- creation ---------------------------------------------------------------------------------------

    /** {@code torch.empty}: contiguous, contents unspecified. */
    public static Tensor empty(ScalarType dtype, long... sizes) {
        return Factory.empty(dtype, sizes);
    }

    /** {@code torch.empty_strided}. */
    public static Tensor emptyStrided(ScalarType dtype, long[] sizes, long[] strides) {
        return Factory.emptyStrided(dtype, sizes, strides);
    }

    public static Tensor zeros(ScalarType dtype, long... sizes) {
        return Factory.full(Scalar.of(0L), dtype, sizes);
    }

    public static Tensor full(Scalar value, ScalarType dtype, long... sizes) {
        return Factory.full(value, dtype, sizes);
    }

    /** A 0-dim tensor as {@code torch.tensor(value)} makes it: float32 for floats, int64 for ints, bool. */
    public static Tensor scalar(Scalar value) {
        return Factory.scalar(value, value.isFloatingPoint() ? DTypes.DEFAULT_FLOAT : value.type());
    }

    public static Tensor scalar(Scalar value, ScalarType dtype) {
        return Factory.scalar(value, dtype);
    }

    /** {@code torch.arange(end, dtype=dtype)}. */
    public static Tensor arange(long end, ScalarType dtype) {
        return Factory.arange(end, dtype);
    }

    /**
     * A float32 tensor over {@code data} itself (zero-copy: writes show in the array). With no sizes the tensor
     * is 1-d; give sizes to shape it (their product must be the array length), or use {@link #scalar}. After
     * writing into the array directly, call {@code storage().bumpVersion()} (see {@link Storage}).
     */
    public static Tensor of(float[] data, long... sizes) {
        return Factory.wrap(MemorySegment.ofArray(data), data.length, ScalarType.Float, sizes);
    }

    /**
     * A float32 tensor holding a copy of {@code data} in fresh native storage, as libtorch's {@code
     * torch::tensor} and ONNX Runtime's {@code OnnxTensor.createTensor} copy theirs. Kernels run fastest over
     * native storage: where some tensors live in heap arrays ({@link #of(float[], long...)}) and others in native
     * memory, the vector loops see two kinds of segment and the JIT compiles them for both (pointwise_16m took
     * 1.8x as long with heap-array inputs).
     */
    public static Tensor copyOf(float[] data, long... sizes) {
        return of(data, sizes).clone();
    }

    /** A float64 tensor over {@code data} itself (zero-copy). */
    public static Tensor of(double[] data, long... sizes) {
        return Factory.wrap(MemorySegment.ofArray(data), data.length, ScalarType.Double, sizes);
    }

    /** An int64 tensor over {@code data} itself (zero-copy). */
    public static Tensor of(long[] data, long... sizes) {
        return Factory.wrap(MemorySegment.ofArray(data), data.length, ScalarType.Long, sizes);
    }

    /** An int32 tensor over {@code data} itself (zero-copy). */
    public static Tensor of(int[] data, long... sizes) {
        return Factory.wrap(MemorySegment.ofArray(data), data.length, ScalarType.Int, sizes);
    }

    /** A bool tensor holding a copy of {@code data} (Java has no byte view of a boolean[]). */
    public static Tensor of(boolean[] data, long... sizes) {
        return Factory.ofBooleans(data, sizes);
    }

    /** A uint8, int8 or bool tensor over {@code data} itself (zero-copy). */
    public static Tensor of(byte[] data, ScalarType dtype, long... sizes) {
        return Factory.wrapChecked(MemorySegment.ofArray(data), data.length, dtype, 1, sizes);
    }

    /** An int16, float16 or bfloat16 tensor over {@code data} (raw bits for the floats; zero-copy). */
    public static Tensor of(short[] data, ScalarType dtype, long... sizes) {
        return Factory.wrapChecked(MemorySegment.ofArray(data), data.length, dtype, 2, sizes);
    }

    /**
     * A contiguous tensor over an existing segment (zero-copy); the segment must hold exactly its elements. With
     * no sizes the tensor is 1-d. After writing into the segment directly, call {@code storage().bumpVersion()}
     * (see {@link Storage}).
     */
    public static Tensor fromSegment(MemorySegment segment, ScalarType dtype, long... sizes) {
        return Factory.wrap(segment, segment.byteSize() / DTypes.require(dtype).itemSize(), dtype, sizes);
    }

    /** A strided tensor over an existing segment (zero-copy), checked to lie within it. */
    public static Tensor fromSegment(MemorySegment segment, ScalarType dtype, long[] sizes, long[] strides,
            long storageOffset) {
        return fromStorage(Storage.wrap(segment), dtype, sizes, strides, storageOffset);
    }

    /** A tensor over existing storage, checked to lie within it (as {@code set_}/{@code as_strided}). */
    public static Tensor fromStorage(Storage storage, ScalarType dtype, long[] sizes, long[] strides,
            long storageOffset) {
        return Factory.onStorage(storage, dtype, sizes, strides, storageOffset);
    }

    // ---- metadata ---------------------------------------------------------------------------------------

    public ScalarType dtype() {
        return dtype;
    }

    public int dim() {
        return sizes.length;
    }

    public long numel() {
        return numel;
    }

    public long[] sizes() {
        return sizes.clone();
    }

    public long[] strides() {
        return strides.clone();
    }

    /** The size of a dimension; negative dims count from the end. */
    public long size(long dim) {
        return sizes[Shapes.wrapDim(dim, dim(), false)];
    }

    public long stride(long dim) {
        return strides[Shapes.wrapDim(dim, dim(), false)];
    }

    /** The offset of the first element in the storage, in elements. */
    public long storageOffset() {
        return storageOffset;
    }

    public Storage storage() {
        return storage;
    }

    public long elementSize() {
        return dtype.itemSize();
    }

    public boolean isContiguous() {
        return contiguous;
    }

    /** c10's {@code is_non_overlapping_and_dense}: some permutation of the dims is contiguous. */
    public boolean isNonOverlappingAndDense() {
        return Shapes.isNonOverlappingAndDense(sizes, strides);
    }

    /**
     * The storage bytes from this tensor's first element on: for a contiguous tensor exactly its elements, for
     * handing to native code without copying. Whoever writes through it must then call
     * {@link Storage#bumpVersion()} on {@link #storage()}.
     */
    public MemorySegment dataSegment() {
        long start = storageOffset * elementSize();
        long extent = Shapes.storageExtent(sizes, strides) * elementSize();
        return storage.segment().asSlice(start, extent);
    }

    long[] sizesRaw() {
        return sizes;
    }

    long[] stridesRaw() {
        return strides;
    }

    MemorySegment segment() {
        return storage.segment();
    }

    /** A view of this tensor's storage; no checks. */
    Tensor view(long[] newSizes, long[] newStrides, long newOffset) {
        return new Tensor(storage, dtype, newSizes, newStrides, newOffset);
    }

    // ---- elements ---------------------------------------------------------------------------------------

    /** The byte offset in the storage of the element at {@code index} (one index per dim; negatives wrap). */
    long byteOffset(long... index) {
        if (index.length != sizes.length) {
            throw TorchException.index("expected " + sizes.length + " indices for a tensor of dimension "
                    + sizes.length + ", got " + index.length);
        }
        long element = storageOffset;
        for (int d = 0; d < index.length; d++) {
            long i = index[d];
            if (!(i >= -sizes[d] && i < sizes[d])) {
                throw TorchException.index("index " + i
                    + " is out of bounds for dimension " + d + " with size " + sizes[d]);
            }
            element += (i < 0 ? i + sizes[d] : i) * strides[d];
        }
        return element * elementSize();
    }

    public double getDouble(long... index) {
        return ElementIO.readDouble(segment(), byteOffset(index), dtype);
    }

    /** The element as int64; floats truncate as {@code static_cast<int64_t>}. */
    public long getLong(long... index) {
        return ElementIO.readLong(segment(), byteOffset(index), dtype);
    }

    public boolean getBoolean(long... index) {
        return ElementIO.readBool(segment(), byteOffset(index), dtype);
    }

    /** Stores {@code value}, converted to this tensor's dtype, at {@code index}. */
    public void setDouble(double value, long... index) {
        ElementIO.writeDouble(segment(), byteOffset(index), dtype, value);
        storage.bumpVersion();
    }

    public void setLong(long value, long... index) {
        ElementIO.writeLong(segment(), byteOffset(index), dtype, value);
        storage.bumpVersion();
    }

    public void setBoolean(boolean value, long... index) {
        ElementIO.writeBool(segment(), byteOffset(index), dtype, value);
        storage.bumpVersion();
    }

    /** {@code Tensor.item()}: the one element as a Python number. */
    public Scalar item() {
        if (numel != 1) {
            throw TorchException.runtime("a Tensor with " + numel + " elements cannot be converted to Scalar");
        }
        long off = storageOffset * elementSize();
        if (dtype == ScalarType.Bool) {
            return Scalar.of(ElementIO.readBool(segment(), off, dtype));
        }
        if (dtype.isFloatingPoint()) {
            return Scalar.of(ElementIO.readFloating(segment(), off, dtype));
        }
        return Scalar.of(ElementIO.readIntegral(segment(), off, dtype));
    }

    // ---- copies and conversions -------------------------------------------------------------------------

    /** This tensor when contiguous, else a contiguous copy. */
    public Tensor contiguous() {
        return contiguous ? this : Copy.contiguousCopy(this);
    }

    /** A copy with the same layout when that layout is dense, else a dense one in the same dim order. */
    public Tensor clone() {
        return Copy.cloneLike(this, dtype);
    }

    /** This tensor when it already has {@code dtype}, else a converted copy (PyTorch's conversion rules). */
    public Tensor to(ScalarType dtype) {
        return dtype == this.dtype ? this : Copy.cloneLike(this, DTypes.require(dtype));
    }

    /** {@code self.copy_(src)}: broadcasts and converts {@code src} into this tensor's elements. */
    public Tensor copyFrom(Tensor src) {
        Copy.copy(this, src);
        storage.bumpVersion();
        return this;
    }

    /**
     * {@code result}, after recording that an in-place operation wrote into {@code target}'s storage
     * ({@link Storage#bumpVersion()}): the public in-place operations end with it.
     */
    static Tensor written(Tensor target, Tensor result) {
        target.storage.bumpVersion();
        return result;
    }

    public float[] toFloatArray() {
        return Copy.toFloatArray(this);
    }

    public double[] toDoubleArray() {
        return Copy.toDoubleArray(this);
    }

    public long[] toLongArray() {
        return Copy.toLongArray(this);
    }

    public int[] toIntArray() {
        return Copy.toIntArray(this);
    }

    public boolean[] toBooleanArray() {
        return Copy.toBooleanArray(this);
    }

    // ---- views ------------------------------------------------------------------------------------------

    public Tensor select(long dim, long index) {
        return Views.select(this, dim, index);
    }

    /** {@code self[start:end:step]} along {@code dim}; a null bound means None. */
    public Tensor slice(long dim, Long start, Long end, long step) {
        return Views.slice(this, dim, start, end, step);
    }

    public Tensor slice(long dim, Long start, Long end) {
        return Views.slice(this, dim, start, end, 1);
    }

    public Tensor narrow(long dim, long start, long length) {
        return Views.narrow(this, dim, start, length);
    }

    public Tensor view(long... shape) {
        return Views.view(this, shape);
    }

    public Tensor viewAs(Tensor other) {
        return Views.view(this, other.sizes);
    }

    public Tensor reshape(long... shape) {
        return Views.reshape(this, shape);
    }

    public Tensor transpose(long dim0, long dim1) {
        return Views.transpose(this, dim0, dim1);
    }

    public Tensor t() {
        return Views.t(this);
    }

    public Tensor permute(long... dims) {
        return Views.permute(this, dims);
    }

    public Tensor expand(long... size) {
        return Views.expand(this, size);
    }

    public Tensor expandAs(Tensor other) {
        return Views.expand(this, other.sizes);
    }

    /** Drops every dim of size 1. */
    public Tensor squeeze() {
        return Views.squeeze(this);
    }

    /** Drops {@code dim} when its size is 1. */
    public Tensor squeeze(long dim) {
        return Views.squeeze(this, new long[] {dim});
    }

    /** Drops each of {@code dims} whose size is 1. */
    public Tensor squeezeDims(long... dims) {
        return Views.squeeze(this, dims);
    }

    public Tensor unsqueeze(long dim) {
        return Views.unsqueeze(this, dim);
    }

    public Tensor flatten() {
        return Views.flatten(this, 0, -1);
    }

    public Tensor flatten(long startDim, long endDim) {
        return Views.flatten(this, startDim, endDim);
    }

    public Tensor unflatten(long dim, long... sizes) {
        return Views.unflatten(this, dim, sizes);
    }

    public List<Tensor> chunk(long chunks, long dim) {
        return Views.chunk(this, chunks, dim);
    }

    public List<Tensor> split(long splitSize, long dim) {
        return Views.split(this, splitSize, dim);
    }

    public List<Tensor> splitWithSizes(long[] splitSizes, long dim) {
        return Views.splitWithSizes(this, splitSizes, dim);
    }

    public List<Tensor> unbind(long dim) {
        return Views.unbind(this, dim);
    }

    /** {@code as_strided}; a null offset keeps this tensor's. */
    public Tensor asStrided(long[] size, long[] stride, Long storageOffset) {
        return Views.asStrided(this, size, stride, storageOffset);
    }

    public Tensor diagonal(long offset, long dim1, long dim2) {
        return Views.diagonal(this, offset, dim1, dim2);
    }

    public Tensor movedim(long source, long destination) {
        return Views.movedim(this, new long[] {source}, new long[] {destination});
    }

    public Tensor movedim(long[] source, long[] destination) {
        return Views.movedim(this, source, destination);
    }

    /** {@code aten::alias}: a new tensor object over the same elements. */
    public Tensor alias() {
        return view(sizes, strides, storageOffset);
    }

    /** True when both tensors are views of the same storage ({@code is_alias_of}). */
    public boolean isAliasOf(Tensor other) {
        return storage == other.storage;
    }

    // ---- arithmetic (see Ops) ---------------------------------------------------------------------------

    public Tensor add(Operand other) {
        return Ops.add(this, other, Scalar.of(1L));
    }

    public Tensor sub(Operand other) {
        return Ops.sub(this, other, Scalar.of(1L));
    }

    public Tensor mul(Operand other) {
        return Ops.mul(this, other);
    }

    public Tensor div(Operand other) {
        return Ops.div(this, other);
    }

    public Tensor neg() {
        return Ops.neg(this);
    }

    public Tensor abs() {
        return Ops.abs(this);
    }

    public Tensor exp() {
        return Ops.exp(this);
    }

    public Tensor relu() {
        return Ops.relu(this);
    }

    // ---- printing ---------------------------------------------------------------------------------------

    /** Python's {@code repr(tensor)} (also {@code str}): {@code tensor([1., 2.])}. */
    @Override
    public String toString() {
        return TensorFormatter.repr(this);
    }

    /** What ATen's {@code operator<<} prints, which is what TorchScript's {@code print} writes. */
    public String toAtenString() {
        return AtenPrinter.print(this);
    }
}
