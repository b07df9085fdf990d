package kiln.frontend.pickle;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The bytes behind one or more tensors: {@code numel} elements of {@code dtype} (bytes for an untyped storage),
 * little-endian, read on first use. Tensors that view the same storage key share the same {@code Storage}, so
 * identity matters: equality is identity.
 */
public final class Storage implements PyValue {
    private final String key;
    private final DType dtype;
    private final long numel;
    private final long byteSize;
    private final String location;
    private final Supplier<MemorySegment> source;
    private volatile MemorySegment bytes;

    /**
     * @param source gives the storage's bytes when first asked; it must give exactly {@code numel * elementSize}
     */
    public Storage(String key, DType dtype, long numel, String location, Supplier<MemorySegment> source) {
        this.key = Objects.requireNonNull(key, "key");
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.location = Objects.requireNonNull(location, "location");
        this.source = Objects.requireNonNull(source, "source");
        if (numel < 0) {
            throw new IllegalArgumentException("storage '" + key + "' has a negative element count " + numel);
        }
        this.numel = numel;
        this.byteSize = byteSize(numel, dtype);
    }

    /** {@code numel * dtype.elementSize()}, refusing element counts whose byte size overflows. */
    public static long byteSize(long numel, DType dtype) {
        try {
            return Math.multiplyExact(numel, dtype.elementSize());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("absurd element count " + numel + " of " + dtype, e);
        }
    }

    /** The storage's name in the archive: its data lives in {@code data/<key>}. */
    public String key() {
        return key;
    }

    public DType dtype() {
        return dtype;
    }

    public long numel() {
        return numel;
    }

    public long byteSize() {
        return byteSize;
    }

    /** Where PyTorch held it when saving, e.g. {@code cpu} or {@code cuda:0}. */
    public String location() {
        return location;
    }

    /** The bytes, read-only; read (or inflated) on first call. */
    public MemorySegment segment() {
        MemorySegment loaded = bytes;
        if (loaded == null) {
            synchronized (this) {
                loaded = bytes;
                if (loaded == null) {
                    loaded = source.get();
                    if (loaded.byteSize() != byteSize) {
                        throw new IllegalStateException("storage '" + key + "' gave " + loaded.byteSize()
                                + " bytes, expected " + byteSize);
                    }
                    bytes = loaded = loaded.asReadOnly();
                }
            }
        }
        return loaded;
    }

    /** The bytes as a read-only little-endian buffer over the same memory (no copy for stored zip entries). */
    public ByteBuffer data() {
        if (byteSize > Integer.MAX_VALUE) {
            throw new IllegalStateException("storage '" + key + "' has " + byteSize
                    + " bytes, too many for a ByteBuffer; use segment()");
        }
        return segment().asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public String typeName() {
        return "Storage";
    }

    @Override
    public String toString() {
        return "Storage(" + key + ", " + dtype + ", " + numel + ", " + location + ")";
    }
}
