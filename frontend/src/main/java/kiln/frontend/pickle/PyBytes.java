package kiln.frontend.pickle;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/** Python {@code bytes} (also used for {@code bytearray}); holds its own copy of the data. */
public record PyBytes(byte[] value) implements PyValue {
    public PyBytes {
        value = value.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /** A read-only view of the bytes, without copying. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(value).asReadOnlyBuffer();
    }

    @Override
    public String typeName() {
        return "bytes";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBytes(var other) && Arrays.equals(value, other);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return value.length <= 32 ? "b'" + HexFormat.of().formatHex(value) + "'" : "bytes[" + value.length + "]";
    }
}
