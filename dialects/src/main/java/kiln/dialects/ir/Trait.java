package kiln.dialects.ir;

/** Properties that passes and the verifier read off an op's declaration instead of its name. */
public enum Trait {
    /** Ends a block; only the last op of a block may have it, and every block ends with one. */
    TERMINATOR,
    /** No side effects: may be removed when unused, and deduplicated. */
    PURE,
    /** Produces a compile-time constant from its attributes alone. */
    CONSTANT_LIKE,
    /** Its regions may not use values defined outside them (a subgraph, as PyTorch's fusion groups). */
    ISOLATED_FROM_ABOVE,
    /** Its single region is a subgraph printed after the graph ({@code with prim::X_0 = graph(…)}). */
    SUBGRAPH
}
