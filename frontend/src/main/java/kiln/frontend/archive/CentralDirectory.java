package kiln.frontend.archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a zip file's central directory: finds the end-of-central-directory record (and the ZIP64 locator and
 * record after it), then each entry's central header (ZIP64 extra fields applied) and local header. Every offset
 * and size is checked against the file, entries may not overlap, and their number is bounded by the directory's
 * size.
 */
final class CentralDirectory {
    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int LOCATOR_SIGNATURE = 0x07064b50;
    private static final int LOCATOR_SIZE = 20;
    private static final int EOCD64_SIGNATURE = 0x06064b50;
    private static final int EOCD64_SIZE = 56;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int LOCAL_SIZE = 30;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long U16_MAX = 0xFFFF;
    private static final long U32_MAX = 0xFFFF_FFFFL;
    private static final int ENCRYPTED = 0x41;

    /** Where the directory lies: {@code [offset, offset + size)}, ending no later than {@code end}. */
    private record Location(long offset, long size, long entries, long end) {
    }

    private final ZipBytes zip;
    private final int maxEntries;

    private CentralDirectory(ZipBytes zip, int maxEntries) {
        this.zip = zip;
        this.maxEntries = maxEntries;
    }

    /** The entries of the archive, in directory order. */
    static List<ArchiveEntry> read(ZipBytes zip, int maxEntries) {
        CentralDirectory directory = new CentralDirectory(zip, maxEntries);
        return directory.entries(directory.locate());
    }

    private Location locate() {
        long eocd = findEndRecord();
        int disk = zip.u16(eocd + 4, "disk number");
        int directoryDisk = zip.u16(eocd + 6, "central directory disk");
        long entriesHere = zip.u16(eocd + 8, "entry count");
        long entries = zip.u16(eocd + 10, "entry count");
        long size = zip.u32(eocd + 12, "central directory size");
        long offset = zip.u32(eocd + 16, "central directory offset");
        long locator = eocd - LOCATOR_SIZE;
        if (locator >= 0 && zip.i32(locator, "ZIP64 locator") == LOCATOR_SIGNATURE) {
            return locate64(locator);
        }
        if (entries == U16_MAX || size == U32_MAX || offset == U32_MAX) {
            throw zip.error(eocd, "end-of-central-directory record has ZIP64 markers but no ZIP64 locator");
        }
        checkSingleDisk(eocd, disk, directoryDisk, entriesHere, entries);
        return checked(new Location(offset, size, entries, eocd));
    }

    private long findEndRecord() {
        long last = zip.size() - EOCD_SIZE;
        if (last < 0) {
            throw zip.error(0, "not a zip archive: " + zip.size() + " bytes is too short for an end record");
        }
        long first = Math.max(0, last - MAX_COMMENT);
        for (long at = last; at >= first; at--) {
            if (zip.i32(at, "end record") == EOCD_SIGNATURE
                    && at + EOCD_SIZE + zip.u16(at + 20, "comment length") <= zip.size()) {
                return at;
            }
        }
        throw zip.error(first, "not a zip archive: no end-of-central-directory record");
    }

    private Location locate64(long locator) {
        if (zip.u32(locator + 16, "ZIP64 disk count") > 1) {
            throw zip.error(locator, "multi-disk archives are not supported");
        }
        long record = zip.u64(locator + 8, "ZIP64 end record offset");
        if (record > locator - EOCD64_SIZE) {
            throw zip.error(locator, "ZIP64 end record offset " + record + " is not before its locator");
        }
        if (zip.i32(record, "ZIP64 end record") != EOCD64_SIGNATURE) {
            throw zip.error(record, "no ZIP64 end-of-central-directory record where the locator points");
        }
        checkSingleDisk(record, zip.u32(record + 16, "disk number"), zip.u32(record + 20, "directory disk"),
                zip.u64(record + 24, "entry count"), zip.u64(record + 32, "entry count"));
        return checked(new Location(zip.u64(record + 48, "central directory offset"),
                zip.u64(record + 40, "central directory size"), zip.u64(record + 32, "entry count"), record));
    }

    private void checkSingleDisk(long at, long disk, long directoryDisk, long entriesHere, long entries) {
        if (disk != 0 || directoryDisk != 0 || entriesHere != entries) {
            throw zip.error(at, "multi-disk archives are not supported");
        }
    }

    private Location checked(Location location) {
        if (location.offset > location.end || location.size > location.end - location.offset) {
            throw zip.error(location.offset, "central directory of " + location.size
                    + " bytes does not fit before its end record at " + location.end);
        }
        if (location.entries > location.size / CENTRAL_SIZE) {
            throw zip.error(location.offset, location.entries + " entries cannot fit in a central directory of "
                    + location.size + " bytes");
        }
        if (location.entries > maxEntries) {
            throw zip.error(location.offset, location.entries + " entries exceed the limit of " + maxEntries);
        }
        return location;
    }

