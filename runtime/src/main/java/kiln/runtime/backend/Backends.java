package kiln.runtime.backend;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The backends on the class path, found with {@link ServiceLoader}. The reference interpreter ({@value
 * #DEFAULT}) is always there and is the default target.
 */
public final class Backends {
    /** The default target: the reference interpreter. */
    public static final String DEFAULT = "interp";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private Backends() {
    }

    /** Every backend found through {@code loader}, the default first, then by name. */
    public static List<Backend> available(ClassLoader loader) {
        Map<String, Backend> byName = new LinkedHashMap<>();
        for (Backend b : ServiceLoader.load(Backend.class, loader)) {
            if (!NAME.matcher(b.name()).matches()) {
                throw new IllegalStateException(b.getClass().getName() + ": target name '" + b.name()
                        + "' is not lower-case letters, digits and dashes");
            }
            Backend other = byName.putIfAbsent(b.name(), b);
            if (other != null) {
                throw new IllegalStateException("two backends are named '" + b.name() + "': "
                        + other.getClass().getName() + " and " + b.getClass().getName());
            }
        }
        return byName.values().stream()
                .sorted(Comparator.comparing((Backend b) -> !b.name().equals(DEFAULT)).thenComparing(Backend::name))
                .toList();
    }

    /** Every backend on the class path of this class's loader. */
    public static List<Backend> available() {
        return available(Backends.class.getClassLoader());
    }

    /**
     * The backend named {@code name}.
     *
     * @throws IllegalArgumentException naming the available targets when there is none by that name
     */
    public static Backend named(String name) {
        List<Backend> all = available();
        return all.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown target '" + name + "' (available: "
                        + all.stream().map(Backend::name).collect(Collectors.joining(", ")) + ")"));
    }
}
