package kiln.frontend.ssa;

import kiln.lowering.PassPipeline;
import kiln.lowering.PassProvider;
import kiln.lowering.PassRegistry;
import kiln.lowering.PipelinePass;

/**
 * Registers the frontend's passes (listed in {@code META-INF/services/kiln.lowering.PassProvider}): each step of the
 * conversion to SSA, the pipelines PyTorch groups them in ({@value #TRANSFORM_EXITS_NAME}, {@value
 * #CONVERT_TO_SSA_NAME}), and {@code canonicalize-modified-loops}. Most run on the frontend's form of a graph (loads
 * and stores, exit statements, loops with a condition block), which is not valid torch IR: run them with
 * {@code lower opt --no-verify}.
 */
public final class SsaPasses implements PassProvider {
    public static final String TRANSFORM_EXITS_NAME = "transform-exits";
    public static final String CONVERT_TO_SSA_NAME = "convert-to-ssa";

    /** PyTorch's TransformExits (frontend/exit_transforms.cpp). */
    public static final String TRANSFORM_EXITS = EnterExitToWithBlocksPass.NAME + ","
            + TransformLoopContinuationsPass.NAME + "," + TransformReturnStmtsPass.NAME + ","
            + InlineConsecutiveIfsPass.NAME + "," + WithBlocksToEnterExitPass.NAME;

    /** PyTorch's ConvertToSSA (frontend/convert_to_ssa.cpp). */
    public static final String CONVERT_TO_SSA = ControlFlowLoadStoresPass.NAME + "," + LoopContinuationsPass.NAME
            + "," + InlineLoopConditionPass.NAME + "," + EraseLoadStoresPass.NAME + "," + TRANSFORM_EXITS_NAME;

    @Override
    public void register(PassRegistry registry) {
        add(registry, new ControlFlowLoadStoresPass());
        add(registry, new LoopContinuationsPass());
        add(registry, new InlineLoopConditionPass());
        add(registry, new EraseLoadStoresPass());
        add(registry, new EnterExitToWithBlocksPass());
        add(registry, new TransformLoopContinuationsPass());
        add(registry, new TransformReturnStmtsPass());
        add(registry, new InlineConsecutiveIfsPass());
        add(registry, new WithBlocksToEnterExitPass());
        add(registry, new CanonicalizeModifiedLoopsPass());
        String exits = "frontend: remove early exits (" + TRANSFORM_EXITS + ")";
        registry.register(TRANSFORM_EXITS_NAME, exits, () -> new PipelinePass(TRANSFORM_EXITS_NAME, exits,
                PassPipeline.parse(TRANSFORM_EXITS, registry), false));
        String ssa = "frontend: convert a graph of loads and stores to SSA form (" + CONVERT_TO_SSA + ")";
        registry.register(CONVERT_TO_SSA_NAME, ssa, () -> new PipelinePass(CONVERT_TO_SSA_NAME, ssa,
                PassPipeline.parse(CONVERT_TO_SSA, registry), false));
    }

    /** Registers a pass without options: its one (stateless) instance. */
    private static void add(PassRegistry registry, kiln.lowering.Pass pass) {
        registry.register(pass.name(), pass.summary(), () -> pass);
    }
}
