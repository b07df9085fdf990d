package kiln.frontend.pickle;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A restricted pickle reader for protocols 0 to 5. Globals are looked up only through a {@link GlobalResolver}
 * allow-list, persistent ids only through a {@link PersistentLoader}; nothing is ever executed. Every size and count
 * is bounded ({@link Limits}), so hostile input ends in a {@link PickleException} that names the source and the
 * offset, never in running out of memory or stack.
 *
 * <pre>{@code
 * PyValue value = new Unpickler("model/data.pkl", GlobalResolver.pytorch(), storages, Unpickler.Limits.DEFAULT)
 *         .load(bytes);
 * }</pre>
 */
public final class Unpickler {

    /**
     * Bounds on one unpickling.
     *
     * @param maxDepth   how deeply containers may nest
     * @param maxStack   items on the stack (and marks) at once
     * @param maxMemo    entries in the memo
     * @param maxObjects objects created or copied in all
     */
    public record Limits(int maxDepth, int maxStack, int maxMemo, long maxObjects) {
        public static final Limits DEFAULT = new Limits(1000, 10_000_000, 10_000_000, 100_000_000L);

        public Limits {
            if (maxDepth < 1 || maxStack < 1 || maxMemo < 0 || maxObjects < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /** Resolves a persistent id ({@code PERSID}/{@code BINPERSID}), e.g. to a tensor {@link Storage}. */
    @FunctionalInterface
    public interface PersistentLoader {
        /**
         * The object the id stands for. May throw {@link IllegalArgumentException} for an id it refuses; the
         * unpickler reports it with its position.
         */
        PyValue load(PyValue persistentId);

        /** Refuses every persistent id. */
        static PersistentLoader none() {
            return id -> {
                throw new IllegalArgumentException("persistent id " + id + " but no persistent loader");
            };
        }
    }

    private final String source;
    private final GlobalResolver resolver;
    private final PersistentLoader loader;
    private final Limits limits;

    /**
     * @param source   names the pickle in messages, e.g. {@code resnet18/data.pkl}
     * @param resolver the allow-list of globals
     * @param loader   resolves persistent ids
     * @param limits   bounds on sizes and counts
     */
    public Unpickler(String source, GlobalResolver resolver, PersistentLoader loader, Limits limits) {
        this.source = Objects.requireNonNull(source, "source");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** An unpickler with the PyTorch allow-list, no persistent ids and the default limits. */
    public Unpickler(String source) {
        this(source, GlobalResolver.pytorch(), PersistentLoader.none(), Limits.DEFAULT);
    }

    /** Reads one pickle from the buffer's remaining bytes (the buffer itself is not moved). */
    public PyValue load(ByteBuffer pickle) {
        return new PickleMachine(source, new PickleInput(pickle), resolver, loader, limits).run();
    }

    public PyValue load(byte[] pickle) {
        return load(ByteBuffer.wrap(pickle));
    }
}
