package kiln.lowering;

import kiln.dialects.ir.Region;

/**
 * A transformation of IR, run by a {@link PassManager}. A pass is one small class: a kebab-case
 * {@link #name()} (its flag in pipelines and on the command line), a one-line summary, and {@link #run}.
 */
public interface Pass {
    String name();

    String summary();

    /**
     * Transforms everything under {@code root} (a graph body and its nested regions).
     *
     * @return whether the IR changed
     */
    boolean run(Region root, PassContext context);
}
