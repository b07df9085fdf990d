package kiln.runtime.interp;

import kiln.dialects.ir.Operation;

/**
 * Runs {@code prim::FallbackGraph} ops: the graph a guard falls back to when the inputs are not of the types a
 * specialization was made for. The profiling executor installs one that profiles the fallback and specializes it
 * again; without one, a fallback runs its subgraph, which is the unoptimized program.
 */
@FunctionalInterface
public interface FallbackHandler {
    /**
     * The fallback's outputs for {@code args}.
     *
     * @param fallback the {@code prim::FallbackGraph} op, whose one region is the graph to run
     * @param subgraph runs that graph on the reference interpreter
     */
    Object[] run(Operation fallback, Object[] args, Subgraph subgraph);

    /** The graph of a subgraph op, ready to run. */
    @FunctionalInterface
    interface Subgraph {
        Object[] run(Object[] args);
    }

    /** Runs the fallback's own graph. */
    FallbackHandler INLINE = (fallback, args, subgraph) -> subgraph.run(args);
}
