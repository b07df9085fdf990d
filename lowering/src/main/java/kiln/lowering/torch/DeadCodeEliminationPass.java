package kiln.lowering.torch;

import java.util.List;
import java.util.Set;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * Removes ops whose results are unused and that have no effect (PyTorch's EliminateDeadCode), and the unused
 * outputs of ifs: pure ops,
 * container construction, attribute reads, ifs and loops whose bodies are all removable, and operators none of
 * whose schemas writes to an argument ({@code Tensor(a!)}). Prints, raises, attribute writes, calls and
 * {@code aten::warn} and {@code aten::set_grad_enabled} always stay.
 */
public final class DeadCodeEliminationPass implements Pass {
    public static final String NAME = "dce";

    private static final Set<String> SIDE_EFFECTS = Set.of("aten::warn", "aten::save", "aten::manual_seed",
            "prim::Print", "prim::RaiseException", "prim::SetAttr", "prim::CallFunction", "prim::CallMethod",
            "prim::Enter", "prim::Exit",
            // registered with conservative alias analysis, which PyTorch's DCE counts as a side effect
            "aten::set_grad_enabled");

    private final OperatorRegistry operators;

    public DeadCodeEliminationPass(OperatorRegistry operators) {
        this.operators = operators;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "remove unused ops that have no side effects";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        boolean changed = false;
        for (Block b : root.blocks()) {
            changed |= block(b, context);
        }
        return changed;
    }

    private boolean block(Block block, PassContext context) {
        boolean changed = false;
        List<Operation> ops = block.opsSnapshot();
        for (int i = ops.size() - 1; i >= 0; i--) {
            Operation op = ops.get(i);
            if (op.def() == TorchDialect.IF) {
                changed |= eraseUnusedOutputs(op);
            }
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    changed |= block(b, context);
                }
            }
            if (op.has(Trait.TERMINATOR) || op.results().stream().anyMatch(Value::hasUses)) {
                continue;
            }
            if (removable(op)) {
                op.erase();
                context.count(this, "removed", 1);
                changed = true;
            }
        }
        return changed;
    }

    /** An if's outputs nothing reads are dropped, with what each branch returns for them (as PyTorch's DCE does). */
    private static boolean eraseUnusedOutputs(Operation ifOp) {
        boolean changed = false;
        for (int i = ifOp.numResults() - 1; i >= 0; i--) {
            if (!ifOp.result(i).hasUses()) {
                for (Region r : ifOp.regions()) {
                    kiln.dialects.torch.BlockOutputs.erase(r.entry(), i);
                }
                ifOp.eraseResult(i);
                changed = true;
            }
        }
        return changed;
    }

    /** Whether an unused op can go: no side effects, no writes to its operands (per the operator's schemas). */
    public boolean removable(Operation op) {
        if (op.has(Trait.PURE)) {
            return true;
        }
        if (SIDE_EFFECTS.contains(op.name())) {
            return false;
        }
        if (op.def() == TorchDialect.LIST_CONSTRUCT || op.def() == TorchDialect.DICT_CONSTRUCT
                || op.def() == TorchDialect.GET_ATTR || op.def() == TorchDialect.LIST_UNPACK) {
            return true;
        }
        if (op.def() == TorchDialect.IF || op.def() == TorchDialect.LOOP) {
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    for (Operation inner : b.ops()) {
                        if (!inner.has(Trait.TERMINATOR) && !removable(inner)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
        var overloads = operators.overloads(op.name());
        return !overloads.isEmpty() && overloads.stream().noneMatch(s -> s.isMutable());
    }
}
