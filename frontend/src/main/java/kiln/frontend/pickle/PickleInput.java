package kiln.frontend.pickle;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one pickle, read front to back. Every read checks what is left first, so a declared length can
 * never make it allocate more than the input holds; a short input is an {@link IllegalArgumentException}.
 */
final class PickleInput {
    private final ByteBuffer bytes;
    private int position;

    PickleInput(ByteBuffer bytes) {
        this.bytes = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    int position() {
        return position;
    }

    int remaining() {
        return bytes.limit() - position;
    }

    private int advance(long count, String what) {
        if (count < 0 || count > remaining()) {
            throw new IllegalArgumentException("truncated: " + what + " needs " + Long.toUnsignedString(count)
                    + " bytes but " + remaining() + " are left");
        }
        int at = position;
        position += (int) count;
        return at;
    }

    int u8(String what) {
        return bytes.get(advance(1, what)) & 0xFF;
    }

    int u16(String what) {
        return bytes.getShort(advance(2, what)) & 0xFFFF;
    }

    int i32(String what) {
        return bytes.getInt(advance(4, what));
    }

    long u32(String what) {
        return Integer.toUnsignedLong(i32(what));
    }

    /** An unsigned 64-bit length; one beyond {@code Long.MAX_VALUE} reads as negative and is refused by reads. */
    long u64(String what) {
        return bytes.getLong(advance(8, what));
    }

    double f64BigEndian(String what) {
        return Double.longBitsToDouble(Long.reverseBytes(bytes.getLong(advance(8, what))));
    }

    byte[] bytes(long count, String what) {
        int at = advance(count, what);
        byte[] out = new byte[(int) count];
        bytes.get(at, out);
        return out;
    }

    /** {@code count} bytes of strict UTF-8. */
    String utf8(long count, String what) {
        int at = advance(count, what);
        return TextCodec.utf8(bytes.slice(at, (int) count), what);
    }

    /** A little-endian two's-complement integer of {@code count} bytes (LONG1, LONG4). */
    PyValue signedLittleEndian(long count, String what) {
        byte[] raw = bytes(count, what);
        if (raw.length == 0) {
            return PyInt.of(0);
        }
        byte[] bigEndian = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            bigEndian[i] = raw[raw.length - 1 - i];
        }
        return PyInt.of(new BigInteger(bigEndian));
    }

    /** The bytes up to the next newline (which is consumed), one char per byte. */
    String line(String what) {
        int length = lineLength(what);
        byte[] raw = new byte[length];
        bytes.get(advance(length + 1L, what), raw);
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    /** The bytes up to the next newline (which is consumed), as strict UTF-8. */
    String utf8Line(String what) {
        int length = lineLength(what);
        String text = TextCodec.utf8(bytes.slice(position, length), what);
        advance(length + 1L, what);
        return text;
    }

    private int lineLength(String what) {
        for (int i = position; i < bytes.limit(); i++) {
            if (bytes.get(i) == '\n') {
                return i - position;
            }
        }
        throw new IllegalArgumentException("truncated: " + what + " has no end of line");
    }
}
