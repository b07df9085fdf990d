package kiln.frontend.ssa;

import kiln.dialects.torch.Graph;
import kiln.dialects.torch.TorchDialect;
import kiln.lowering.PassContext;
import kiln.lowering.PassManager;
import kiln.lowering.PassPipeline;
import kiln.lowering.PassRegistry;

/**
 * Converts a freshly emitted graph — variables as {@code prim::Load}/{@code prim::Store}, loops with a condition
 * block, {@code break}/{@code continue}/{@code return} as statements — into SSA form, as TorchScript's ir_emitter
 * does: the {@value SsaPasses#CONVERT_TO_SSA_NAME} pipeline (PyTorch's ConvertToSSA: {@value
 * SsaPasses#CONVERT_TO_SSA}), then {@code canonicalize-modified-loops}, run by a {@link PassManager}.
 */
public final class ConvertToSsa {
    /** What ir_emitter runs after emission, before its clean-up passes. */
    public static final String PIPELINE = SsaPasses.CONVERT_TO_SSA_NAME + "," + CanonicalizeModifiedLoopsPass.NAME;

    private static final PassPipeline PASSES = PassPipeline.parse(PIPELINE, registry());

    private ConvertToSsa() {
    }

    /** The frontend's passes alone (no service lookup). */
    private static PassRegistry registry() {
        PassRegistry r = new PassRegistry();
        new SsaPasses().register(r);
        return r;
    }

    public static void run(Graph graph) {
        // the steps leave the frontend's form, which does not verify, until the last
        new PassManager(PASSES, r -> "").verifyEach(false).run(graph.region(), new PassContext(TorchDialect.registry()));
    }
}
