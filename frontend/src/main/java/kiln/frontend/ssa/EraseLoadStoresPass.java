package kiln.frontend.ssa;

import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * Fourth step of the conversion to SSA (PyTorch's EraseLoadStores, frontend/convert_to_ssa.cpp): each
 * {@code prim::Load} becomes the value of the nearest {@code prim::Store} to its variable, and the stores go;
 * comprehension scopes are inlined, their writes kept local.
 */
public final class EraseLoadStoresPass implements Pass {
    public static final String NAME = "erase-load-stores";

    /** The variables of the blocks being walked, innermost first (state of one run). */
    private MiniEnvironment<Value> env;
    private boolean changed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "frontend: replace each prim::Load by the value last stored to its variable, and erase the stores";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        EraseLoadStoresPass run = new EraseLoadStoresPass();
        run.erase(root.entry());
        return run.changed;
    }

    private void erase(Block block) {
        env = new MiniEnvironment<>(block, env);
        for (Operation n : block.opsSnapshot()) {
            if (n.def() == TorchDialect.STORE) {
                env.setVar(Loads.name(n), n.operand(0));
                n.erase();
                changed = true;
            } else if (n.def() == TorchDialect.LOAD) {
                String name = Loads.name(n);
                Value v = env.findInAnyFrame(name);
                if (v == null) {
                    throw new IllegalStateException("variable '" + name + "' is read before it is set");
                }
                n.result(0).replaceAllUsesWith(v);
                n.erase();
                changed = true;
            } else if (n.def() == TorchDialect.COMPREHENSION_SCOPE) {
                Block body = n.region(0).entry();
                erase(body);
                for (Operation inner : body.opsSnapshot()) {
                    if (inner != body.terminator()) {
                        inner.moveBefore(n);
                    }
                }
                n.erase();
                changed = true;
            } else {
                for (Region r : n.regions()) {
                    for (Block b : r.blocks()) {
                        erase(b);
                    }
                }
            }
        }
        env = env.next;
    }
}
