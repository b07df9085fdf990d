package kiln.lowering;

import java.util.Objects;
import kiln.dialects.ir.Region;

/**
 * A named pipeline run as one pass (MLIR's {@code PassPipelineRegistration}): {@code convert-to-ssa} stands for the
 * passes PyTorch's ConvertToSSA runs, in its order. A pipeline over IR that is not valid between its steps (the
 * frontend's form before SSA) runs without verifying after each; the pass manager running this pass verifies what it
 * leaves.
 */
public final class PipelinePass implements Pass {
    private final String name;
    private final String summary;
    private final PassPipeline pipeline;
    private final boolean verifyEach;

    /**
     * @param verifyEach whether to verify the IR after each pass of the pipeline
     */
    public PipelinePass(String name, String summary, PassPipeline pipeline, boolean verifyEach) {
        this.name = Objects.requireNonNull(name);
        this.summary = Objects.requireNonNull(summary);
        this.pipeline = Objects.requireNonNull(pipeline);
        this.verifyEach = verifyEach;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    /** The passes this one runs. */
    public PassPipeline pipeline() {
        return pipeline;
    }

    @Override
    public boolean run(Region root, PassContext context) {
        return new PassManager(pipeline, r -> "").verifyEach(verifyEach).run(root, context);
    }
}
