package kiln.api;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Objects;
import kiln.runtime.tensor.Scalar;

/**
 * A strided CPU tensor, as PyTorch's {@code at::Tensor}: a {@linkplain #dtype() dtype}, a {@linkplain #shape()
 * shape} and strides over memory that views share. Tensors are made from Java arrays, NIO buffers and {@link
 * MemorySegment}s without copying wherever the layout allows ({@code fromArray}, {@code fromBuffer}, {@code
 * fromSegment}: the tensor reads and writes the caller's memory), and read back as arrays (copies) or as segments
 * and buffers (views when the tensor is contiguous).
 *
 * <p>A model may write into a tensor it is given, as in PyTorch ({@code x.add_(1)}): the write shows in the array
 * or buffer it wraps. After writing into that memory yourself, call {@link #markModified()} before the next call
 * (Kiln caches what it derives from weights, as PyTorch's version counter does).
 *
 * <p>Tensors are not synchronized: several threads may read one tensor, or pass it to calls that only read it, at
 * the same time; writes need the caller's own ordering. A tensor that came out of a {@link Result} is usable until
 * that result is {@linkplain Result#close() closed}; afterwards every access throws {@link IllegalStateException}.
 * Equality is identity, as for tensors used as TorchScript dict keys.
 */
public final class Tensor implements Value {
    private final kiln.runtime.tensor.Tensor impl;
    private final Scope scope;

    private Tensor(kiln.runtime.tensor.Tensor impl, Scope scope) {
        this.impl = Objects.requireNonNull(impl, "tensor");
        this.scope = scope;
    }

    // ---- from Java arrays (zero-copy) -------------------------------------------------------------------

    /**
     * A float32 tensor over {@code data} itself: no copy, and writes show in the array. With no shape the tensor
     * is 1-d; a shape's element count must be the array's length.
     */
    public static Tensor fromArray(float[] data, long... shape) {
        return new Tensor(kiln.runtime.tensor.Tensor.of(data, shape), null);
    }

    /** A float64 tensor over {@code data} itself (no copy). */
    public static Tensor fromArray(double[] data, long... shape) {
        return new Tensor(kiln.runtime.tensor.Tensor.of(data, shape), null);
    }

    /** An int64 tensor over {@code data} itself (no copy). */
    public static Tensor fromArray(long[] data, long... shape) {
        return new Tensor(kiln.runtime.tensor.Tensor.of(data, shape), null);
    }

    /** An int32 tensor over {@code data} itself (no copy). */
    public static Tensor fromArray(int[] data, long... shape) {
        return new Tensor(kiln.runtime.tensor.Tensor.of(data, shape), null);
    }

    /**
     * A tensor of 2-byte elements over {@code data} itself (no copy): {@link DType#INT16}, or the bit patterns of
     * {@link DType#FLOAT16} or {@link DType#BFLOAT16}.
     */
    public static Tensor fromArray(short[] data, DType dtype, long... shape) {
        return new Tensor(kiln.runtime.tensor.Tensor.of(data, dtype.scalarType(), shape), null);
    }

    /** A tensor of 1-byte elements over {@code data} itself (no copy): {@link DType#INT8}, {@code UINT8} or {@code BOOL}. */
    public static Tensor fromArray(byte[] data, DType dtype, long... shape) {
        return new Tensor(kiln.runtime.tensor.Tensor.of(data, dtype.scalarType(), shape), null);
    }

    /** A bool tensor holding a copy of {@code data} (Java has no byte view of a {@code boolean[]}). */
    public static Tensor fromArray(boolean[] data, long... shape) {
        return new Tensor(kiln.runtime.tensor.Tensor.of(data, shape), null);
    }

    // ---- from NIO buffers and memory segments ---------------------------------------------------------

