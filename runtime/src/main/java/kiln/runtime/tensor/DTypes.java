package kiln.runtime.tensor;

import kiln.dialects.torch.types.ScalarType;

/** Which {@link ScalarType}s Kiln tensors hold, and the categories PyTorch's rules ask about. */
final class DTypes {
    /** {@code torch.get_default_dtype()}: what integer inputs of float ops and Python floats become. */
    static final ScalarType DEFAULT_FLOAT = ScalarType.Float;

    private DTypes() {
    }

    /** True for the dtypes a Kiln tensor can hold. */
    static boolean isSupported(ScalarType dtype) {
        return switch (dtype) {
            case Byte, Char, Short, Int, Long, Half, Float, Double, Bool, BFloat16 -> true;
            default -> false;
        };
    }

    /** Refuses, with a clear message, dtypes Kiln tensors do not hold (complex, quantized, sub-byte, ...). */
    static ScalarType require(ScalarType dtype) {
        if (!isSupported(dtype)) {
            String what = dtype.isComplex() ? "complex dtypes" : dtype.isQuantized() ? "quantized dtypes" : "it";
            throw new TorchException(TorchException.Kind.NOT_IMPLEMENTED_ERROR, "Kiln tensors do not support dtype "
                    + dtype.pythonName() + " (" + dtype + "): " + what + " cannot be stored or computed yet");
        }
        return dtype;
    }

    /** Half and BFloat16: computed in float, as ATen's {@code opmath_type}. */
    static boolean isReducedFloating(ScalarType dtype) {
        return dtype == ScalarType.Half || dtype == ScalarType.BFloat16;
    }

    /** C++ {@code toString(ScalarType)} inside {@code CPUFloatType}. */
    static String backendTypeName(ScalarType dtype) {
        return "CPU" + dtype.name() + "Type";
    }
}
