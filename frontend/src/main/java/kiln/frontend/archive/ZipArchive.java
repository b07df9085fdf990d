package kiln.frontend.archive;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A zip archive read from memory or a memory-mapped file, by our own reader: end-of-central-directory search,
 * ZIP64, stored and deflated entries, CRC-32 checks. Stored entries are returned as slices of the file, without
 * copying. Everything is checked against the file's size, so hostile input gives an {@link ArchiveException}.
 * <p>
 * An archive opened from a file holds the mapping until {@link #close()}; segments read from it (and storages
 * that view them) must not be used after that.
 */
public final class ZipArchive implements AutoCloseable {

    /**
     * @param maxEntries   how many entries the directory may list
     * @param maxEntrySize how many bytes one entry may hold once uncompressed
     */
    public record Limits(int maxEntries, long maxEntrySize) {
        public static final Limits DEFAULT = new Limits(1_000_000, Long.MAX_VALUE);
    }

    private final String name;
    private final ZipBytes zip;
    private final Limits limits;
    private final Arena arena;
    private boolean closed;
    private final Map<String, ArchiveEntry> entries = new LinkedHashMap<>();

    private ZipArchive(String name, MemorySegment file, Limits limits, Arena arena) {
        this.name = name;
        this.zip = new ZipBytes(file, name);
        this.limits = limits;
        this.arena = arena;
        CentralDirectory.read(zip, limits.maxEntries()).forEach(entry -> entries.put(entry.name(), entry));
    }

    /** Maps a file read-only and reads its directory. */
    public static ZipArchive open(Path path) throws IOException {
        return open(path, Limits.DEFAULT);
    }

    public static ZipArchive open(Path path, Limits limits) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MemorySegment file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            return new ZipArchive(path.getFileName().toString(), file, limits, arena);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Reads an archive held in memory; {@code name} is used in messages. */
    public static ZipArchive of(byte[] bytes, String name) {
        return of(MemorySegment.ofArray(bytes), name, Limits.DEFAULT);
    }

    public static ZipArchive of(MemorySegment bytes, String name, Limits limits) {
        return new ZipArchive(name, bytes.asReadOnly(), limits, null);
    }

    /** The name used in messages (the file name for opened files). */
    public String name() {
        return name;
    }

    /** The entries in directory order. */
    public List<ArchiveEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<ArchiveEntry> entry(String entryName) {
        return Optional.ofNullable(entries.get(entryName));
    }

    public ArchiveEntry require(String entryName) {
        ArchiveEntry entry = entries.get(entryName);
        if (entry == null) {
            throw new ArchiveException(name + ": no entry '" + entryName + "'");
        }
        return entry;
    }

    /** The uncompressed bytes, read-only: a slice of the file for stored entries, inflated otherwise. */
    public MemorySegment read(ArchiveEntry entry) {
        if (!entry.equals(entries.get(entry.name()))) {
            throw new IllegalArgumentException("entry '" + entry.name() + "' is not from " + name);
        }
        return EntryData.read(zip, entry, limits.maxEntrySize());
    }

    public MemorySegment read(String entryName) {
        return read(require(entryName));
    }

    /** A copy of the uncompressed bytes. */
    public byte[] readBytes(String entryName) {
        MemorySegment data = read(entryName);
        if (data.byteSize() > Integer.MAX_VALUE - 8) {
            throw new ArchiveException(name + ": entry '" + entryName + "' of " + data.byteSize()
                    + " bytes is too large for an array");
        }
        return data.toArray(ValueLayout.JAVA_BYTE);
    }

    /** The entry as UTF-8 text. */
    public String readText(String entryName) {
        return new String(readBytes(entryName), StandardCharsets.UTF_8);
    }

    /** Releases the file mapping, if any. */
    @Override
    public synchronized void close() {
        if (arena != null && !closed) {
            closed = true;
            arena.close();
        }
    }
}
