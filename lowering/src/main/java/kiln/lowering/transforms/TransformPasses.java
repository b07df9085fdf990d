package kiln.lowering.transforms;

import kiln.lowering.PassProvider;
import kiln.lowering.PassRegistry;

/** Registers the passes that work on any dialect: canonicalize, cse, dce, loop-invariant-code-motion. */
public final class TransformPasses implements PassProvider {
    @Override
    public void register(PassRegistry registry) {
        registry.register(CanonicalizerPass.NAME, new CanonicalizerPass().summary(), CanonicalizerOptions.DECLARED,
                CanonicalizerPass::new);
        registry.register(CommonSubexpressionEliminationPass.NAME,
                new CommonSubexpressionEliminationPass().summary(), CommonSubexpressionEliminationPass::new);
        registry.register(DeadCodeEliminationPass.NAME, new DeadCodeEliminationPass().summary(),
                DeadCodeEliminationPass::new);
        registry.register(LoopInvariantCodeMotionPass.NAME, new LoopInvariantCodeMotionPass().summary(),
                LoopInvariantCodeMotionPass::new);
    }
}
