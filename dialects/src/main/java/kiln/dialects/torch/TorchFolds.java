package kiln.dialects.torch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.UnitAttr;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.scalar.ScalarFunction;
import kiln.dialects.torch.scalar.ScalarOps;
import kiln.dialects.torch.scalar.ScalarResults;
import kiln.dialects.torch.schema.Overloads;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.UnionType;

/**
 * The fold hook of the torch dialect's operator ops ({@link Folder}): a scalar operator (on ints, floats, bools and
 * strings) whose operands are all constants evaluates, by the overload it calls, in the very table the interpreter's
 * kernels run ({@link ScalarOps}) — so folding and running agree by construction; an evaluation that raises does not
 * fold (the op raises when it runs). Besides: {@code x is None} / {@code x is not None} decided by x's type, and a
 * device named by a constant string. Constant propagation and canonicalization both fold through here.
 */
public final class TorchFolds {
    /** The fold hook itself, as operator ops declare it. */
    public static final Folder FOLDER = TorchFolds::fold;

    private TorchFolds() {
    }

    /** Folds {@code op} given its operands' constant values (null where not constant, {@link UnitAttr} for None). */
    public static Optional<List<Folder.Result>> fold(Operation op, List<Attribute> constants) {
        if (op.numResults() == 0 || !op.regions().isEmpty()) {
            return Optional.empty();
        }
        if ((op.name().equals("aten::__is__") || op.name().equals("aten::__isnot__")) && op.numOperands() == 2) {
            Optional<Boolean> isNone = decideIsNone(op.operand(0), op.operand(1));
            if (isNone.isPresent()) {
                return Folder.to(bool(op.name().equals("aten::__is__") == isNone.get()));
            }
        }
        if (op.name().equals("aten::device") && op.numOperands() == 1 && op.result(0).type() == LeafType.DEVICE
                && op.operand(0).type() == LeafType.STR && constants.getFirst() instanceof StringAttr s) {
            return Folder.to(s);
        }
        return scalar(op, constants);
    }

    private static Optional<List<Folder.Result>> scalar(Operation op, List<Attribute> constants) {
        for (Value r : op.results()) {
            if (!isScalar(r.type())) {
                return Optional.empty();
            }
        }
        Object[] args = new Object[op.numOperands()];
        for (int i = 0; i < args.length; i++) {
            Attribute c = constants.get(i);
            Type t = op.operand(i).type();
            if (c == null) {
                return Optional.empty();
            }
            if (c == UnitAttr.UNIT && t == LeafType.NONE) {
                args[i] = null;
                continue;
            }
            Object v = value(c, t);
            if (v == null) {
                return Optional.empty();
            }
            args[i] = v;
        }
        Optional<ScalarFunction> f = Overloads.standard().resolve(op)
                .flatMap(s -> ScalarOps.standard().lookup(s.overloadedName()));
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Object result;
        try {
            result = f.get().apply(args);
        } catch (RuntimeException e) {
            return Optional.empty(); // ZeroDivisionError, ValueError, …: the op stays, to raise when it runs
        }
        List<Object> values = result instanceof ScalarResults several ? several.values()
                : Collections.singletonList(result);
        if (values.size() != op.numResults()) {
            return Optional.empty();
        }
        List<Folder.Result> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Attribute a = attribute(op.result(i).type(), values.get(i));
            if (a == null) {
                return Optional.empty();
            }
            out.add(Folder.Result.of(a));
        }
        return Optional.of(out);
    }

    private static boolean isScalar(Type t) {
        return t == LeafType.INT || t == LeafType.FLOAT || t == LeafType.BOOL || t == LeafType.STR;
    }

    /** The value a constant attribute holds for a value of type {@code t}, or null when it is not a scalar one. */
    private static Object value(Attribute a, Type t) {
        return switch (a) {
            case IntAttr i when t == LeafType.BOOL -> i.value() != 0;
            case IntAttr i when t == LeafType.INT -> i.value();
            case FloatAttr x when t == LeafType.FLOAT -> x.value();
            case StringAttr s when t == LeafType.STR -> s.value();
            default -> null;
        };
    }

    /** The constant attribute of {@code value} for a result of type {@code t}, or null when it is not one. */
    private static Attribute attribute(Type t, Object value) {
        return switch (value) {
            case Long l when t == LeafType.INT -> new IntAttr(l);
            case Double d when t == LeafType.FLOAT -> new FloatAttr(d);
            case Boolean b when t == LeafType.BOOL -> bool(b);
            case String s when t == LeafType.STR -> new StringAttr(s);
            case null, default -> null;
        };
    }

    private static Attribute bool(boolean b) {
        return new IntAttr(b ? 1 : 0);
    }

    /** Whether the tested value is None, when its type decides it: None always is, non-optional never is. */
    static Optional<Boolean> decideIsNone(Value a, Value b) {
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
}
