package kiln.frontend.ssa;

import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;

/**
 * Last step of the conversion to SSA (PyTorch's EraseLoadStores): each Load becomes the value of the nearest
 * Store to its variable; comprehension scopes are inlined, their writes kept local.
 */
final class EraseLoadStores {
    private MiniEnvironment<Value> env;

    void run(Block graphBlock) {
        erase(graphBlock);
    }

    private void erase(Block block) {
        env = new MiniEnvironment<>(block, env);
        for (Operation n : block.opsSnapshot()) {
            if (n.def() == TorchDialect.STORE) {
                env.setVar(ControlFlowLoadStores.Loads.name(n), n.operand(0));
                n.erase();
            } else if (n.def() == TorchDialect.LOAD) {
                String name = ControlFlowLoadStores.Loads.name(n);
                Value v = env.findInAnyFrame(name);
                if (v == null) {
                    throw new IllegalStateException("variable '" + name + "' is read before it is set");
                }
                n.result(0).replaceAllUsesWith(v);
                n.erase();
            } else if (n.def() == TorchDialect.COMPREHENSION_SCOPE) {
                Block body = n.region(0).entry();
                erase(body);
                for (Operation inner : body.opsSnapshot()) {
                    if (inner != body.terminator()) {
                        inner.moveBefore(n);
                    }
                }
                n.erase();
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