    /**
     * A float32 tensor over the buffer's remaining elements: no copy when the buffer is in the machine's byte order
     * (heap buffers and {@code ByteBuffer.order(ByteOrder.nativeOrder()).asFloatBuffer()} views are), else a
     * converted copy in native memory. The buffer's position and limit are not changed.
     */
    public static Tensor fromBuffer(FloatBuffer buffer, long... shape) {
        return fromTypedBuffer(buffer, buffer.order(), DType.FLOAT32, shape);
    }

    /** A float64 tensor over the buffer's remaining elements (no copy in native byte order; see {@link #fromBuffer(FloatBuffer, long...)}). */
    public static Tensor fromBuffer(DoubleBuffer buffer, long... shape) {
        return fromTypedBuffer(buffer, buffer.order(), DType.FLOAT64, shape);
    }

    /** An int64 tensor over the buffer's remaining elements (no copy in native byte order). */
    public static Tensor fromBuffer(LongBuffer buffer, long... shape) {
        return fromTypedBuffer(buffer, buffer.order(), DType.INT64, shape);
    }

    /** An int32 tensor over the buffer's remaining elements (no copy in native byte order). */
    public static Tensor fromBuffer(IntBuffer buffer, long... shape) {
        return fromTypedBuffer(buffer, buffer.order(), DType.INT32, shape);
    }

    /** A tensor of 2-byte elements ({@code INT16}, {@code FLOAT16}, {@code BFLOAT16}) over the buffer's remaining elements. */
    public static Tensor fromBuffer(ShortBuffer buffer, DType dtype, long... shape) {
        requireWidth(dtype, 2);
        return fromTypedBuffer(buffer, buffer.order(), dtype, shape);
    }

    /**
     * A tensor of {@code dtype} over the buffer's remaining bytes, read in the buffer's {@linkplain ByteBuffer#order()
     * byte order}: no copy when that is the machine's order (or the elements are single bytes), else a converted
     * copy in native memory. A read-only buffer gives a tensor that models cannot write into.
     */
    public static Tensor fromBuffer(ByteBuffer buffer, DType dtype, long... shape) {
        return fromTypedBuffer(buffer, buffer.order(), dtype, shape);
    }

    private static Tensor fromTypedBuffer(Buffer buffer, ByteOrder order, DType dtype, long[] shape) {
        MemorySegment segment = MemorySegment.ofBuffer(buffer);
        if (order != ByteOrder.nativeOrder() && dtype.byteSize() > 1) {
            segment = swapped(segment, order, dtype.byteSize());
        }
        return fromSegment(segment, dtype, shape);
    }

    /** A native copy of {@code segment}'s elements of {@code width} bytes, read in {@code order}. */
    private static MemorySegment swapped(MemorySegment segment, ByteOrder order, int width) {
        ValueLayout layout = switch (width) {
            case 2 -> ValueLayout.JAVA_SHORT_UNALIGNED;
            case 4 -> ValueLayout.JAVA_INT_UNALIGNED;
            case 8 -> ValueLayout.JAVA_LONG_UNALIGNED;
            default -> throw new IllegalArgumentException("no byte swap for " + width + "-byte elements");
        };
        if (segment.byteSize() % width != 0) {
            throw new IllegalArgumentException("the buffer holds " + segment.byteSize() + " bytes, not a whole number of "
                    + width + "-byte elements");
        }
        MemorySegment copy = Arena.ofAuto().allocate(segment.byteSize(), kiln.runtime.tensor.Storage.ALIGNMENT);
        MemorySegment.copy(segment, layout.withOrder(order), 0, copy, layout, 0, segment.byteSize() / width);
        return copy;
    }

    /**
     * A contiguous tensor over {@code segment} (no copy), which must hold exactly its elements in the machine's byte
     * order. With no shape the tensor is 1-d. The segment must stay alive (its arena open) while the tensor is used.
     */
    public static Tensor fromSegment(MemorySegment segment, DType dtype, long... shape) {
        return new Tensor(kiln.runtime.tensor.Tensor.fromSegment(segment, dtype.scalarType(), shape), null);
    }

