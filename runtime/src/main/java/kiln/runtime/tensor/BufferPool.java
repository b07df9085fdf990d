package kiln.runtime.tensor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reuses large tensor buffers. A fresh 64 MB buffer costs about sixteen thousand page faults on first touch;
 * a buffer that comes back here is handed to the next allocation of its size class instead, and buffers of 2
 * MiB and more are mapped with transparent huge pages ({@link HugePages}), so that even a fresh one faults a
 * few times rather than thousands.
 *
 * <p>Requests below {@link #threshold()} bytes (the global pool: 1 MiB, or system property
 * {@code kiln.pool.threshold}) are not pooled: they come from a GC-managed arena. Larger ones
 * are rounded up to a size class (four per power of two, so at most 25% slack) and served from that class's
 * free list, or freshly allocated. Each loan gets its own shared arena: the storage's segment is a view of the
 * pooled buffer in that arena, and returning the buffer closes the arena first. A tensor that outlives its
 * loan therefore fails on access ({@code IllegalStateException: Already closed}) rather than reading memory
 * lent to someone else. Buffers come back on {@link Storage#release()} or, through a {@link Cleaner}, once the
 * storage is unreachable. At most {@link #maxPooledBytes()} bytes wait in the free lists; beyond that a
 * returned buffer is freed.
 *
 * <p>The GC does not see mapped memory, and tensors are small heap objects, so without help a program that
 * never releases storages would map memory until the machine runs out. The pool therefore paces collections
 * as Go's collector does: once the mapped bytes on loan would pass a threshold, it asks for a collection, waits a few
 * milliseconds for unreachable storages to hand their buffers back, and sets the next threshold to twice the
 * bytes still lent (at least {@link #collectionThreshold()} initially). Storages that are really in use only
 * move the threshold up; nothing blocks for long or fails.
 */
public final class BufferPool {
    /** Buffers of at least this many bytes are pooled by default: 1 MiB. */
    public static final long DEFAULT_THRESHOLD = 1L << 20;
    /** Bytes the free lists may hold by default: 1 GiB (system property {@code kiln.pool.maxBytes}). */
    public static final long DEFAULT_MAX_POOLED_BYTES = 1L << 30;

    private static final Cleaner CLEANER = Cleaner.create();
    /** Loans need a restricted method; where native access is denied, nothing is pooled. */
    private static final boolean NATIVE_ACCESS = nativeAccessAllowed();
    /** Mapped bytes at which the first collection is asked for: 256 MiB ({@code kiln.pool.collectBytes}). */
    public static final long DEFAULT_COLLECTION_THRESHOLD = 256L << 20;

    private static final BufferPool GLOBAL = new BufferPool(Long.getLong("kiln.pool.threshold", DEFAULT_THRESHOLD),
            Long.getLong("kiln.pool.maxBytes", DEFAULT_MAX_POOLED_BYTES),
            Long.getLong("kiln.pool.collectBytes", DEFAULT_COLLECTION_THRESHOLD));

    /** A pooled buffer; {@code mapped} ones are unmapped when dropped, the others left to the GC. */
    private record Buffer(MemorySegment segment, boolean mapped) {
        long size() {
            return segment.byteSize();
        }
    }

    private final long threshold;
    private final long maxPooledBytes;
    private final long collectionThreshold;
    private long collectAt;
    private final Map<Long, ArrayDeque<Buffer>> free = new HashMap<>();
    /** Buffers whose loan arena could not be closed (a segment was held by native code): never reused. */
    private final List<Buffer> quarantined = new ArrayList<>();
    private long pooledBytes;
    private long mappedBytes;
    private long reused;
    private long allocated;
    private long collections;

    public BufferPool(long threshold, long maxPooledBytes) {
        this(threshold, maxPooledBytes, DEFAULT_COLLECTION_THRESHOLD);
    }

    public BufferPool(long threshold, long maxPooledBytes, long collectionThreshold) {
        if (threshold < 1 || maxPooledBytes < 0 || collectionThreshold < 0) {
            throw new IllegalArgumentException("threshold must be positive and the byte limits non-negative");
        }
        this.threshold = threshold;
        this.maxPooledBytes = maxPooledBytes;
        this.collectionThreshold = collectionThreshold;
        this.collectAt = collectionThreshold;
    }

    /** The pool {@link Storage#allocate} uses. */
    public static BufferPool global() {
        return GLOBAL;
    }

    public long threshold() {
        return threshold;
    }

    public long maxPooledBytes() {
        return maxPooledBytes;
    }

    public long collectionThreshold() {
        return collectionThreshold;
    }

    /** Storage of {@code bytes} bytes, 64-byte aligned, contents unspecified. */
    @SuppressWarnings("restricted") // reinterpret: the loan view covers part of a buffer this pool keeps alive
    public Storage allocate(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative storage size " + bytes);
        }
        if (bytes < threshold) {
            return Storage.allocateUnpooled(bytes);
        }
        if (!NATIVE_ACCESS) {
            return Storage.allocateUnpooled(bytes);
        }
        Buffer buffer = take(sizeClass(bytes));
        Arena loan = Arena.ofShared();
        MemorySegment view = buffer.segment().reinterpret(bytes, loan, null);
        return Storage.pooled(view, CLEANER, () -> giveBack(loan, buffer));
    }

    private Buffer take(long sizeClass) {
        Buffer buffer = takeFree(sizeClass);
        if (buffer != null) {
            return buffer;
        }
        if (!HugePages.AVAILABLE || sizeClass < HugePages.HUGE_PAGE) {
            synchronized (this) {
                allocated++;
            }
            return new Buffer(Arena.ofAuto().allocate(sizeClass, Storage.ALIGNMENT), false);
        }
        if (dueForCollection(sizeClass)) {
            buffer = collect(sizeClass);
            if (buffer != null) {
                return buffer;
            }
        }
        synchronized (this) {
            allocated++;
            mappedBytes += sizeClass;
        }
        return new Buffer(HugePages.map(sizeClass), true);
    }

    private synchronized Buffer takeFree(long sizeClass) {
        ArrayDeque<Buffer> list = free.get(sizeClass);
        if (list == null || list.isEmpty()) {
            return null;
        }
        pooledBytes -= sizeClass;
        reused++;
        return list.pop();
    }

    /** True when the mapped bytes out on loan would pass the collection threshold. */
    private synchronized boolean dueForCollection(long extra) {
        return mappedBytes - pooledBytes + extra > collectAt;
    }

    /**
     * Asks for a collection, waits until unreachable storages stop handing buffers back (a few milliseconds),
     * sets the next threshold to twice the bytes still lent, and takes a returned buffer if one fits.
     */
    private Buffer collect(long sizeClass) {
        System.gc();
        long lastPooled = pooledBytes();
        int quiet = 0;
        for (int i = 0; i < 50 && quiet < 3; i++) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long pooled = pooledBytes();
            quiet = pooled == lastPooled ? quiet + 1 : 0;
            lastPooled = pooled;
        }
        synchronized (this) {
            collections++;
            collectAt = Math.max(collectionThreshold, 2 * (mappedBytes - pooledBytes));
        }
        return takeFree(sizeClass);
    }

    private void drop(Buffer buffer) {
        if (buffer.mapped()) {
            synchronized (this) {
                mappedBytes -= buffer.size();
            }
            HugePages.unmap(buffer.segment());
        }
    }

    private void giveBack(Arena loan, Buffer buffer) {
        try {
            loan.close();
        } catch (IllegalStateException heldElsewhere) {
            synchronized (this) {
                quarantined.add(buffer);
            }
            return;
        }
        synchronized (this) {
            if (pooledBytes + buffer.size() <= maxPooledBytes) {
                free.computeIfAbsent(buffer.size(), k -> new ArrayDeque<>()).push(buffer);
                pooledBytes += buffer.size();
                return;
            }
        }
        drop(buffer);
    }

    @SuppressWarnings("restricted")
    private static boolean nativeAccessAllowed() {
        try {
            MemorySegment.NULL.reinterpret(0);
            return true;
        } catch (IllegalCallerException denied) {
            return false;
        }
    }

    /** The smallest of 2^k, 1.25 * 2^k, 1.5 * 2^k, 1.75 * 2^k that holds {@code bytes}. */
    static long sizeClass(long bytes) {
        if (bytes <= 4) {
            return 4;
        }
        long power = Long.highestOneBit(bytes - 1);
        long step = Math.max(power / 4, 1);
        return Math.ceilDiv(bytes, step) * step;
    }

    /** Bytes now waiting in the free lists. */
    public synchronized long pooledBytes() {
        return pooledBytes;
    }

    /** Bytes of huge-page mappings now held, lent or idle. */
    public synchronized long mappedBytes() {
        return mappedBytes;
    }

    /** Collections the pool has asked for so far. */
    public synchronized long collectionCount() {
        return collections;
    }

    /** Allocations served from a free list so far. */
    public synchronized long reusedCount() {
        return reused;
    }

    /** Buffers allocated fresh so far. */
    public synchronized long allocatedCount() {
        return allocated;
    }
}
