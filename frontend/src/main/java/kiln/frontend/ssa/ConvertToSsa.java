package kiln.frontend.ssa;

import kiln.dialects.ir.Block;
import kiln.dialects.torch.Graph;

/**
 * Converts a freshly emitted graph — variables as {@code prim::Load}/{@code prim::Store}, loops with a
 * condition block, {@code break}/{@code continue}/{@code return} as statements — into SSA form, exactly in
 * PyTorch's order (torch/csrc/jit/frontend/convert_to_ssa.cpp): control-flow loads and stores, loop
 * continuations, loop-condition inlining, load/store erasure, exit transforms (with {@code with} bodies
 * bracketed); then, as ir_emitter does right after, modified {@code for} loops become while loops.
 */
public final class ConvertToSsa {
    private ConvertToSsa() {
    }

    public static void run(Graph graph) {
        Block top = graph.block();
        new ControlFlowLoadStores().run(top);
        new LoopContinuations().run(top);
        InlineLoopCondition.run(top);
        new EraseLoadStores().run(top);
        WithBlocks.wrap(top);
        new ExitTransformer(top).transformLoopContinuations();
        new ExitTransformer(top).transformReturnStmts();
        ConsecutiveIfs.run(top);
        WithBlocks.unwrap(top);
        ModifiedLoops.run(top);
    }
}