    /**
     * A strided tensor over {@code segment} (no copy): element {@code i} of dimension {@code d} is {@code
     * strides[d]} elements from the previous one, starting {@code offset} elements in; checked to lie within it.
     */
    public static Tensor fromSegment(MemorySegment segment, DType dtype, long[] shape, long[] strides, long offset) {
        return new Tensor(kiln.runtime.tensor.Tensor.fromSegment(segment, dtype.scalarType(), shape, strides, offset),
                null);
    }

    // ---- fresh tensors ----------------------------------------------------------------------------------

    /** {@code torch.zeros(shape, dtype=dtype)} in native memory; no shape is a 0-dim tensor. */
    public static Tensor zeros(DType dtype, long... shape) {
        return new Tensor(kiln.runtime.tensor.Tensor.zeros(dtype.scalarType(), shape), null);
    }

    /** {@code torch.full(shape, value, dtype=dtype)} in native memory; no shape is a 0-dim tensor. */
    public static Tensor full(DType dtype, double value, long... shape) {
        Scalar fill = dtype == DType.BOOL ? Scalar.of(value != 0) : dtype.isFloatingPoint() ? Scalar.of(value)
                : Scalar.of((long) value);
        return new Tensor(kiln.runtime.tensor.Tensor.full(fill, dtype.scalarType(), shape), null);
    }

    /**
     * A contiguous copy in fresh native memory. Kernels run fastest over native memory: give a model that runs in a
     * loop native inputs rather than heap arrays.
     */
    public Tensor copy() {
        kiln.runtime.tensor.Tensor t = impl();
        return new Tensor(t.isContiguous() ? t.clone() : t.contiguous(), null);
    }

    /**
     * {@code tensor.reshape(shape)}: the same elements in a new shape, a view sharing this tensor's memory when the
     * layout allows, else a copy; no shape is a 0-dim tensor, and one dimension may be {@code -1} (inferred).
     */
    public Tensor reshape(long... shape) {
        return new Tensor(impl().reshape(shape), scope);
    }

    // ---- metadata ---------------------------------------------------------------------------------------

    public DType dtype() {
        return DType.of(impl().dtype()).orElseThrow();
    }

    /** The sizes of the dimensions (a copy); empty for a 0-dim tensor. */
    public long[] shape() {
        return impl().sizes();
    }

    /** The size of dimension {@code dim}; negative dims count from the end. */
    public long size(int dim) {
        return impl().size(dim);
    }

    /** The strides of the dimensions in elements (a copy). */
    public long[] strides() {
        return impl().strides();
    }

    /** The number of dimensions. */
    public int dim() {
        return impl().dim();
    }

    /** The number of elements. */
    public long numel() {
        return impl().numel();
    }

    /** Whether the elements lie in row-major order with no gaps (then {@link #asSegment()} is a view). */
    public boolean isContiguous() {
        return impl().isContiguous();
    }

    // ---- reading ----------------------------------------------------------------------------------------

    /** The elements in row-major order as floats (converted from the dtype as {@code tensor.float()} does). */
    public float[] toFloatArray() {
        return impl().toFloatArray();
    }

    /** The elements in row-major order as doubles (converted from the dtype). */
    public double[] toDoubleArray() {
        return impl().toDoubleArray();
    }

    /** The elements in row-major order as longs (floats truncate toward zero, as {@code tensor.long()} does). */
    public long[] toLongArray() {
        return impl().toLongArray();
    }

    /** The elements in row-major order as ints (converted as {@code tensor.int()} does). */
    public int[] toIntArray() {
        return impl().toIntArray();
    }

    /** The elements in row-major order as booleans (non-zero is true). */
    public boolean[] toBooleanArray() {
        return impl().toBooleanArray();
    }

    /** The raw bytes of a tensor of 1-byte elements ({@code INT8}, {@code UINT8}, {@code BOOL}) in row-major order. */
    public byte[] toByteArray() {
        requireWidth(dtype(), 1);
        return asSegment().toArray(ValueLayout.JAVA_BYTE);
    }

