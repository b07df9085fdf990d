package kiln.lowering.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Constants;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.UnionType;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * PyTorch's ConstantPropagationImmutableTypes with the peephole folds it relies on: scalar operators whose
 * inputs are all constants of immutable types (int, float, bool, str, None) become constants; {@code x is None}
 * is decided when x cannot be None; an {@code unchecked_cast} to a type the value already has disappears; an if
 * with a constant condition is replaced by the branch taken; a loop that cannot start is replaced by its initial
 * values.
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
        if (op.numResults() != 1 || !op.regions().isEmpty() || !op.name().startsWith("aten::")) {
            return false;
        }
        if (op.name().equals("aten::device") && op.numOperands() == 1 && op.result(0).type() == LeafType.DEVICE
                && constantValue(op.operand(0)) instanceof Optional<Object> s && s.orElse(null) instanceof String d) {
            // a device named by a constant string is a Device constant
            Operation c = Constants.of(LeafType.DEVICE, new StringAttr(d), op.location());
            op.block().insertBefore(c, op);
            op.replaceWith(List.of(c.result(0)));
            return true;
        }
        if (op.name().equals("aten::__is__") || op.name().equals("aten::__isnot__")) {
            Optional<Boolean> decided = decideIsNone(op);
            if (decided.isPresent()) {
                boolean v = op.name().equals("aten::__is__") == decided.get();
                replaceWithConstant(op, v);
                return true;
            }
        }
        List<Object> args = new ArrayList<>();
        for (Value v : op.operands()) {
            Optional<Object> c = constantValue(v);
            if (c == null || c.isEmpty() && v.type() != LeafType.NONE) {
                return false;
            }
            args.add(c.orElse(null));
        }
        Type out = op.result(0).type();
        if (!(out == LeafType.INT || out == LeafType.FLOAT || out == LeafType.BOOL || out == LeafType.STR)) {
            return false;
        }
        Optional<Object> result = ScalarEvaluator.evaluate(op.name(), args);
        if (result.isEmpty()) {
            return false;
        }
        Object r = result.get();
        if ((out == LeafType.INT && !(r instanceof Long)) || (out == LeafType.FLOAT && !(r instanceof Double))
                || (out == LeafType.BOOL && !(r instanceof Boolean)) || (out == LeafType.STR && !(r instanceof String))) {
            return false;
        }
        replaceWithConstant(op, r);
        return true;
    }

    /** Whether the tested value is None, when its type decides it: None always is, non-optional never is. */
    private static Optional<Boolean> decideIsNone(Operation op) {
        Value a = op.operand(0);
        Value b = op.operand(1);
        Value other = a.type() == LeafType.NONE ? b : b.type() == LeafType.NONE ? a : null;
        if (other == null) {
            return Optional.empty();
        }
        Type t = other.type();
        if (t == LeafType.NONE) {
            return Optional.of(true);
        }
        boolean mayBeNone = t instanceof OptionalType || t == LeafType.ANY
                || (t instanceof UnionType u && u.types().contains(LeafType.NONE));
        return mayBeNone ? Optional.empty() : Optional.of(false);
    }

    /** The constant's value (Optional.empty() for None), or null when {@code v} is not a scalar constant. */
    private static Optional<Object> constantValue(Value v) {
        Optional<Operation> c = Constants.definingConstant(v);
        if (c.isEmpty()) {
            return null;
        }
        Attribute a = c.get().attribute("value");
        if (a == null) {
            return v.type() == LeafType.NONE ? Optional.empty() : null;
        }
        return switch (a) {
            case IntAttr i when v.type() == LeafType.BOOL -> Optional.of(i.value() != 0);
            case IntAttr i when v.type() == LeafType.INT -> Optional.of(i.value());
            case FloatAttr x when v.type() == LeafType.FLOAT -> Optional.of(x.value());
            case StringAttr s when v.type() == LeafType.STR -> Optional.of(s.value());
            default -> null;
        };
    }

    private static void replaceWithConstant(Operation op, Object value) {
        Operation c = switch (value) {
            case Boolean b -> Constants.bool(b);
            case Long l -> Constants.integer(l);
            case Double d -> Constants.floating(d);
            case String s -> Constants.string(s);
            default -> throw new IllegalStateException("unexpected constant " + value);
        };
        c.setLocation(op.location() == null ? Location.UNKNOWN : op.location());
        op.block().insertBefore(c, op);
        op.replaceWith(List.of(c.result(0)));
    }
}
