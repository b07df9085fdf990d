package kiln.lowering.torch;

import java.util.ArrayList;
import java.util.Collections;
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
import kiln.dialects.torch.scalar.ScalarFunction;
import kiln.dialects.torch.scalar.ScalarOps;
import kiln.dialects.torch.scalar.ScalarResults;
import kiln.dialects.torch.schema.Overloads;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.UnionType;
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
        if (op.numResults() == 0 || !op.regions().isEmpty()) {
            return false;
        }
        if (op.name().equals("aten::device") && op.numOperands() == 1 && op.numResults() == 1
                && op.result(0).type() == LeafType.DEVICE
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
                replaceWithConstants(op, List.of(v));
                return true;
            }
        }
        return foldScalarOp(op);
    }

    /**
     * Evaluates a scalar operator whose operands are all constants and whose results are all ints, floats, bools
     * or strings, by the overload it calls, in the interpreter's table; an op that raises is left to raise when
     * it runs.
     */
    private static boolean foldScalarOp(Operation op) {
        for (Value r : op.results()) {
            if (!isFoldable(r.type())) {
                return false;
            }
        }
        Object[] args = new Object[op.numOperands()];
        for (int i = 0; i < args.length; i++) {
            Value v = op.operand(i);
            Optional<Object> c = constantValue(v);
            if (c == null || c.isEmpty() && v.type() != LeafType.NONE) {
                return false;
            }
            args[i] = c.orElse(null);
        }
        Optional<ScalarFunction> f = Overloads.standard().resolve(op)
                .flatMap(s -> ScalarOps.standard().lookup(s.overloadedName()));
        if (f.isEmpty()) {
            return false;
        }
        Object result;
        try {
            result = f.get().apply(args);
        } catch (RuntimeException e) {
            return false; // a ScalarException (ZeroDivisionError, ValueError, ...): the op stays, to raise when it runs
        }
        List<Object> values = result instanceof ScalarResults several ? several.values()
                : Collections.singletonList(result);
        if (values.size() != op.numResults()) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!holds(op.result(i).type(), values.get(i))) {
                return false;
            }
        }
        replaceWithConstants(op, values);
        return true;
    }

    private static boolean isFoldable(Type t) {
        return t == LeafType.INT || t == LeafType.FLOAT || t == LeafType.BOOL || t == LeafType.STR;
    }

    /** Whether {@code value} is a value of the foldable type {@code t}. */
    private static boolean holds(Type t, Object value) {
        return switch (value) {
            case Long l -> t == LeafType.INT;
            case Double d -> t == LeafType.FLOAT;
            case Boolean b -> t == LeafType.BOOL;
            case String str -> t == LeafType.STR;
            case null, default -> false;
        };
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

    /** Replaces the results of {@code op} by constants of {@code values}, one per result. */
    private static void replaceWithConstants(Operation op, List<Object> values) {
        List<Value> constants = new ArrayList<>();
        for (Object value : values) {
            Operation c = switch (value) {
                case Boolean b -> Constants.bool(b);
                case Long l -> Constants.integer(l);
                case Double d -> Constants.floating(d);
                case String s -> Constants.string(s);
                default -> throw new IllegalStateException("unexpected constant " + value);
            };
            c.setLocation(op.location() == null ? Location.UNKNOWN : op.location());
            op.block().insertBefore(c, op);
            constants.add(c.result(0));
        }
        op.replaceWith(constants);
    }
}
