package kiln.frontend.archive;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes small zip archives byte by byte for tests, including ZIP64 records and deliberately wrong fields
 * (declared sizes, CRCs, methods), which {@code java.util.zip} will not write.
 */
final class ZipWriter {
    /** One entry as it will be written; fields may be set to lies before {@link #finish()}. */
    static final class Entry {
        final String name;
        int method;
        int flags;
        int crc;
        byte[] payload;
        long size;
        long offset;

        Entry(String name) {
            this.name = name;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Entry> entries = new ArrayList<>();
    private boolean zip64;

    /** Writes ZIP64 records: saturated 32-bit fields, ZIP64 extra fields, the ZIP64 end record and locator. */
    ZipWriter zip64() {
        zip64 = true;
        return this;
    }

    Entry stored(String name, byte[] data) {
        return add(name, 0, data, data, 0);
    }

    Entry deflated(String name, byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return add(name, 8, data, compressed.toByteArray(), 0);
    }

    ZipWriter text(String name, String text) {
        stored(name, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private Entry add(String name, int method, byte[] data, byte[] payload, int flags) {
        Entry entry = new Entry(name);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.method = method;
        entry.flags = flags;
        entry.crc = (int) crc.getValue();
        entry.payload = payload;
        entry.size = data.length;
        entries.add(entry);
        return entry;
    }

    byte[] finish() {
        for (Entry entry : entries) {
            entry.offset = out.size();
            byte[] name = entry.name.getBytes(StandardCharsets.UTF_8);
            ByteBuffer local = buffer(30 + name.length + (zip64 ? 20 : 0));
            local.putInt(0x04034b50).putShort((short) 45).putShort((short) entry.flags)
                    .putShort((short) entry.method).putInt(0).putInt(entry.crc);
            if (zip64) {
                local.putInt(-1).putInt(-1).putShort((short) name.length).putShort((short) 20).put(name)
                        .putShort((short) 1).putShort((short) 16).putLong(entry.size)
                        .putLong(entry.payload.length);
            } else {
                local.putInt(entry.payload.length).putInt((int) entry.size).putShort((short) name.length)
                        .putShort((short) 0).put(name);
            }
            out.writeBytes(local.array());
            out.writeBytes(entry.payload);
        }
        long directoryOffset = out.size();
        for (Entry entry : entries) {
            byte[] name = entry.name.getBytes(StandardCharsets.UTF_8);
            ByteBuffer central = buffer(46 + name.length + (zip64 ? 28 : 0));
            central.putInt(0x02014b50).putShort((short) 45).putShort((short) 45).putShort((short) entry.flags)
                    .putShort((short) entry.method).putInt(0).putInt(entry.crc);
            if (zip64) {
                central.putInt(-1).putInt(-1).putShort((short) name.length).putShort((short) 28)
                        .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(-1).put(name)
                        .putShort((short) 1).putShort((short) 24).putLong(entry.size)
                        .putLong(entry.payload.length).putLong(entry.offset);
            } else {
                central.putInt(entry.payload.length).putInt((int) entry.size).putShort((short) name.length)
                        .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                        .putInt((int) entry.offset).put(name);
            }
            out.writeBytes(central.array());
        }
        long directorySize = out.size() - directoryOffset;
        if (zip64) {
            long record = out.size();
            out.writeBytes(buffer(56).putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45)
                    .putInt(0).putInt(0).putLong(entries.size()).putLong(entries.size()).putLong(directorySize)
                    .putLong(directoryOffset).array());
            out.writeBytes(buffer(20).putInt(0x07064b50).putInt(0).putLong(record).putInt(1).array());
        }
        ByteBuffer end = buffer(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        if (zip64) {
            end.putShort((short) -1).putShort((short) -1).putInt(-1).putInt(-1);
        } else {
            end.putShort((short) entries.size()).putShort((short) entries.size()).putInt((int) directorySize)
                    .putInt((int) directoryOffset);
        }
        out.writeBytes(end.putShort((short) 0).array());
        return out.toByteArray();
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
