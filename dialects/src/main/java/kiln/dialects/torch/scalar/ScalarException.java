package kiln.dialects.torch.scalar;

import java.util.Optional;

/**
 * A Python exception raised by a scalar operator: its kind ({@code ZeroDivisionError}, {@code ValueError}, …) and
 * the message, worded as TorchScript's interpreter raises it. A value of the wrong kind is a {@code TypeError}
 * that also keeps the {@link Mismatch}, so that a caller knowing more value kinds can name the value's type.
 */
public final class ScalarException extends RuntimeException {
    /** The Python exception classes scalar operators raise. */
    public enum Kind {
        ZERO_DIVISION_ERROR("ZeroDivisionError"),
        VALUE_ERROR("ValueError"),
        OVERFLOW_ERROR("OverflowError"),
        RUNTIME_ERROR("RuntimeError"),
        TYPE_ERROR("TypeError"),
        INDEX_ERROR("IndexError");

        private final String pythonName;

        Kind(String pythonName) {
            this.pythonName = pythonName;
        }

        /** The class name: {@code ZeroDivisionError}. */
        public String pythonName() {
            return pythonName;
        }

        /** The qualified class name: {@code builtins.ZeroDivisionError}. */
        public String pythonClass() {
            return "builtins." + pythonName;
        }
    }

    /**
     * An argument of the wrong kind: the message is {@code prefix} followed by the type name of {@code actual}.
     *
     * @param prefix what was expected, worded as the start of the message ({@code "expected an int but got "})
     * @param actual the value given
     */
    public record Mismatch(String prefix, Object actual) {
    }

    private final Kind kind;
    private final transient Mismatch mismatch;

    public ScalarException(Kind kind, String message) {
        this(kind, message, null);
    }

    private ScalarException(Kind kind, String message, Mismatch mismatch) {
        super(message, null, false, false);
        this.kind = kind;
        this.mismatch = mismatch;
    }

    public static ScalarException zeroDivision(String message) {
        return new ScalarException(Kind.ZERO_DIVISION_ERROR, message);
    }

    public static ScalarException valueError(String message) {
        return new ScalarException(Kind.VALUE_ERROR, message);
    }

    public static ScalarException overflow(String message) {
        return new ScalarException(Kind.OVERFLOW_ERROR, message);
    }

    public static ScalarException runtimeError(String message) {
        return new ScalarException(Kind.RUNTIME_ERROR, message);
    }

    public static ScalarException typeError(String message) {
        return new ScalarException(Kind.TYPE_ERROR, message);
    }

    public static ScalarException indexError(String message) {
        return new ScalarException(Kind.INDEX_ERROR, message);
    }

    /** A {@code TypeError}: {@code actual} is not the kind of value {@code prefix} says was expected. */
    public static ScalarException mismatch(String prefix, Object actual) {
        return new ScalarException(Kind.TYPE_ERROR, prefix + ScalarArgs.typeName(actual),
                new Mismatch(prefix, actual));
    }

    public Kind kind() {
        return kind;
    }

    /** The wrong argument, for a {@code TypeError} raised by {@link #mismatch}. */
    public Optional<Mismatch> mismatchedArgument() {
        return Optional.ofNullable(mismatch);
    }
}
