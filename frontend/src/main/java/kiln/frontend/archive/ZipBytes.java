package kiln.frontend.archive;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Little-endian reads from a zip file's bytes, each checked against the file's end. */
final class ZipBytes {
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment file;
    private final String archive;

    ZipBytes(MemorySegment file, String archive) {
        this.file = file;
        this.archive = archive;
    }

    long size() {
        return file.byteSize();
    }

    MemorySegment segment() {
        return file;
    }

    /** A failure naming the archive and an offset. */
    ArchiveException error(long offset, String message) {
        return new ArchiveException(archive + ": " + message + " (offset " + offset + ")");
    }

    /** Checks that {@code [offset, offset + length)} lies inside the file. */
    void require(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > file.byteSize() || length > file.byteSize() - offset) {
            throw error(offset, what + " of " + length + " bytes runs past the end of the " + file.byteSize()
                    + "-byte file");
        }
    }

    int u16(long offset, String what) {
        require(offset, 2, what);
        return file.get(U16, offset) & 0xFFFF;
    }

    int i32(long offset, String what) {
        require(offset, 4, what);
        return file.get(U32, offset);
    }

    long u32(long offset, String what) {
        return Integer.toUnsignedLong(i32(offset, what));
    }

    /** An unsigned 64-bit field; values past {@code Long.MAX_VALUE} are refused. */
    long u64(long offset, String what) {
        require(offset, 8, what);
        long value = file.get(U64, offset);
        if (value < 0) {
            throw error(offset, what + " " + Long.toUnsignedString(value) + " is out of range");
        }
        return value;
    }

    MemorySegment slice(long offset, long length, String what) {
        require(offset, length, what);
        return file.asSlice(offset, length);
    }

    /** A name: UTF-8 (PyTorch writes ASCII), malformed bytes replaced. */
    String text(long offset, int length, String what) {
        return new String(slice(offset, length, what).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    boolean sameBytes(long offset, long other, int length) {
        return MemorySegment.mismatch(file, offset, offset + length, file, other, other + length) < 0;
    }
}
