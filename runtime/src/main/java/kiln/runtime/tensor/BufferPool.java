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
 * Reuses tensor buffers, as PyTorch's caching allocators do. A fresh buffer costs a page fault per 4 KiB page on
 * first touch (on this kind of VM about 13 µs each: 1.7 ms for 512 KB, a second for 64 MB); a buffer that comes
 * back here is handed to the next allocation of its size class instead. Fresh buffers are backed by transparent
 * huge pages ({@link HugePages}), so that even a fresh one faults once per 2 MiB rather than once per 4 KiB:
 * buffers of 2 MiB and more get a mapping of their own; smaller ones are carved from 2 MiB slabs, which are never
 * unmapped (like the blocks of PyTorch's caching allocators, a carved buffer only ever goes back to its free
 * list, so the pool holds the most that was ever lent at once; tensors returned to callers are what makes
 * fresh buffers necessary at all). At most {@link #maxPooledBytes()} bytes are carved; past that, small buffers
 * come from GC-managed arenas.
 *
 * <p>Requests below {@link #threshold()} bytes (the global pool: 4 KiB, or system property
 * {@code kiln.pool.threshold}) are not pooled: they come from a GC-managed arena. Larger ones are rounded up to a
 * size class (four per power of two, so at most 25% slack) and served from that class's free list, or freshly
 * allocated. Buffers come back on {@link Storage#release()} (the interpreter releases temporaries at their last
 * use) or, through a {@link Cleaner}, once the storage is unreachable. At most {@link #maxPooledBytes()} bytes
 * of buffers with a mapping of their own wait in the free lists; beyond that a returned one is freed.
 *
 * <p>A loan is a view of the pooled buffer. Buffers with a mapping of their own, which are unmapped when
 * dropped, are lent through a shared arena of their own that returning the buffer closes, so a tensor that
 * outlives its loan fails on access ({@code IllegalStateException: Already closed}) instead of touching unmapped
 * memory. Closing a shared arena is a handshake with every thread (tens of microseconds), so smaller buffers,
 * whose memory stays valid (carved from slabs, or in GC-managed arenas that a stale view keeps alive), are lent
 * without one. In <em>checked</em> mode (system property
 * {@code kiln.pool.checked=true}, which the tests set) every loan gets its own arena and every fresh loan is
 * filled with {@code 0xFF} bytes (NaN for floats), so that reading a buffer after its release, or reading an
 * element no kernel wrote, shows.
 *
 * <p>The GC does not see native memory, and tensors are small heap objects, so without help a program that never
 * releases storages would allocate until the machine runs out. The pool therefore paces collections as Go's
 * collector does: once the bytes on loan would pass a threshold, it asks for a collection, waits a few
 * milliseconds for unreachable storages to hand their buffers back, and sets the next threshold to twice the
 * bytes still lent (at least {@link #collectionThreshold()}). Storages that are really in use only move the
 * threshold up; nothing blocks for long or fails.
 */
public final class BufferPool {
    /** Buffers of at least this many bytes are pooled by default: 4 KiB. */
    public static final long DEFAULT_THRESHOLD = 4L << 10;
    /** Bytes the free lists may hold by default: 1 GiB (system property {@code kiln.pool.maxBytes}). */
    public static final long DEFAULT_MAX_POOLED_BYTES = 1L << 30;
    /** Bytes on loan at which the first collection is asked for: 256 MiB ({@code kiln.pool.collectBytes}). */
    public static final long DEFAULT_COLLECTION_THRESHOLD = 256L << 20;

    private static final Cleaner CLEANER = Cleaner.create();
    /** Loans need a restricted method; where native access is denied, nothing is pooled. */
    private static final boolean NATIVE_ACCESS = nativeAccessAllowed();
    private static final byte POISON = (byte) 0xFF;

    private static final BufferPool GLOBAL = new BufferPool(Long.getLong("kiln.pool.threshold", DEFAULT_THRESHOLD),
            Long.getLong("kiln.pool.maxBytes", DEFAULT_MAX_POOLED_BYTES),
            Long.getLong("kiln.pool.collectBytes", DEFAULT_COLLECTION_THRESHOLD),
            Boolean.getBoolean("kiln.pool.checked"));

    /** Where a buffer's memory comes from, which decides how it is lent and dropped. */
    private enum Origin {
        /** A huge-page mapping of its own: lent through an arena, unmapped when dropped. */
        MAPPED,
        /** Part of a slab: never dropped. */
        CARVED,
        /** A GC-managed arena (where huge pages are not available): left to the GC when dropped. */
        ARENA
    }

    private record Buffer(MemorySegment segment, Origin origin) {
        long size() {
            return segment.byteSize();
        }

        boolean mapped() {
            return origin == Origin.MAPPED;
        }
    }

    /** The size of the slabs small buffers are carved from: one huge page. */
    static final long SLAB_BYTES = 2L << 20;

    private final long threshold;
    private final long maxPooledBytes;
    private final long collectionThreshold;
    private final boolean checked;
    private long collectAt;
    private final Map<Long, ArrayDeque<Buffer>> free = new HashMap<>();
    /** Buffers whose loan arena could not be closed (a segment was held by native code): never reused. */
    private final List<Buffer> quarantined = new ArrayList<>();
    private long pooledBytes;
    /** Bytes of every buffer this pool holds, lent or idle. */
    private long heldBytes;
    private long mappedBytes;
    /** Bytes of all carved buffers (they are kept for good, so at most {@link #maxPooledBytes}). */
    private long carvedBytes;
    /** The slab fresh small buffers are carved from, and how much of it is carved. */
    private MemorySegment slab;
    private long slabUsed;
    private long reused;
    private long allocated;
    private long collections;

    public BufferPool(long threshold, long maxPooledBytes) {
        this(threshold, maxPooledBytes, DEFAULT_COLLECTION_THRESHOLD);
    }

    public BufferPool(long threshold, long maxPooledBytes, long collectionThreshold) {
        this(threshold, maxPooledBytes, collectionThreshold, false);
    }

    /** A pool; {@code checked} lends every buffer through its own arena and poisons fresh loans. */
    public BufferPool(long threshold, long maxPooledBytes, long collectionThreshold, boolean checked) {
        if (threshold < 1 || maxPooledBytes < 0 || collectionThreshold < 0) {
            throw new IllegalArgumentException("threshold must be positive and the byte limits non-negative");
        }
        this.threshold = threshold;
        this.maxPooledBytes = maxPooledBytes;
        this.collectionThreshold = collectionThreshold;
        this.checked = checked;
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
        if (bytes < threshold || !NATIVE_ACCESS) {
            return Storage.allocateUnpooled(bytes);
        }
        Buffer buffer = take(sizeClass(bytes));
        if (!checked && !buffer.mapped()) {
            return Storage.pooled(buffer.segment().asSlice(0, bytes), CLEANER, () -> giveBack(null, buffer));
        }
        Arena loan = Arena.ofShared();
        MemorySegment view = buffer.segment().reinterpret(bytes, loan, null);
        if (checked) {
            view.fill(POISON);
        }
        return Storage.pooled(view, CLEANER, () -> giveBack(loan, buffer));
    }

    private Buffer take(long sizeClass) {
        Buffer buffer = takeFree(sizeClass);
        if (buffer != null) {
            return buffer;
        }
        if (dueForCollection(sizeClass)) {
            buffer = collect(sizeClass);
            if (buffer != null) {
                return buffer;
            }
        }
        synchronized (this) {
            allocated++;
            heldBytes += sizeClass;
            if (!HugePages.AVAILABLE) {
                return new Buffer(Arena.ofAuto().allocate(sizeClass, Storage.ALIGNMENT), Origin.ARENA);
            }
            if (sizeClass >= SLAB_BYTES) {
                mappedBytes += sizeClass;
                return new Buffer(HugePages.map(sizeClass), Origin.MAPPED);
            }
            if (carvedBytes + sizeClass > maxPooledBytes) {
                // carved memory is never given back: past the pool's limit, small buffers come from the GC
                return new Buffer(Arena.ofAuto().allocate(sizeClass, Storage.ALIGNMENT), Origin.ARENA);
            }
            carvedBytes += sizeClass;
            return new Buffer(carve(sizeClass), Origin.CARVED);
        }
    }

    /** The next {@code bytes} of the current slab, mapping a new slab when it has no room left. */
    private MemorySegment carve(long bytes) {
        if (slab == null || slabUsed + bytes > SLAB_BYTES) {
            slab = HugePages.map(SLAB_BYTES);
            slabUsed = 0;
            mappedBytes += SLAB_BYTES;
        }
        MemorySegment piece = slab.asSlice(slabUsed, bytes);
        slabUsed += Math.ceilDiv(bytes, Storage.ALIGNMENT) * Storage.ALIGNMENT;
        return piece;
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

    /** True when the bytes out on loan would pass the collection threshold. */
    private synchronized boolean dueForCollection(long extra) {
        return heldBytes - pooledBytes + extra > collectAt;
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
            collectAt = Math.max(collectionThreshold, 2 * (heldBytes - pooledBytes));
        }
        return takeFree(sizeClass);
    }

    /** Frees a buffer the free lists have no room for (never a carved one). */
    private void drop(Buffer buffer) {
        synchronized (this) {
            heldBytes -= buffer.size();
            if (buffer.mapped()) {
                mappedBytes -= buffer.size();
            }
        }
        if (buffer.mapped()) {
            HugePages.unmap(buffer.segment());
        }
    }

    /** Takes a buffer back; {@code loan} (null for buffers lent without an arena) is closed first. */
    private void giveBack(Arena loan, Buffer buffer) {
        if (loan != null) {
            try {
                loan.close();
            } catch (IllegalStateException heldElsewhere) {
                synchronized (this) {
                    quarantined.add(buffer);
                }
                return;
            }
        }
        synchronized (this) {
            if (pooledBytes + buffer.size() <= maxPooledBytes || buffer.origin() == Origin.CARVED) {
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

    /** Bytes of all buffers now held, lent or idle. */
    public synchronized long heldBytes() {
        return heldBytes;
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
