package kiln.lowering.torch;

import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;
import kiln.lowering.PassFailure;

/**
 * {@code inline} (PyTorch's Inline, MLIR's {@code inline}) over a module: in every function, each call to a function
 * of the same module ({@link ModuleCallees}) is replaced by the callee's body with its own calls inlined. Runs on a
 * {@code builtin.module}; the callee functions stay (a symbol DCE would remove the unused ones).
 */
public final class InlinePass implements Pass {
    public static final String NAME = "inline";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "inline calls to the module's functions (prim::CallFunction of a Function constant naming @f, "
                + "prim::CallMethod of method m of class C as @C.m)";
    }

    /** The module: its symbols are the callees. */
    @Override
    public Optional<String> anchor() {
        return Optional.of(BuiltinDialect.MODULE.name());
    }

    @Override
    public boolean run(Region root, PassContext context) {
        Operation module = root.parentOp();
        if (module == null || module.def() != BuiltinDialect.MODULE) {
            throw new PassFailure(NAME, "pass '" + NAME + "' runs on a builtin.module, whose symbols are the callees, "
                    + "not on " + (module == null ? "a standalone graph" : "'" + module.name() + "'"));
        }
        CallInliner inliner = new CallInliner(new ModuleCallees(module), body -> { });
        boolean changed = false;
        try {
            for (Block b : root.blocks()) {
                for (Operation fn : b.ops()) {
                    if (fn.def() == BuiltinDialect.FUNC && !fn.region(0).isEmpty()) {
                        changed |= inliner.inlineCalls(fn.region(0));
                    }
                }
            }
        } catch (CallInliner.RecursiveCallException e) {
            throw new PassFailure(NAME, List.of(Diagnostic.at(e.call(), e.getMessage())));
        }
        return changed;
    }
}
