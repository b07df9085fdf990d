package kiln.lowering;

import java.util.Optional;
import kiln.dialects.ir.Region;

/**
 * A transformation of IR, run by a {@link PassManager}. A pass is one small class: a kebab-case {@link #name()} (its
 * flag in pipelines and on the command line), a one-line summary, the options it was made with, and {@link #run}.
 * A pass runs on a region — the body of the op it was anchored on (a function, a module) or a standalone graph — and
 * may change anything under it; it fails by throwing a {@link PassFailure}.
 */
public interface Pass {
    String name();

    String summary();

    /** The options this pass was created with (printed after its name in a pipeline). */
    default PassOptions options() {
        return PassOptions.defaults(java.util.List.of());
    }

    /**
     * The op this pass must run on, when it needs a particular one ({@code builtin.module} for a pass over a whole
     * program's symbols); empty when it runs on any region.
     */
    default Optional<String> anchor() {
        return Optional.empty();
    }

    /**
     * Transforms everything under {@code root} (a body and its nested regions).
     *
     * @return whether the IR changed
     * @throws PassFailure when the pass cannot do what it must (its diagnostics say why and where)
     */
    boolean run(Region root, PassContext context);
}
