package kiln.frontend.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading well-formed archives: stored, deflated, ZIP64, from memory and from files. */
class ZipArchiveTest {
    private static final byte[] HELLO = "hello, zip".getBytes(StandardCharsets.UTF_8);

    static byte[] javaZip(boolean deflate) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setMethod(deflate ? ZipOutputStream.DEFLATED : ZipOutputStream.STORED);
            for (String name : List.of("top/a.txt", "top/b.txt")) {
                ZipEntry entry = new ZipEntry(name);
                if (!deflate) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(HELLO);
                    entry.setSize(HELLO.length);
                    entry.setCompressedSize(HELLO.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(HELLO);
                zip.closeEntry();
            }
            zip.setComment("a comment after the end record");
        }
        return bytes.toByteArray();
    }

    @Test
    void readsStoredEntriesWrittenByJavaUtilZip() throws IOException {
        ZipArchive zip = ZipArchive.of(javaZip(false), "stored.zip");
        assertEquals(List.of("top/a.txt", "top/b.txt"), zip.entries().stream().map(ArchiveEntry::name).toList());
        assertTrue(zip.require("top/a.txt").isStored());
        assertArrayEquals(HELLO, zip.readBytes("top/b.txt"));
    }

    @Test
    void readsDeflatedEntriesWithDataDescriptors() throws IOException {
        ZipArchive zip = ZipArchive.of(javaZip(true), "deflated.zip");
        ArchiveEntry entry = zip.require("top/a.txt");
        assertTrue(entry.isDeflated());
        assertEquals(HELLO.length, entry.size());
        assertEquals("hello, zip", zip.readText("top/a.txt"));
    }

    @Test
    void readsZip64Records() {
        ZipWriter writer = new ZipWriter().zip64();
        writer.stored("z/stored", HELLO);
        writer.deflated("z/deflated", new byte[100_000]);
        ZipArchive zip = ZipArchive.of(writer.finish(), "zip64.zip");
        assertEquals(2, zip.entries().size());
        assertArrayEquals(HELLO, zip.readBytes("z/stored"));
        assertArrayEquals(new byte[100_000], zip.readBytes("z/deflated"));
        assertEquals(100_000, zip.require("z/deflated").size());
    }

    @Test
    void zipWriterOutputIsReadableByJavaUtilZip(@TempDir Path dir) throws IOException {
        for (boolean zip64 : List.of(false, true)) {
            ZipWriter writer = zip64 ? new ZipWriter().zip64() : new ZipWriter();
            writer.stored("w/a", HELLO);
            writer.deflated("w/b", HELLO);
            Path file = dir.resolve("w" + zip64 + ".zip");
            Files.write(file, writer.finish());
            try (ZipFile oracle = new ZipFile(file.toFile())) {
                assertArrayEquals(HELLO, oracle.getInputStream(oracle.getEntry("w/a")).readAllBytes());
                assertArrayEquals(HELLO, oracle.getInputStream(oracle.getEntry("w/b")).readAllBytes());
            }
        }
    }

    @Test
    void storedEntriesAreSlicesOfTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mapped.zip");
        Files.write(file, javaZip(false));
        try (ZipArchive zip = ZipArchive.open(file)) {
            assertEquals("mapped.zip", zip.name());
            MemorySegment data = zip.read("top/a.txt");
            assertTrue(data.isMapped(), "a stored entry of a mapped file is not copied");
            assertTrue(data.isReadOnly());
            assertEquals(HELLO.length, data.byteSize());
        }
    }

    @Test
    void missingEntriesAreReported() throws IOException {
        ZipArchive zip = ZipArchive.of(javaZip(false), "stored.zip");
        assertFalse(zip.entry("top/nope").isPresent());
        ArchiveException e = assertThrows(ArchiveException.class, () -> zip.read("top/nope"));
        assertEquals("stored.zip: no entry 'top/nope'", e.getMessage());
    }

    @Test
    void emptyEntriesRead() {
        ZipWriter writer = new ZipWriter();
        writer.stored("e/stored", new byte[0]);
        writer.deflated("e/deflated", new byte[0]);
        ZipArchive zip = ZipArchive.of(writer.finish(), "empty.zip");
        assertEquals(0, zip.read("e/stored").byteSize());
        assertEquals(0, zip.read("e/deflated").byteSize());
    }
}