    /** The raw elements of a tensor of 2-byte elements ({@code INT16}, {@code FLOAT16} and {@code BFLOAT16} bits). */
    public short[] toShortArray() {
        requireWidth(dtype(), 2);
        return asSegment().toArray(ValueLayout.JAVA_SHORT_UNALIGNED);
    }

    /** The element at {@code index} (one index per dimension; negatives count from the end) as a double. */
    public double getDouble(long... index) {
        return impl().getDouble(index);
    }

    /** The element at {@code index} as a long. */
    public long getLong(long... index) {
        return impl().getLong(index);
    }

    /** The element at {@code index} as a boolean. */
    public boolean getBoolean(long... index) {
        return impl().getBoolean(index);
    }

    /** {@code tensor.item()}: the one element as a Python number ({@link Value.Int}, {@link Value.Float} or {@link Value.Bool}). */
    public Value item() {
        return switch (impl().item()) {
            case Scalar.OfLong l -> new Value.Int(l.value());
            case Scalar.OfDouble d -> new Value.Float(d.value());
            case Scalar.OfBool b -> new Value.Bool(b.value());
        };
    }

    /**
     * The elements in row-major order, in the machine's byte order: a view of the tensor's memory when it is
     * contiguous (writes show in the tensor; call {@link #markModified()} after), else a contiguous copy.
     */
    public MemorySegment asSegment() {
        return impl().contiguous().dataSegment();
    }

    /**
     * {@link #asSegment()} as a {@link ByteBuffer} in native byte order ({@code .asFloatBuffer()} and the like read
     * the elements): a view where the tensor's memory is native or a {@code byte[]}, else a copy in native memory.
     */
    public ByteBuffer asByteBuffer() {
        MemorySegment segment = asSegment();
        boolean viewable = segment.isNative() || segment.heapBase().map(b -> b instanceof byte[]).orElse(false);
        if (!viewable) {
            segment = Arena.ofAuto().allocate(segment.byteSize(), kiln.runtime.tensor.Storage.ALIGNMENT).copyFrom(segment);
        }
        return segment.asByteBuffer().order(ByteOrder.nativeOrder());
    }

    /**
     * Records that the memory this tensor wraps was written directly (through the array, buffer or segment it was
     * made from, or through {@link #asSegment()}), as a write through PyTorch's {@code data_ptr} must be followed by
     * a version bump.
     */
    public void markModified() {
        impl().storage().bumpVersion();
    }

    // ---- interop with Kiln's runtime --------------------------------------------------------------------

    /** A tensor of the API over one of Kiln's runtime ({@code kiln.runtime.tensor}): shares its memory. */
    public static Tensor wrap(kiln.runtime.tensor.Tensor tensor) {
        return new Tensor(tensor, null);
    }

    /**
     * The runtime tensor beneath ({@code kiln.runtime.tensor.Tensor}, sharing this tensor's memory), to use Kiln's
     * own tensor operations.
     */
    public kiln.runtime.tensor.Tensor unwrap() {
        return impl();
    }

    /** This tensor, readable only while {@code owner} is open. */
    Tensor scoped(Scope owner) {
        return new Tensor(impl, owner);
    }

    private kiln.runtime.tensor.Tensor impl() {
        if (scope != null && scope.isClosed()) {
            throw new IllegalStateException("this tensor came from a Result that was closed: its memory went back to "
                    + "the pool (copy what you keep before closing)");
        }
        return impl;
    }

    private static void requireWidth(DType dtype, int bytes) {
        if (dtype.byteSize() != bytes) {
            throw new IllegalArgumentException(dtype + " elements are " + dtype.byteSize() + " bytes, not " + bytes);
        }
    }

    @Override
    public Tensor toTensor() {
        return this;
    }

    @Override
    public String typeName() {
        return "Tensor";
    }

    /** PyTorch's {@code repr(tensor)}: {@code tensor([[1., 2.], [3., 4.]])}. */
    @Override
    public String toString() {
        return impl().toString();
    }
}
