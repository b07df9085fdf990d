package kiln.dialects.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An op interface (MLIR's {@code MemoryEffectOpInterface}): what an op does to memory, as a list of effects, each
 * on one of its operands or results or on a named resource (the program's output, a random generator). An op that
 * neither has the {@link Trait#PURE} trait nor implements this interface may do anything: analyses treat it as
 * reading and writing everything. Analyses (dead code, CSE, buffer reuse) ask {@link #of} and the helpers here,
 * never op names.
 */
@FunctionalInterface
public interface MemoryEffects {
    /** The effects of {@code op} (an op whose def implements this interface). */
    List<Effect> effects(Operation op);

    /** What an effect does. */
    enum Kind {
        /** Reads memory it does not change. */
        READ,
        /** Changes memory (or state others observe: output, a generator). */
        WRITE,
        /** Makes fresh memory (a result nothing else refers to yet). */
        ALLOCATE,
        /** Frees memory. */
        FREE
    }

    /** State outside the program's values that an effect may touch. */
    record Resource(String name) {
        /** Memory reached through values: the default resource. */
        public static final Resource DEFAULT = new Resource("default");

        public Resource {
            Objects.requireNonNull(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One effect.
     *
     * @param value the operand or result it acts on, or null for the whole resource
     */
    record Effect(Kind kind, Value value, Resource resource) {
        public Effect {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(resource);
        }

        public static Effect read(Value v) {
            return new Effect(Kind.READ, v, Resource.DEFAULT);
        }

        public static Effect write(Value v) {
            return new Effect(Kind.WRITE, v, Resource.DEFAULT);
        }

        public static Effect allocate(Value v) {
            return new Effect(Kind.ALLOCATE, v, Resource.DEFAULT);
        }

        public static Effect free(Value v) {
            return new Effect(Kind.FREE, v, Resource.DEFAULT);
        }

        public static Effect on(Kind kind, Resource r) {
            return new Effect(kind, null, r);
        }
    }

    /** An op with no memory effects. */
    MemoryEffects NONE = op -> List.of();

    /**
     * What an op that may do anything does: read and write everything. An implementation returns this for an op
     * whose effects it cannot tell (an operator with no known schema).
     */
    List<Effect> ANYTHING = List.of(Effect.on(Kind.READ, Resource.DEFAULT), Effect.on(Kind.WRITE, Resource.DEFAULT));

    /**
     * The effects of {@code op}: none when it is {@link Trait#PURE}; those its def declares; for an op with
     * {@link Trait#RECURSIVE_MEMORY_EFFECTS}, its own (if declared) and those of every op nested in it; empty
     * when unknown (the op may do anything).
     */
    static Optional<List<Effect>> of(Operation op) {
        if (op.has(Trait.PURE)) {
            return Optional.of(List.of());
        }
        Optional<MemoryEffects> declared = op.getInterface(MemoryEffects.class);
        boolean recursive = op.has(Trait.RECURSIVE_MEMORY_EFFECTS);
        if (declared.isEmpty() && !recursive) {
            return Optional.empty();
        }
        List<Effect> all = new ArrayList<>(declared.map(d -> d.effects(op)).orElse(List.of()));
        if (recursive) {
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    for (Operation nested : b.ops()) {
                        Optional<List<Effect>> inner = of(nested);
                        if (inner.isEmpty()) {
                            return Optional.empty();
                        }
                        all.addAll(inner.get());
                    }
                }
            }
        }
        return Optional.of(all);
    }

    /** Whether {@code op} is known to have no effect on memory at all. */
    static boolean hasNoEffect(Operation op) {
        return of(op).map(List::isEmpty).orElse(false);
    }

    /** Whether {@code op} is known to only read memory (or to have no effect). */
    static boolean onlyReads(Operation op) {
        return of(op).map(es -> es.stream().allMatch(e -> e.kind() == Kind.READ)).orElse(false);
    }

    /** Whether {@code op} may write (or free) memory or state: true when its effects are unknown. */
    static boolean mayWrite(Operation op) {
        return of(op).map(es -> es.stream().anyMatch(e -> e.kind() == Kind.WRITE || e.kind() == Kind.FREE))
                .orElse(true);
    }

    /**
     * MLIR's {@code wouldOpBeTriviallyDead}: not a terminator, not a symbol or symbol table (a module), no used
     * result, and known effects that are only reads and allocations of results made in it.
     */
    static boolean isTriviallyDead(Operation op) {
        if (op.has(Trait.TERMINATOR) || op.has(Trait.SYMBOL) || op.has(Trait.SYMBOL_TABLE)) {
            return false;
        }
        for (OpResult r : op.results()) {
            if (r.hasUses()) {
                return false;
            }
        }
        return of(op).map(es -> es.stream().allMatch(e -> e.kind() == Kind.READ
                || e.kind() == Kind.ALLOCATE && e.value() instanceof OpResult r && op.isAncestorOf(r.definingOp())
                || e.kind() == Kind.ALLOCATE && e.value() == null)).orElse(false);
    }
}
