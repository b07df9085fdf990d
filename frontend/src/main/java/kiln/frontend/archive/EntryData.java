package kiln.frontend.archive;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The uncompressed bytes of an entry: a slice of the file for stored entries, inflated for deflated ones, CRC-32
 * checked either way. Inflation never writes past the declared size, and a declared size beyond what deflate can
 * reach from the compressed size is refused before anything is allocated.
 */
final class EntryData {
    /** Deflate expands at most about 1032:1; a declared size beyond that is a lie. */
    static final long MAX_DEFLATE_RATIO = 1032;
    private static final int CHUNK = 1 << 20;

    private EntryData() {
    }

    static MemorySegment read(ZipBytes zip, ArchiveEntry entry, long maxSize) {
        MemorySegment raw = zip.slice(entry.dataOffset(), entry.compressedSize(), "data of '" + entry.name() + "'");
        if (entry.size() > maxSize) {
            throw zip.error(entry.dataOffset(), "entry '" + entry.name() + "' declares " + entry.size()
                    + " bytes, more than the limit of " + maxSize);
        }
        MemorySegment data = switch (entry.method()) {
            case ArchiveEntry.STORED -> raw;
            case ArchiveEntry.DEFLATED -> MemorySegment.ofArray(inflate(zip, entry, raw));
            default -> throw zip.error(entry.localHeaderOffset(), "entry '" + entry.name()
                    + "' uses unsupported compression method " + entry.method());
        };
        int crc = crc32(data);
        if (crc != entry.crc32()) {
            throw zip.error(entry.dataOffset(), String.format("CRC-32 mismatch in entry '%s': computed %08x, "
                    + "recorded %08x", entry.name(), crc, entry.crc32()));
        }
        return data.asReadOnly();
    }

    private static byte[] inflate(ZipBytes zip, ArchiveEntry entry, MemorySegment raw) {
        long declared = entry.size();
        if (declared > Integer.MAX_VALUE - 8 || entry.compressedSize() > Integer.MAX_VALUE) {
            throw zip.error(entry.dataOffset(), "deflated entry '" + entry.name() + "' of " + declared
                    + " bytes is too large to inflate into memory");
        }
        if (declared > (entry.compressedSize() + 1) * MAX_DEFLATE_RATIO) {
            throw zip.error(entry.dataOffset(), "deflated entry '" + entry.name() + "' claims " + declared
                    + " bytes from " + entry.compressedSize() + " compressed bytes, beyond what deflate can reach");
        }
        byte[] out = new byte[(int) declared];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(raw.asByteBuffer());
            int filled = 0;
            while (!inflater.finished()) {
                long progress = inflater.getBytesRead() + inflater.getBytesWritten();
                if (filled < out.length) {
                    filled += inflater.inflate(out, filled, out.length - filled);
                } else if (inflater.inflate(new byte[1]) > 0) {
                    throw zip.error(entry.dataOffset(), "deflated entry '" + entry.name()
                            + "' inflates past its declared size of " + declared + " bytes");
                }
                if (inflater.finished()) {
                    break;
                }
                if (inflater.needsDictionary() || progress == inflater.getBytesRead() + inflater.getBytesWritten()) {
                    throw zip.error(entry.dataOffset(), "deflated entry '" + entry.name() + "' ends early: "
                            + filled + " of " + declared + " bytes");
                }
            }
            if (filled != declared) {
                throw zip.error(entry.dataOffset(), "deflated entry '" + entry.name() + "' inflates to " + filled
                        + " bytes, declared " + declared);
            }
            return out;
        } catch (DataFormatException e) {
            throw zip.error(entry.dataOffset(), "corrupt deflate data in entry '" + entry.name() + "': "
                    + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    static int crc32(MemorySegment data) {
        CRC32 crc = new CRC32();
        for (long at = 0; at < data.byteSize(); at += CHUNK) {
            ByteBuffer chunk = data.asSlice(at, Math.min(CHUNK, data.byteSize() - at)).asByteBuffer();
            crc.update(chunk);
        }
        return (int) crc.getValue();
    }
}
