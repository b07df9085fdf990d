package kiln.lowering;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
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
    /**
     * How to make a pass: its name, summary, declared options, and a factory from their values.
     *
     * @param options the declared options, or null for a pass that reads its own (undeclared) options
     */
    public record Entry(String name, String summary, List<PassOption<?>> options,
                        Function<PassOptions, Pass> factory, Function<Map<String, String>, Pass> rawFactory) {
        /** The pass with options {@code texts} (as written in a pipeline). */
        public Pass create(Map<String, String> texts) {
            if (rawFactory != null) {
                return rawFactory.apply(texts);
            }
            return factory.apply(PassOptions.parse(name, options, texts));
        }
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    /** Registers a pass with declared options. */
    public PassRegistry register(String name, String summary, List<PassOption<?>> options,
                                 Function<PassOptions, Pass> factory) {
        return add(new Entry(name, summary, List.copyOf(options), factory, null));
    }

    /** Registers a pass without options. */
    public PassRegistry register(String name, String summary, java.util.function.Supplier<Pass> factory) {
        return register(name, summary, List.of(), options -> factory.get());
    }

    /**
     * Registers a pass that reads its options itself from the texts a pipeline gives (it must reject those it does
     * not know); prefer declared options.
     */
    public PassRegistry register(String name, String summary, Function<Map<String, String>, Pass> factory) {
        return add(new Entry(name, summary, null, null, factory));
    }

    private PassRegistry add(Entry e) {
        if (entries.putIfAbsent(e.name(), e) != null) {
            throw new IllegalArgumentException("pass '" + e.name() + "' registered twice");
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
