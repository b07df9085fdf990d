package kiln.frontend.archive;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import kiln.frontend.testing.Corruption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Malformed and hostile archives end in a clear {@link ArchiveException}, never OOM, a hang or a crash. */
class ZipArchiveHostileTest {

    private static byte[] small() {
        ZipWriter writer = new ZipWriter();
        writer.stored("t/one", "first entry".getBytes());
        writer.deflated("t/two", new byte[5000]);
        return writer.finish();
    }

    private static void assertRefused(String expected, Executable read) {
        ArchiveException e = assertThrows(ArchiveException.class, read);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected
                + "'");
    }

    private static void readAll(byte[] bytes) {
        ZipArchive zip = ZipArchive.of(bytes, "hostile.zip");
        zip.entries().forEach(zip::read);
    }

    /** Patches a little-endian int into the end-of-central-directory record ({@code field} bytes in). */
    private static byte[] patchEnd(byte[] zip, int field, int value) {
        byte[] copy = zip.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(copy.length - 22 + field, value);
        return copy;
    }

    private static byte[] withEntry(Consumer<ZipWriter.Entry> lie, boolean deflate, byte[] data) {
        ZipWriter writer = new ZipWriter();
        ZipWriter.Entry entry = deflate ? writer.deflated("t/e", data) : writer.stored("t/e", data);
        lie.accept(entry);
        return writer.finish();
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] zip = small();
        for (int length = 0; length < zip.length; length++) {
            byte[] cut = Arrays.copyOf(zip, length);
            assertThrows(ArchiveException.class, () -> readAll(cut), "truncated to " + length + " bytes");
        }
    }

    @Test
    void emptyInputIsNotAZip() {
        assertRefused("not a zip archive", () -> readAll(new byte[0]));
        assertRefused("no end-of-central-directory record", () -> readAll(new byte[100]));
    }

    @Test
    void badCentralDirectoryOffsetIsRefused() {
        assertRefused("does not fit before its end record", () -> readAll(patchEnd(small(), 16, 0x7fff_fff0)));
        assertRefused("ZIP64 markers but no ZIP64 locator", () -> readAll(patchEnd(small(), 16, -1)));
        assertRefused("expected a central directory header", () -> readAll(patchEnd(small(), 16, 3)));
    }

    @Test
    void absurdEntryCountIsRefused() {
        byte[] zip = small();
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putShort(zip.length - 22 + 8, (short) 0x7fff)
                .putShort(zip.length - 22 + 10, (short) 0x7fff);
        assertRefused("32767 entries cannot fit", () -> readAll(zip));
    }

    @Test
    void entryLargerThanTheFileIsRefused() {
        byte[] zip = withEntry(e -> e.size = 0x7fff_0000L, false, new byte[10]);
        assertRefused("has size 2147418112 but compressed size 10", () -> readAll(zip));
        ZipWriter writer = new ZipWriter().zip64();
        writer.stored("t/e", new byte[10]).payload = new byte[10];
        byte[] zip64 = writer.finish();
        // the ZIP64 extra holds size then compressed size: make both claim a terabyte
        int extra = indexOf(zip64, new byte[] {1, 0, 24, 0}, 0) + 4;
        ByteBuffer.wrap(zip64).order(ByteOrder.LITTLE_ENDIAN).putLong(extra, 1L << 40).putLong(extra + 8, 1L << 40);
        assertRefused("runs into the central directory", () -> readAll(zip64));
    }

    @Test
    void zipBombClaimingHugeSizeIsRefusedBeforeAllocating() {
        byte[] bomb = withEntry(e -> e.size = 2_000_000_000L, true, new byte[100]);
        assertRefused("beyond what deflate can reach", () -> readAll(bomb));
        ZipWriter writer = new ZipWriter().zip64();
        writer.deflated("t/e", new byte[100]).size = 1L << 40;
        assertRefused("too large to inflate", () -> readAll(writer.finish()));
    }

    @Test
    void inflatingPastTheDeclaredSizeIsRefused() {
        byte[] bomb = withEntry(e -> e.size = 1000, true, new byte[1_000_000]);
        assertRefused("inflates past its declared size of 1000 bytes", () -> readAll(bomb));
    }

    @Test
    void inflatingShortOfTheDeclaredSizeIsRefused() {
        byte[] shortEntry = withEntry(e -> e.size = 2000, true, new byte[1000]);
        assertRefused("inflates to 1000 bytes, declared 2000", () -> readAll(shortEntry));
        byte[] cutStream = withEntry(e -> e.payload = Arrays.copyOf(e.payload, e.payload.length / 2), true,
                randomBytes(5000));
        assertRefused("ends early", () -> readAll(cutStream));
    }

    @Test
    void corruptDeflateDataIsRefused() {
        byte[] corrupt = withEntry(e -> e.payload = new byte[] {(byte) 0xff, (byte) 0xff, 0, 0}, true,
                new byte[10]);
        assertRefused("corrupt deflate data in entry 't/e'", () -> readAll(corrupt));
    }

    @Test
    void crcMismatchIsRefused() {
        assertRefused("CRC-32 mismatch in entry 't/e'", () -> readAll(withEntry(e -> e.crc ^= 1, false,
                new byte[10])));
        assertRefused("CRC-32 mismatch in entry 't/e'", () -> readAll(withEntry(e -> e.crc ^= 1, true,
                new byte[10])));
    }

    @Test
    void unsupportedFeaturesAreRefused() {
        assertRefused("is encrypted", () -> readAll(withEntry(e -> e.flags = 1, false, new byte[10])));
        assertRefused("unsupported compression method 12", () -> readAll(withEntry(e -> e.method = 12, true,
                new byte[10])));
    }

    @Test
    void duplicateAndOverlappingEntriesAreRefused() {
        ZipWriter writer = new ZipWriter();
        writer.stored("t/same", new byte[1]);
        writer.stored("t/same", new byte[1]);
        assertRefused("duplicate entry 't/same'", () -> readAll(writer.finish()));
        // the first entry's data holds a complete local header and data of the second, which points there
        ZipWriter inner = new ZipWriter();
        inner.stored("t/b", new byte[100]);
        byte[] nested = Arrays.copyOf(inner.finish(), 30 + 3 + 100);
        ZipWriter overlapping = new ZipWriter();
        overlapping.stored("t/a", nested);
        overlapping.stored("t/b", new byte[100]);
        byte[] zip = overlapping.finish();
        ByteBuffer view = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int secondCentral = view.getInt(zip.length - 22 + 16) + 46 + "t/a".length();
        view.putInt(secondCentral + 42, 30 + "t/a".length());
        assertRefused("overlaps entry", () -> readAll(zip));
    }

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() {
        Corruption.fuzz(small(), 42, 3000, 4, ZipArchiveHostileTest::readAll, List.of(ArchiveException.class));
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }
}
