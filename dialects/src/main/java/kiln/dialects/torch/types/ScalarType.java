package kiln.dialects.torch.types;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * c10's {@code ScalarType}: a tensor's element type. Constant names are PyTorch's own ({@code Float},
 * {@code Long}, ...) because that is how they print in graph dumps ({@code Float(2, 3)}); {@link #code()} is
 * the integer PyTorch uses in serialized archives and for {@code dtype=} arguments.
 */
public enum ScalarType {
    Byte(0, 1, "uint8", null),
    Char(1, 1, "int8", null),
    Short(2, 2, "int16", "short"),
    Int(3, 4, "int32", "int"),
    Long(4, 8, "int64", "long"),
    Half(5, 2, "float16", "half"),
    Float(6, 4, "float32", "float"),
    Double(7, 8, "float64", "double"),
    ComplexHalf(8, 4, "complex32", "chalf"),
    ComplexFloat(9, 8, "complex64", "cfloat"),
    ComplexDouble(10, 16, "complex128", "cdouble"),
    Bool(11, 1, "bool", null),
    QInt8(12, 1, "qint8", null),
    QUInt8(13, 1, "quint8", null),
    QInt32(14, 4, "qint32", null),
    BFloat16(15, 2, "bfloat16", null),
    QUInt4x2(16, 1, "quint4x2", null),
    QUInt2x4(17, 1, "quint2x4", null),
    Bits1x8(18, 1, "bits1x8", null),
    Bits2x4(19, 1, "bits2x4", null),
    Bits4x2(20, 1, "bits4x2", null),
    Bits8(21, 1, "bits8", null),
    Bits16(22, 2, "bits16", null),
    Float8_e5m2(23, 1, "float8_e5m2", null),
    Float8_e4m3fn(24, 1, "float8_e4m3fn", null),
    Float8_e5m2fnuz(25, 1, "float8_e5m2fnuz", null),
    Float8_e4m3fnuz(26, 1, "float8_e4m3fnuz", null),
    UInt16(27, 2, "uint16", null),
    UInt32(28, 4, "uint32", null),
    UInt64(29, 8, "uint64", null),
    UInt1(30, 1, "uint1", null),
    UInt2(31, 1, "uint2", null),
    UInt3(32, 1, "uint3", null),
    UInt4(33, 1, "uint4", null),
    UInt5(34, 1, "uint5", null),
    UInt6(35, 1, "uint6", null),
    UInt7(36, 1, "uint7", null),
    Int1(37, 1, "int1", null),
    Int2(38, 1, "int2", null),
    Int3(39, 1, "int3", null),
    Int4(40, 1, "int4", null),
    Int5(41, 1, "int5", null),
    Int6(42, 1, "int6", null),
    Int7(43, 1, "int7", null),
    Float8_e8m0fnu(44, 1, "float8_e8m0fnu", null),
    Float4_e2m1fn_x2(45, 1, "float4_e2m1fn_x2", null),
    Float8_e8m0fnu_x4(46, 4, "float8_e8m0fnu_x4", null);

    private static final ScalarType[] BY_CODE = values();
    private static final Map<String, ScalarType> BY_NAME = new HashMap<>();
    private static final Map<String, ScalarType> BY_PYTHON_NAME = new HashMap<>();

    static {
        for (ScalarType t : BY_CODE) {
            BY_NAME.put(t.name(), t);
            BY_PYTHON_NAME.put(t.shortPythonName, t);
            if (t.legacyPythonName != null) {
                BY_PYTHON_NAME.put(t.legacyPythonName, t);
            }
        }
    }

    private final int code;
    private final int itemSize;
    private final String shortPythonName;
    private final String legacyPythonName;

    ScalarType(int code, int itemSize, String shortPythonName, String legacyPythonName) {
        this.code = code;
        this.itemSize = itemSize;
        this.shortPythonName = shortPythonName;
        this.legacyPythonName = legacyPythonName;
    }

    /** PyTorch's integer for this dtype ({@code Float} is 6). */
    public int code() {
        return code;
    }

    /** Bytes per element, as c10's {@code elementSize}. */
    public int itemSize() {
        return itemSize;
    }

    /** The Python name: {@code torch.float32}. */
    public String pythonName() {
        return "torch." + shortPythonName;
    }

    /** The legacy Python alias ({@code torch.float} for Float), when PyTorch defines one. */
    public Optional<String> legacyPythonName() {
        return Optional.ofNullable(legacyPythonName).map(n -> "torch." + n);
    }

    /** The dtype with PyTorch's integer code. */
    public static ScalarType fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("no ScalarType has code " + code);
        }
        return BY_CODE[code];
    }

    /** The dtype with c10's name ({@code "Float"}), as graph dumps print it. */
    public static Optional<ScalarType> fromName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The dtype with a Python name, with or without {@code torch.}: {@code torch.float32}, {@code float}. */
    public static Optional<ScalarType> fromPythonName(String name) {
        String bare = name.startsWith("torch.") ? name.substring("torch.".length()) : name;
        return Optional.ofNullable(BY_PYTHON_NAME.get(bare));
    }

    /** c10's {@code isFloatingType}: Half, Float, Double, BFloat16 and the 8-bit floats. */
    public boolean isFloatingPoint() {
        return switch (this) {
            case Half, Float, Double, BFloat16, Float8_e5m2, Float8_e4m3fn, Float8_e5m2fnuz, Float8_e4m3fnuz,
                    Float8_e8m0fnu -> true;
            default -> false;
        };
    }

    /** c10's {@code isComplexType}. */
    public boolean isComplex() {
        return this == ComplexHalf || this == ComplexFloat || this == ComplexDouble;
    }

    /** c10's {@code isQIntType}. */
    public boolean isQuantized() {
        return switch (this) {
            case QInt8, QUInt8, QInt32, QUInt4x2, QUInt2x4 -> true;
            default -> false;
        };
    }

    /** c10's {@code isIntegralType(t, includeBool)}. */
    public boolean isIntegral(boolean includeBool) {
        return switch (this) {
            case Byte, Char, Short, Int, Long, UInt16, UInt32, UInt64 -> true;
            case Bool -> includeBool;
            default -> false;
        };
    }
}
