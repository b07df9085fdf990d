package kiln.frontend.pickle;

import java.util.Objects;

/** What an allow-listed global ({@code GLOBAL module name}) stands for in the pickle machine. */
public sealed interface Global {

    /** The qualified name, {@code module.name}. */
    String name();

    /** A value pushed as it is, e.g. {@code torch.uint64} or {@code torch.FloatStorage}. */
    record Constant(String name, PyValue value) implements Global {
        public Constant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A function called by {@code REDUCE} (or {@code NEWOBJ}) with its argument tuple. It may throw
     * {@link IllegalArgumentException} for arguments it refuses; the unpickler reports that with its position.
     */
    record Callable(String name, Body body) implements Global {
        public Callable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
        }
    }

    /** A class whose instances {@code NEWOBJ} creates as {@link PyObject}s and {@code BUILD} gives state. */
    record ObjectClass(String name) implements Global {
        public ObjectClass {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The code of a {@link Callable}. */
    @FunctionalInterface
    interface Body {
        PyValue call(PyTuple args);
    }
}