    private List<ArchiveEntry> entries(Location location) {
        List<ArchiveEntry> entries = new ArrayList<>((int) location.entries);
        Set<String> names = new HashSet<>();
        long at = location.offset;
        long end = location.offset + location.size;
        for (long i = 0; i < location.entries; i++) {
            ArchiveEntry entry = entry(at, end, location.offset);
            if (!names.add(entry.name())) {
                throw zip.error(at, "duplicate entry '" + entry.name() + "'");
            }
            entries.add(entry);
            at += CENTRAL_SIZE + zip.u16(at + 28, "name length") + zip.u16(at + 30, "extra length")
                    + zip.u16(at + 32, "comment length");
        }
        checkNoOverlap(entries);
        return List.copyOf(entries);
    }

    private ArchiveEntry entry(long at, long directoryEnd, long directoryStart) {
        if (at > directoryEnd - CENTRAL_SIZE || zip.i32(at, "central header") != CENTRAL_SIGNATURE) {
            throw zip.error(at, "expected a central directory header");
        }
        int nameLength = zip.u16(at + 28, "name length");
        int extraLength = zip.u16(at + 30, "extra length");
        int commentLength = zip.u16(at + 32, "comment length");
        if (at + CENTRAL_SIZE + nameLength + extraLength + commentLength > directoryEnd) {
            throw zip.error(at, "central header runs past the end of the central directory");
        }
        String name = zip.text(at + CENTRAL_SIZE, nameLength, "entry name");
        int flags = zip.u16(at + 8, "flags");
        if ((flags & ENCRYPTED) != 0) {
            throw zip.error(at, "entry '" + name + "' is encrypted");
        }
        long[] sizes = {zip.u32(at + 24, "size"), zip.u32(at + 20, "compressed size"),
                zip.u32(at + 42, "local header offset")};
        applyZip64(at + CENTRAL_SIZE + nameLength, extraLength, sizes, name);
        long size = sizes[0];
        long compressedSize = sizes[1];
        long local = sizes[2];
        int method = zip.u16(at + 10, "method");
        if (method == ArchiveEntry.STORED && size != compressedSize) {
            throw zip.error(at, "stored entry '" + name + "' has size " + size + " but compressed size "
                    + compressedSize);
        }
        long data = dataOffset(local, at + CENTRAL_SIZE, nameLength, name);
        if (data > directoryStart || compressedSize > directoryStart - data) {
            throw zip.error(local, "entry '" + name + "' of " + compressedSize + " bytes at " + data
                    + " runs into the central directory at " + directoryStart);
        }
        return new ArchiveEntry(name, method, flags, zip.i32(at + 16, "crc"), compressedSize, size, local, data);
    }

    /** Replaces the saturated sizes (size, compressed size, local offset) by the ZIP64 extra field's values. */
    private void applyZip64(long extra, int length, long[] sizes, String name) {
        boolean needed = false;
        for (long value : sizes) {
            needed |= value == U32_MAX;
        }
        if (!needed) {
            return;
        }
        long end = extra + length;
        for (long at = extra; at + 4 <= end; ) {
            int id = zip.u16(at, "extra field id");
            int size = zip.u16(at + 2, "extra field size");
            if (at + 4 + size > end) {
                throw zip.error(at, "extra field of entry '" + name + "' runs past its header");
            }
            if (id == ZIP64_EXTRA) {
                long field = at + 4;
                for (int i = 0; i < sizes.length; i++) {
                    if (sizes[i] == U32_MAX) {
                        if (field + 8 > at + 4 + size) {
                            throw zip.error(at, "ZIP64 extra field of entry '" + name + "' is too short");
                        }
                        sizes[i] = zip.u64(field, "ZIP64 size");
                        field += 8;
                    }
                }
                return;
            }
            at += 4 + size;
        }
        throw zip.error(extra, "entry '" + name + "' has 32-bit sizes saturated but no ZIP64 extra field");
    }

    /** Where the entry's data starts, after its local header; the local name must match the central one. */
    private long dataOffset(long local, long centralName, int nameLength, String name) {
        if (zip.i32(local, "local header of '" + name + "'") != LOCAL_SIGNATURE) {
            throw zip.error(local, "no local header for entry '" + name + "'");
        }
        int localNameLength = zip.u16(local + 26, "local name length");
        int localExtraLength = zip.u16(local + 28, "local extra length");
        zip.require(local + LOCAL_SIZE, localNameLength, "local name");
        if (localNameLength != nameLength || !zip.sameBytes(local + LOCAL_SIZE, centralName, nameLength)) {
            throw zip.error(local, "local header name differs from central name '" + name + "'");
        }
        return local + LOCAL_SIZE + localNameLength + localExtraLength;
    }

    /** Refuses entries whose bytes overlap (a zip-bomb trick: one stream read as many entries). */
    private void checkNoOverlap(List<ArchiveEntry> entries) {
        List<ArchiveEntry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(ArchiveEntry::localHeaderOffset));
        for (int i = 1; i < byOffset.size(); i++) {
            ArchiveEntry previous = byOffset.get(i - 1);
            ArchiveEntry next = byOffset.get(i);
            if (next.localHeaderOffset() < previous.dataOffset() + previous.compressedSize()) {
                throw zip.error(next.localHeaderOffset(), "entry '" + next.name() + "' overlaps entry '"
                        + previous.name() + "'");
            }
        }
    }
}
