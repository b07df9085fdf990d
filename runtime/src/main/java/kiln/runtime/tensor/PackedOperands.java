package kiln.runtime.tensor;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * GEMM operands kept packed across products, as oneDNN, ONNX Runtime and XNNPACK pre-pack weights: a strided
 * operand of a {@link Storage}, seen a second time with the same layout at the same {@link Storage#version()},
 * is packed whole (every {@link Gemm#KC} block, every line) and later products read their panels from that copy
 * instead of packing again. Entries are keyed by the storage (weakly: they go with it) and the operand's layout
 * (offset, strides, lines, steps, panel width); a write into the storage (a new version) drops the copy. One-off
 * temporaries are seen once and never packed ahead; at most {@link #MAX_FLOATS} floats are kept. Thread-safe:
 * lookups take one lock, packing runs outside it.
 */
final class PackedOperands {
    /** The most floats kept packed, over all operands: 256 MiB, or an eighth of the heap where that is less. */
    static final long MAX_FLOATS = Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8 / Float.BYTES);
    /** Operands smaller than this pack in no time: they are not kept. */
    private static final long MIN_FLOATS = 2048;
    /** Whether products keep operands packed (system property kiln.gemm.packCache, on by default). */
    private static final boolean ENABLED = !"false".equals(System.getProperty("kiln.gemm.packCache"));

    private static final Map<Storage, Map<Key, Entry>> CACHE = new WeakHashMap<>();
    private static long hits;
    private static long packs;

    /** An operand's layout in its storage: {@link Gemm.Lines} without the storage, and its size. */
    private record Key(long off, long sLine, long sK, int lines, int steps, int w) {
    }

    /**
     * What is known of an operand at {@code version}: seen once ({@code packed} null, {@code refused} false),
     * packed, or refused (it did not fit under {@link #MAX_FLOATS}).
     */
    private record Entry(long version, Packed packed, boolean refused) {
    }

    /**
     * An operand packed whole: KC block {@code b} from {@code blockBase[b]}, its panel of {@code w} lines that
     * starts at line {@code j} (a multiple of {@code w}) at {@code blockBase[b] + j * kc}.
     */
    record Packed(float[] data, int[] blockBase, int w) implements Gemm.Source {
        @Override
        public Gemm.Panels pack(int p0, int kc, int j0, int nc, float[] dst, float[] row) {
            assert p0 % Gemm.KC == 0 && j0 % w == 0 : "unaligned " + p0 + ", " + j0;
            return new Gemm.Panels(data, blockBase[p0 / Gemm.KC] + j0 * kc);
        }
    }

    private PackedOperands() {
    }

    /**
     * The operand {@code src} of {@code lines} lines and {@code steps} steps as a product should read it: its
     * packed copy where there is one for the storage's current version, else {@code src} itself (after packing
     * the copy, on the second sighting, when it fits).
     */
    static Gemm.Source resolve(Gemm.Lines src, int lines, int steps) {
        Storage storage = src.storage();
        int w = src.w();
        long floats = (long) (lines + w - 1) / w * w * steps;
        if (!ENABLED || storage == null || floats < MIN_FLOATS || floats > MAX_FLOATS) {
            return src;
        }
        long version = storage.version();
        Key key = new Key(src.off(), src.sLine(), src.sK(), lines, steps, w);
        synchronized (CACHE) {
            Map<Key, Entry> entries = CACHE.computeIfAbsent(storage, s -> new HashMap<>(4));
            Entry e = entries.get(key);
            if (e == null || e.version() != version) {
                entries.put(key, new Entry(version, null, false));
                return src;
            }
            if (e.packed() != null) {
                hits++;
                return e.packed();
            }
            if (e.refused()) {
                return src;
            }
            if (cachedFloats() + floats > MAX_FLOATS) {
                entries.put(key, new Entry(version, null, true));
                return src;
            }
        }
        Packed packed = pack(src, lines, steps);
        synchronized (CACHE) {
            Map<Key, Entry> entries = CACHE.get(storage);
            Entry e = entries == null ? null : entries.get(key);
            if (e != null && e.version() == version && e.packed() == null && storage.version() == version) {
                entries.put(key, new Entry(version, packed, false));
                packs++;
            }
        }
        return packed;
    }

    /** The floats of the packed copies kept now (iterating drops the entries of collected storages). */
    private static long cachedFloats() {
        long total = 0;
        for (Map<Key, Entry> entries : CACHE.values()) {
            for (Entry e : entries.values()) {
                total += e.packed() == null ? 0 : e.packed().data().length;
            }
        }
        return total;
    }

    /** Every KC block of every line of {@code src}, in panels of {@code src.w()} lines. */
    private static Packed pack(Gemm.Lines src, int lines, int steps) {
        int w = src.w();
        int padded = (lines + w - 1) / w * w;
        int[] blockBase = new int[(steps + Gemm.KC - 1) / Gemm.KC];
        float[] data = new float[Math.toIntExact((long) padded * steps)];
        float[] row = new float[Math.max(Gemm.KC, Gemm.NC)];
        for (int b = 0; b < blockBase.length; b++) {
            int pc = b * Gemm.KC;
            int kc = Math.min(Gemm.KC, steps - pc);
            blockBase[b] = pc * padded;
            for (int j = 0; j < lines; j += Gemm.NC) {
                Gemm.pack(src, pc, kc, j, Math.min(Gemm.NC, lines - j), data, blockBase[b] + j * kc, row);
            }
        }
        return new Packed(data, blockBase, w);
    }

    /** Products that read a kept copy, since the start (for tests). */
    static long hits() {
        synchronized (CACHE) {
            return hits;
        }
    }

    /** Operands packed and kept, since the start (for tests). */
    static long packs() {
        synchronized (CACHE) {
            return packs;
        }
    }

    /** Drops every kept copy (for tests). */
    static void clear() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }
}
