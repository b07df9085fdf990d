package kiln.frontend.pickle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PyTorch element type, with its size in bytes and the legacy typed-storage class that holds it. Also the value
 * of a {@code torch.<dtype>} global such as {@code torch.uint64}. Quantized types are read and reported, never
 * converted.
 */
public enum DType implements PyValue {
    FLOAT32("float32", 4, "FloatStorage", "float"),
    FLOAT64("float64", 8, "DoubleStorage", "double"),
    FLOAT16("float16", 2, "HalfStorage", "half"),
    BFLOAT16("bfloat16", 2, "BFloat16Storage"),
    INT8("int8", 1, "CharStorage"),
    INT16("int16", 2, "ShortStorage", "short"),
    INT32("int32", 4, "IntStorage", "int"),
    INT64("int64", 8, "LongStorage", "long"),
    UINT8("uint8", 1, "ByteStorage"),
    UINT16("uint16", 2, null),
    UINT32("uint32", 4, null),
    UINT64("uint64", 8, null),
    BOOL("bool", 1, "BoolStorage"),
    COMPLEX64("complex64", 8, "ComplexFloatStorage", "cfloat"),
    COMPLEX128("complex128", 16, "ComplexDoubleStorage", "cdouble"),
    QINT8("qint8", 1, "QInt8Storage"),
    QUINT8("quint8", 1, "QUInt8Storage"),
    QINT32("qint32", 4, "QInt32Storage"),
    QUINT4X2("quint4x2", 1, "QUInt4x2Storage"),
    QUINT2X4("quint2x4", 1, "QUInt2x4Storage");

    private static final Map<String, DType> BY_NAME = new HashMap<>();
    private static final Map<String, DType> BY_STORAGE = new HashMap<>();

    static {
        for (DType type : values()) {
            BY_NAME.put(type.pythonName, type);
            type.aliases.forEach(alias -> BY_NAME.put(alias, type));
            if (type.storageClass != null) {
                BY_STORAGE.put(type.storageClass, type);
            }
        }
    }

    private final String pythonName;
    private final int elementSize;
    private final String storageClass;
    private final List<String> aliases;

    DType(String pythonName, int elementSize, String storageClass, String... aliases) {
        this.pythonName = pythonName;
        this.elementSize = elementSize;
        this.storageClass = storageClass;
        this.aliases = List.of(aliases);
    }

    /** The name after {@code torch.}, e.g. {@code float32}. */
    public String pythonName() {
        return pythonName;
    }

    /** Other names PyTorch gives the type, e.g. {@code float} for {@code float32}. */
    public List<String> aliases() {
        return aliases;
    }

    /** Bytes per element (a byte per packed pair or quad for the sub-byte quantized types). */
    public int elementSize() {
        return elementSize;
    }

    /** The legacy typed-storage class, e.g. {@code FloatStorage}; empty for types that have none. */
    public Optional<String> storageClass() {
        return Optional.ofNullable(storageClass);
    }

    public boolean isQuantized() {
        return pythonName.startsWith("q");
    }

    public boolean isComplex() {
        return this == COMPLEX64 || this == COMPLEX128;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64 || this == FLOAT16 || this == BFLOAT16;
    }

    /** The type named {@code float32}, {@code torch.float32} or an alias such as {@code torch.long}. */
    public static Optional<DType> byName(String name) {
        String bare = name.startsWith("torch.") ? name.substring("torch.".length()) : name;
        return Optional.ofNullable(BY_NAME.get(bare));
    }

    /** The type held by the legacy typed-storage class {@code FloatStorage} etc. */
    public static Optional<DType> byStorageClass(String className) {
        return Optional.ofNullable(BY_STORAGE.get(className));
    }

    @Override
    public String typeName() {
        return "torch.dtype";
    }

    @Override
    public String toString() {
        return "torch." + pythonName;
    }
}
