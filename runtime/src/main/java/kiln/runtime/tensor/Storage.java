package kiln.runtime.tensor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes behind one or more tensors (c10's {@code StorageImpl}): a {@link MemorySegment} that every view of
 * a tensor shares, so that writes through a view land in the base. Fresh storages are off-heap and 64-byte
 * aligned; large ones come from the {@link BufferPool} and go back to it on {@link #release()} or when the
 * storage becomes unreachable. A storage may also wrap an existing segment, heap arrays included, without
 * copying.
 *
 * <p>A storage counts the writes into it ({@link #version()}, PyTorch's {@code _version}), so that what is
 * derived from its contents (the packed GEMM operands of {@link PackedOperands}) is known to be stale. Kiln's
 * in-place operations bump it; code that writes through {@link #segment()} (or into the array or memory a
 * storage wraps) directly must call {@link #bumpVersion()} after writing, as with PyTorch's {@code data_ptr}.
 */
public final class Storage {
    /** The alignment of fresh storages: a cache line, and what AVX-512 loads like. */
    public static final long ALIGNMENT = 64;

    /** Numbers storages in the order they are made. */
    private static final AtomicLong SERIALS = new AtomicLong();

    private final MemorySegment segment;
    private final Cleaner.Cleanable cleanable;
    private final long serial = SERIALS.getAndIncrement();
    private volatile boolean released;
    @SuppressWarnings("unused") // through VERSION
    private volatile long version;

    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(Storage.class, "version", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Storage(MemorySegment segment, Cleaner cleaner, Runnable release) {
        this.segment = segment;
        this.cleanable = cleaner == null ? null : cleaner.register(this, release);
    }

    /**
     * The serial the next storage will get: a storage whose {@link #serial()} is at least the mark taken before
     * some work was made during it (the interpreter tells a kernel's fresh outputs from aliases this way).
     */
    public static long nextSerial() {
        return SERIALS.get();
    }

    /** This storage's number, in the order storages are made. */
    public long serial() {
        return serial;
    }

    /**
     * Fresh storage of {@code bytes} bytes, contents unspecified (as {@code torch.empty}): small ones from a
     * GC-managed arena, large ones from {@link BufferPool#global()}.
     */
    public static Storage allocate(long bytes) {
        return BufferPool.global().allocate(bytes);
    }

    /** Storage over a segment this storage does not own (a heap array, a mapped file, memory from native code). */
    public static Storage wrap(MemorySegment segment) {
        return new Storage(Objects.requireNonNull(segment, "segment"), null, null);
    }

    /** Storage from a GC-managed arena; zero-filled. */
    static Storage allocateUnpooled(long bytes) {
        return new Storage(Arena.ofAuto().allocate(Math.max(bytes, 0), ALIGNMENT), null, null);
    }

    /**
     * Storage over a pooled buffer: {@code release} runs once, on {@link #release()} or after the storage
     * becomes unreachable, and must not refer to the storage or its segment.
     */
    static Storage pooled(MemorySegment segment, Cleaner cleaner, Runnable release) {
        return new Storage(segment, Objects.requireNonNull(cleaner), Objects.requireNonNull(release));
    }

    /** How many times this storage has been written in place (PyTorch's {@code _version}). */
    public long version() {
        return version;
    }

    /**
     * Records a write into this storage: every in-place operation calls it after writing. Code that writes
     * through {@link #segment()}, or into the array or memory the storage wraps, directly must call it too, or
     * a later matrix product may read operands packed from the old contents.
     */
    public void bumpVersion() {
        VERSION.getAndAdd(this, 1L);
    }

    /** The segment; writing through it directly requires a {@link #bumpVersion()} after (see the class doc). */
    public MemorySegment segment() {
        return segment;
    }

    public long byteSize() {
        return segment.byteSize();
    }

    /** True when this storage came from the buffer pool and has not been released. */
    public boolean isPooled() {
        return cleanable != null && !released;
    }

    /**
     * Hands a pooled buffer back now instead of when the storage becomes unreachable. Every tensor over this
     * storage becomes unusable: the buffer may be lent again at once. Where the pool lends through an arena of
     * its own (huge-page buffers, and every buffer in checked mode) the segment is closed, so a later access
     * fails instead of reading memory that another tensor may own. Does nothing for storages that are not
     * pooled, and nothing the second time.
     */
    public void release() {
        if (cleanable != null) {
            released = true;
            bumpVersion();
            cleanable.clean();
        }
    }
}
