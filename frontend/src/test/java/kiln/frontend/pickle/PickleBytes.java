package kiln.frontend.pickle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds small pickles opcode by opcode, for tests. */
public final class PickleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static PickleBytes protocol(int protocol) {
        return new PickleBytes().op(0x80).u8(protocol);
    }

    public PickleBytes op(int opcode) {
        out.write(opcode);
        return this;
    }

    public PickleBytes u8(int value) {
        out.write(value);
        return this;
    }

    public PickleBytes i32(int value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
        return this;
    }

    public PickleBytes i64(long value) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
        return this;
    }

    public PickleBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Text as it stands, e.g. the line argument of a protocol-0 opcode. */
    public PickleBytes text(String text) {
        return raw(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** BININT1 (or BININT for larger values). */
    public PickleBytes integer(int value) {
        return value >= 0 && value < 256 ? op('K').u8(value) : op('J').i32(value);
    }

    public PickleBytes str(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return op('X').i32(utf8.length).raw(utf8);
    }

    public PickleBytes global(String module, String name) {
        return op('c').text(module + "\n" + name + "\n");
    }

    public PickleBytes mark() {
        return op('(');
    }

    public PickleBytes tuple() {
        return op('t');
    }

    public PickleBytes reduce() {
        return op('R');
    }

    public PickleBytes put(int index) {
        return op('q').u8(index);
    }

    public PickleBytes get(int index) {
        return op('h').u8(index);
    }

    /** A signed integer of any size as LONG1 (8 bytes). */
    public PickleBytes longInteger(long value) {
        return op(0x8a).u8(8).raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    /**
     * {@code torch._utils._rebuild_tensor_v2(persistent_id(('storage', torch.<storageClass>, key, 'cpu', numel)),
     * offset, sizes, strides, False, OrderedDict())}, as {@code torch.save} writes it.
     */
    public PickleBytes tensor(String storageClass, String key, long numel, long offset, long[] sizes,
                              long[] strides) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        mark().str("storage").global("torch", storageClass).str(key).str("cpu").longInteger(numel).tuple().op('Q');
        longInteger(offset);
        mark();
        for (long size : sizes) {
            longInteger(size);
        }
        tuple().mark();
        for (long stride : strides) {
            longInteger(stride);
        }
        return tuple().op(0x89).global("collections", "OrderedDict").op(')').reduce().tuple().reduce();
    }

    /** STOP, then the finished bytes. */
    public byte[] stop() {
        return op('.').bytes();
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
