package kiln.lowering.torch;

import java.util.HashMap;
import java.util.Map;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.TorchEffects;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * PyTorch's ConstantPooling (torch/csrc/jit/passes/constant_pooling.cpp): moves every {@code prim::Constant} to
 * the top of the graph and replaces duplicates by the first. Only constants of immutable types are merged
 * (numbers, strings, None, devices, functions and tuples of those): merging two lists or tensors would make
 * two mutable objects one. Subgraph bodies are pooled within themselves.
 */
public final class ConstantPoolingPass implements Pass {
    public static final String NAME = "constant-pooling";

    private record Key(Type type, Map<String, Attribute> attributes) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "hoist prim::Constant nodes to the top of the graph and merge equal immutable constants";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        return pool(root, context);
    }

    private boolean pool(Region graph, PassContext context) {
        Block top = graph.entry();
        Map<Key, Operation> seen = new HashMap<>();
        boolean[] changed = {false};
        visit(top, top, seen, changed, context);
        return changed[0];
    }

    private void visit(Block block, Block top, Map<Key, Operation> seen, boolean[] changed, PassContext context) {
        for (Operation op : block.ops()) {
            if (!op.regions().isEmpty()) {
                for (Region r : op.regions()) {
                    if (op.has(Trait.ISOLATED_FROM_ABOVE)) {
                        changed[0] |= pool(r, context);
                    } else {
                        for (Block b : r.blocks()) {
                            visit(b, top, seen, changed, context);
                        }
                    }
                }
                continue;
            }
            if (op.def() != TorchDialect.CONSTANT) {
                continue;
            }
            if (TorchEffects.isImmutable(op.result(0).type())) {
                Key key = new Key(op.result(0).type(), op.attributes());
                Operation existing = seen.putIfAbsent(key, op);
                if (existing != null) {
                    op.result(0).replaceAllUsesWith(existing.result(0));
                    op.erase();
                    context.count(this, "deduplicated", 1);
                    changed[0] = true;
                    continue;
                }
            }
            Operation first = top.firstOp();
            if (op != first) {
                op.moveBefore(first);
                changed[0] = true;
            }
        }
    }
}
