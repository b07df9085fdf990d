package kiln.lowering;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The passes a pipeline can name. Built-in passes register through {@link PassProvider}s found by
 * {@link ServiceLoader}, so a plugin jar on the class path adds passes without changing Kiln.
 */
public final class PassRegistry {
    /** How to make a pass from its pipeline options ({@code name{key=value,…}}). */
    public record Entry(String name, String summary, Function<Map<String, String>, Pass> factory) {
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    public PassRegistry register(String name, String summary, Function<Map<String, String>, Pass> factory) {
        if (entries.putIfAbsent(name, new Entry(name, summary, factory)) != null) {
            throw new IllegalArgumentException("pass '" + name + "' registered twice");
        }
        return this;
    }

    public Optional<Entry> lookup(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /** Every pass found through the {@link PassProvider} services on the class path. */
    public static PassRegistry discover() {
        PassRegistry r = new PassRegistry();
        for (PassProvider p : ServiceLoader.load(PassProvider.class, PassRegistry.class.getClassLoader())) {
            p.register(r);
        }
        return r;
    }
}
