package kiln.runtime.tensor;

/**
 * An error PyTorch would raise, with its message worded as PyTorch words it and the Python exception class it
 * surfaces as ({@code RuntimeError}, {@code IndexError}, ...), so that the interpreter can report and compare
 * errors the way TorchScript does.
 */
public final class TorchException extends RuntimeException {
    /** The Python exception class PyTorch raises. */
    public enum Kind {
        RUNTIME_ERROR("RuntimeError"),
        INDEX_ERROR("IndexError"),
        VALUE_ERROR("ValueError"),
        TYPE_ERROR("TypeError"),
        NOT_IMPLEMENTED_ERROR("NotImplementedError");

        private final String pythonName;

        Kind(String pythonName) {
            this.pythonName = pythonName;
        }

        public String pythonName() {
            return pythonName;
        }
    }

    private final Kind kind;

    public TorchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code TORCH_CHECK}: a {@code RuntimeError} when {@code condition} is false. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new TorchException(Kind.RUNTIME_ERROR, message);
        }
    }

    /** {@code TORCH_CHECK_INDEX}: an {@code IndexError} when {@code condition} is false. */
    static void checkIndex(boolean condition, String message) {
        if (!condition) {
            throw new TorchException(Kind.INDEX_ERROR, message);
        }
    }

    public static TorchException runtime(String message) {
        return new TorchException(Kind.RUNTIME_ERROR, message);
    }

    static TorchException index(String message) {
        return new TorchException(Kind.INDEX_ERROR, message);
    }

    @Override
    public String toString() {
        return kind.pythonName() + ": " + getMessage();
    }
}
