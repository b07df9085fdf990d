package kiln.frontend.pickle;

import java.util.Optional;

/**
 * The allow-list of globals a pickle may name. Anything it does not resolve is refused: unpickling never runs
 * code or loads classes by name.
 */
@FunctionalInterface
public interface GlobalResolver {

    /** What {@code module.name} stands for, or empty to refuse it. */
    Optional<Global> resolve(String module, String name);

    /** The globals {@code torch.save} and {@code torch.jit.save} write (see {@link TorchGlobals}). */
    static GlobalResolver pytorch() {
        return TorchGlobals.INSTANCE;
    }

    /** Refuses every global: plain data only. */
    static GlobalResolver none() {
        return (module, name) -> Optional.empty();
    }

    /** This resolver, then {@code other} for what this one refuses. */
    default GlobalResolver or(GlobalResolver other) {
        return (module, name) -> resolve(module, name).or(() -> other.resolve(module, name));
    }
}
