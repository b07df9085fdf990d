package kiln.frontend.ssa;

import kiln.dialects.ir.Region;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * The exit transform for returns (PyTorch's ExitTransformer::transformReturnStmts, frontend/exit_transforms.cpp):
 * every {@code prim::ReturnStmt} is replaced by a "has returned" flag and the returned values, threaded through the
 * ifs and loops around it to the graph's return; the code after a possible return runs under an if on the flag.
 */
public final class TransformReturnStmtsPass implements Pass {
    public static final String NAME = "transform-return-stmts";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "frontend: replace prim::ReturnStmt by exit flags and values threaded to the graph's return";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        new ExitTransformer(root.entry()).transformReturnStmts();
        return true;
    }
}
