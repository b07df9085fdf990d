package kiln.api;

import java.util.List;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Backends;

/**
 * Where a model runs: Kiln's reference interpreter ({@code interp}, the default) or any backend found on the class
 * path through the backend SPI ({@code kiln.runtime.backend.Backend} listed in {@code META-INF/services}). The same
 * names as the command line's {@code --target}. Targets are equal when their names are.
 */
public final class Target {
    private final Backend backend;

    private Target(Backend backend) {
        this.backend = backend;
    }

    /** The reference interpreter, {@code interp}: runs everything Kiln compiles; the default. */
    public static Target interpreter() {
        return named(Backends.DEFAULT);
    }

    /**
     * The target called {@code name}.
     *
     * @throws IllegalArgumentException naming the available targets when none is called so
     */
    public static Target named(String name) {
        return new Target(Backends.named(name));
    }

    /** A backend made by the caller (one not listed as a service, or configured), as a target. */
    public static Target of(Backend backend) {
        return new Target(java.util.Objects.requireNonNull(backend, "backend"));
    }

    /** Every target on the class path, the interpreter first, then by name. */
    public static List<Target> available() {
        return Backends.available().stream().map(Target::new).toList();
    }

    /** The name, e.g. {@code interp}. */
    public String name() {
        return backend.name();
    }

    /** One line saying what it is. */
    public String description() {
        return backend.description();
    }

    /** The backend beneath. */
    Backend backend() {
        return backend;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Target t && t.name().equals(name());
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
