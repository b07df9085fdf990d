package kiln.api;

import java.util.Arrays;
import java.util.Optional;
import kiln.dialects.torch.types.ScalarType;

/**
 * A tensor's element type, named as PyTorch names it ({@code torch.float32} is {@link #FLOAT32}). These are the
 * dtypes Kiln tensors hold; elements are stored in the machine's byte order.
 */
public enum DType {
    /** {@code torch.float32}, Java {@code float}. */
    FLOAT32(ScalarType.Float),
    /** {@code torch.float64}, Java {@code double}. */
    FLOAT64(ScalarType.Double),
    /** {@code torch.float16}: IEEE half precision, stored as 16-bit patterns (Java {@code short}). */
    FLOAT16(ScalarType.Half),
    /** {@code torch.bfloat16}: the upper half of a float32, stored as 16-bit patterns (Java {@code short}). */
    BFLOAT16(ScalarType.BFloat16),
    /** {@code torch.int64}, Java {@code long}. */
    INT64(ScalarType.Long),
    /** {@code torch.int32}, Java {@code int}. */
    INT32(ScalarType.Int),
    /** {@code torch.int16}, Java {@code short}. */
    INT16(ScalarType.Short),
    /** {@code torch.int8}, Java {@code byte}. */
    INT8(ScalarType.Char),
    /** {@code torch.uint8}: Java {@code byte}, read unsigned. */
    UINT8(ScalarType.Byte),
    /** {@code torch.bool}: one byte per element, 0 or 1. */
    BOOL(ScalarType.Bool);

    private final ScalarType scalarType;

    DType(ScalarType scalarType) {
        this.scalarType = scalarType;
    }

    /** The size of one element in bytes. */
    public int byteSize() {
        return scalarType.itemSize();
    }

    /** Whether the elements are floating-point numbers. */
    public boolean isFloatingPoint() {
        return scalarType.isFloatingPoint();
    }

    /** PyTorch's name: {@code torch.float32}, {@code torch.int64}, {@code torch.bool}. */
    public String pythonName() {
        return scalarType.pythonName();
    }

    /** The dtype PyTorch calls {@code name} ({@code float32}, {@code torch.float}, {@code long}), if Kiln has it. */
    public static Optional<DType> fromPythonName(String name) {
        return ScalarType.fromPythonName(name).flatMap(DType::of);
    }

    /** The runtime's scalar type. */
    ScalarType scalarType() {
        return scalarType;
    }

    /** The API dtype of a runtime scalar type, if Kiln tensors hold it. */
    static Optional<DType> of(ScalarType t) {
        return Arrays.stream(values()).filter(d -> d.scalarType == t).findFirst();
    }

    @Override
    public String toString() {
        return pythonName();
    }
}
