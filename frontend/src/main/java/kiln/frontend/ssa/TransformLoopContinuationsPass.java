package kiln.frontend.ssa;

import kiln.dialects.ir.Region;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * The exit transform for loops (PyTorch's ExitTransformer::transformLoopContinuations, frontend/exit_transforms.cpp):
 * every {@code prim::LoopContinuation} is replaced by a "has exited" flag and the values it continues with, threaded
 * through the ifs around it to the loop body's end; the code after a possible exit runs under an if on the flag.
 */
public final class TransformLoopContinuationsPass implements Pass {
    public static final String NAME = "transform-loop-continuations";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "frontend: replace prim::LoopContinuation by exit flags and values threaded to the end of the loop body";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        new ExitTransformer(root.entry()).transformLoopContinuations();
        return true;
    }
}
