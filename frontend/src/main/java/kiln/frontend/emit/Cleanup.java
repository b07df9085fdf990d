package kiln.frontend.emit;

import java.util.List;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.TupleType;
import kiln.lowering.PassContext;
import kiln.lowering.torch.ConstantPoolingPass;

/**
 * The clean-up TorchScript runs on every freshly compiled graph (ir_emitter.cpp: NormalizeOps, then
 * runCleanupPasses): operator aliases are normalized, tuples built only to be taken apart again are lowered away,
 * constants are propagated, dead code is removed, and constants are pooled.
 */
final class Cleanup {
    private Cleanup() {
    }

    private static final java.util.Set<String> SIDE_EFFECTS = java.util.Set.of("aten::warn", "aten::save",
            "aten::manual_seed", "prim::Print", "prim::RaiseException", "prim::SetAttr", "prim::CallFunction",
            "prim::CallMethod", "prim::Enter", "prim::Exit");

    static void run(Graph g, kiln.dialects.torch.schema.OperatorRegistry operators) {
        PassContext context = new PassContext(TorchDialect.registry());
        new kiln.lowering.torch.NormalizeOpsPass(TorchDialect.registry()).run(g.region(), context);
        lowerSimpleTuples(g.block());
        new kiln.lowering.torch.ConstantPropagationPass().run(g.region(), context);
        // the exit transforms always leave constant conditions behind, so PyTorch's constant propagation always
        // changes something here and runs dead code elimination after it
        eliminateDeadCode(g.block(), operators);
        new ConstantPoolingPass().run(g.region(), context);
    }

    /**
     * What PyTorch does to a callee before inlining it (GraphFunction::optimized_graph, preoptimizeGraph) and
     * at the end of compilation: constant propagation on immutable types (followed, when it changed anything, by
     * dead code removal, as PyTorch's does), then constant pooling.
     */
    static void optimize(Graph g, kiln.dialects.torch.schema.OperatorRegistry operators) {
        PassContext context = new PassContext(TorchDialect.registry());
        if (new kiln.lowering.torch.ConstantPropagationPass().run(g.region(), context)) {
            eliminateDeadCode(g.block(), operators);
        }
        new ConstantPoolingPass().run(g.region(), context);
    }

    /** {@code TupleUnpack(TupleConstruct(xs))} is {@code xs}; {@code TupleIndex(TupleConstruct(xs), i)} is {@code xs[i]}. */
    static void lowerSimpleTuples(Block block) {
        for (Operation op : block.opsSnapshot()) {
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    lowerSimpleTuples(b);
                }
            }
            if (op.def() == TorchDialect.TUPLE_UNPACK && op.operand(0).definingOp() != null
                    && op.operand(0).definingOp().def() == TorchDialect.TUPLE_CONSTRUCT
                    && op.operand(0).definingOp().numOperands() == op.numResults()) {
                Operation construct = op.operand(0).definingOp();
                op.replaceWith(List.copyOf(construct.operands()));
            } else if (op.def() == TorchDialect.TUPLE_INDEX && op.operand(0).definingOp() != null
                    && op.operand(0).definingOp().def() == TorchDialect.TUPLE_CONSTRUCT
                    && kiln.dialects.torch.Constants.definingConstant(op.operand(1)).isPresent()) {
                Operation construct = op.operand(0).definingOp();
                long i = kiln.dialects.torch.Constants.definingConstant(op.operand(1)).get()
                        .attribute("value", kiln.dialects.ir.IntAttr.class).value();
                int n = construct.numOperands();
                op.replaceWith(List.of(construct.operand((int) (i < 0 ? i + n : i))));
            }
        }
    }

    /** Removes unused ops that have no effects: pure ops, and prim ops that only build or read values. */
    static void eliminateDeadCode(Block block, kiln.dialects.torch.schema.OperatorRegistry operators) {
        List<Operation> ops = block.opsSnapshot();
        for (int i = ops.size() - 1; i >= 0; i--) {
            Operation op = ops.get(i);
            if (op.def() == TorchDialect.IF) {
                eraseUnusedOutputs(op);
            }
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    eliminateDeadCode(b, operators);
                }
            }
            if (op.has(Trait.TERMINATOR) || op.results().stream().anyMatch(Value::hasUses)) {
                continue;
            }
            if (removable(op, operators)) {
                op.erase();
            }
        }
    }

    /** An if's outputs nothing reads are dropped, with what each branch returns for them (as PyTorch's DCE does). */
    private static void eraseUnusedOutputs(Operation ifOp) {
        for (int i = ifOp.numResults() - 1; i >= 0; i--) {
            if (!ifOp.result(i).hasUses()) {
                for (Region r : ifOp.regions()) {
                    kiln.dialects.torch.BlockOutputs.erase(r.entry(), i);
                }
                ifOp.eraseResult(i);
            }
        }
    }

    /** Whether an unused op can go: no side effects, no writes to its operands (per the operator's schemas). */
    static boolean removable(Operation op, kiln.dialects.torch.schema.OperatorRegistry operators) {
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
            return regionsRemovable(op, operators);
        }
        var overloads = operators.overloads(op.name());
        return !overloads.isEmpty() && overloads.stream().noneMatch(s -> s.isMutable());
    }

    private static boolean regionsRemovable(Operation op, kiln.dialects.torch.schema.OperatorRegistry operators) {
        for (Region r : op.regions()) {
            for (Block b : r.blocks()) {
                for (Operation inner : b.ops()) {
                    if (!inner.has(Trait.TERMINATOR) && !removable(inner, operators)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    static boolean isTuple(Value v) {
        return v.type() instanceof TupleType;
    }
}
