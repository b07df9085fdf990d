package kiln.frontend.archive;

/**
 * One entry of a zip archive, from its central-directory record (with ZIP64 sizes applied) and local header.
 *
 * @param name              the entry's path, e.g. {@code resnet18/data/0}
 * @param method            0 stored, 8 deflated (others are listed but cannot be read)
 * @param flags             the general-purpose flags
 * @param crc32             the CRC-32 of the uncompressed bytes
 * @param compressedSize    bytes in the archive
 * @param size              bytes once uncompressed
 * @param localHeaderOffset where the entry's local header starts
 * @param dataOffset        where its (compressed) bytes start; PyTorch aligns stored data to 64 bytes
 */
public record ArchiveEntry(String name, int method, int flags, int crc32, long compressedSize, long size,
                           long localHeaderOffset, long dataOffset) {
    public static final int STORED = 0;
    public static final int DEFLATED = 8;

    public boolean isStored() {
        return method == STORED;
    }

    public boolean isDeflated() {
        return method == DEFLATED;
    }

    public boolean isDirectory() {
        return name.endsWith("/");
    }
}
