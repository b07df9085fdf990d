package kiln.lowering.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.UnitAttr;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Constants;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.TorchFolds;
import kiln.dialects.torch.scalar.ScalarOps;
import kiln.dialects.torch.schema.Overloads;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * PyTorch's ConstantPropagationImmutableTypes with the peephole folds it relies on: scalar operators whose
 * inputs are all constants of immutable types (int, float, bool, str, None) and whose results are ints, floats,
 * bools or strs become constants, evaluated by the overload the op calls ({@link Overloads}) in the table the
 * interpreter runs ({@link ScalarOps}), so a folded value is the one the op would produce at run time and an op
 * that would raise stays to raise; {@code x is None} is decided when x cannot be None; an {@code unchecked_cast}
 * to a type the value already has disappears; an if with a constant condition is replaced by the branch taken; a
 * loop that cannot start is replaced by its initial values.
 */
public final class ConstantPropagationPass implements Pass {
    public static final String NAME = "constant-propagation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "fold scalar ops on constants, decided 'is None' tests, constant ifs and loops that never run";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        boolean changed = false;
        // folding an if exposes its branch's ops to more folding: repeat until nothing changes
        for (int round = 0; round < 32; round++) {
            boolean again = false;
            for (Block b : root.blocks()) {
                again |= block(b, context);
            }
            changed |= again;
            if (!again) {
                break;
            }
        }
        return changed;
    }

    private boolean block(Block b, PassContext context) {
        boolean changed = false;
        for (Operation op : b.opsSnapshot()) {
            if (op.block() == null) {
                continue;
            }
            if (op.def() == TorchDialect.IF) {
                Optional<Boolean> cond = Constants.asBool(op.operand(0));
                if (cond.isPresent()) {
                    inlineBranch(op, cond.get() ? 0 : 1);
                    context.count(this, "ifs-folded", 1);
                    changed = true;
                    continue;
                }
            }
            if (op.def() == TorchDialect.LOOP && neverRuns(op)) {
                op.replaceWith(List.copyOf(op.operands().subList(2, op.numOperands())));
                context.count(this, "loops-removed", 1);
                changed = true;
                continue;
            }
            for (Region r : op.regions()) {
                if (!op.has(kiln.dialects.ir.Trait.ISOLATED_FROM_ABOVE)) {
                    for (Block nested : r.blocks()) {
                        changed |= block(nested, context);
                    }
                }
            }
            if (fold(op)) {
                context.count(this, "ops-folded", 1);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean neverRuns(Operation loop) {
        Optional<Boolean> start = Constants.asBool(loop.operand(1));
        Optional<Long> trips = Constants.definingConstant(loop.operand(0)).map(c -> c.attribute("value", IntAttr.class))
                .map(IntAttr::value);
        return start.map(s -> !s).orElse(false) || trips.map(t -> t <= 0).orElse(false);
    }

    /** Replaces an if by the ops of one branch, moved before it. */
    private static void inlineBranch(Operation ifOp, int branch) {
        Block taken = ifOp.region(branch).entry();
        List<Value> outs = List.copyOf(BlockOutputs.outputs(taken));
        BlockOutputs.inlineBefore(ifOp, taken);
        ifOp.replaceWith(outs);
    }

    private static boolean fold(Operation op) {
        if (op.def() == TorchDialect.UNCHECKED_CAST && op.operand(0).type().isSubtypeOf(op.result(0).type())) {
            // peephole: a cast to a type the value already has
            op.replaceWith(List.of(op.operand(0)));
            return true;
        }
        if (op.def().getInterface(Folder.class).filter(f -> f == TorchFolds.FOLDER).isEmpty()) {
            return false;
        }
        List<Attribute> constants = new ArrayList<>();
        for (Value v : op.operands()) {
            constants.add(Constants.definingConstant(v).map(c -> c.attribute("value") == null ? (Attribute) UnitAttr.UNIT
                    : c.attribute("value")).orElse(null));
        }
        Optional<List<Folder.Result>> folded = TorchFolds.fold(op, constants);
        if (folded.isEmpty()) {
            return false;
        }
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < op.numResults(); i++) {
            switch (folded.get().get(i)) {
                case Folder.Result.Existing e -> values.add(e.value());
                case Folder.Result.Constant k -> {
                    Operation c = Constants.of(op.result(i).type(), k.value(), op.location());
                    op.block().insertBefore(c, op);
                    values.add(c.result(0));
                }
            }
        }
        op.replaceWith(values);
        return true;
    }

}
