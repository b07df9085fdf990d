package kiln.frontend.emit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.UnionType;
import kiln.frontend.script.BoolOperator;
import kiln.frontend.script.CompareOperator;
import kiln.frontend.script.Expr;
import kiln.frontend.script.UnaryOperator;

/**
 * Conditions of {@code if}/{@code while}/{@code assert}: a bool value, or a value known at compile time
 * ({@code x is None} where x cannot be None, or is always None), plus the type refinements each branch gets
 * ({@code x is not None} makes an {@code Optional[T]} variable a {@code T}).
 */
final class Conditions {
    private final FunctionEmitter f;

    Conditions(FunctionEmitter f) {
        this.f = f;
    }

    /** A refinement: inside a branch, variable {@code name} has the narrower type {@code type}. */
    record Refinement(String name, TorchType type) {
    }

    record Cond(Value value, Optional<Boolean> known, List<Refinement> ifTrue, List<Refinement> ifFalse) {
        boolean isStatic() {
            return known.isPresent();
        }

        boolean staticValue() {
            return known.orElseThrow();
        }

        void refineTrue(FunctionEmitter f) {
            apply(f, ifTrue);
        }

        void refineFalse(FunctionEmitter f) {
            apply(f, ifFalse);
        }

        private static void apply(FunctionEmitter f, List<Refinement> refinements) {
            for (Refinement r : refinements) {
                Value current = f.exprs.asValue(f.lookup(r.name(), null).orElseThrow(), null);
                Operation cast = f.insert(TorchDialect.UNCHECKED_CAST, List.of(current), List.of(r.type()), Map.of(),
                        null);
                f.env.define(r.name(), r.type());
                f.store(r.name(), cast.result(0), null);
            }
        }

        Cond not(FunctionEmitter f) {
            Value v = isStatic() ? null : f.exprs.callBuiltin("aten::__not__", List.of(value), Map.of(), null);
            return new Cond(v, known.map(b -> !b), ifFalse, ifTrue);
        }
    }

    Cond emit(Expr test) {
        switch (test) {
            case Expr.Unary u when u.op() == UnaryOperator.NOT -> {
                return emit(u.operand()).not(f);
            }
            case Expr.Compare c when c.ops().size() == 1
                    && (c.ops().getFirst() == CompareOperator.IS || c.ops().getFirst() == CompareOperator.IS_NOT) -> {
                Cond is = isNone(c, c.ops().getFirst() == CompareOperator.IS);
                if (is != null) {
                    return is;
                }
            }
            case Expr.BoolOp b -> {
                Cond left = emit(b.left());
                if (left.isStatic()) {
                    boolean l = left.staticValue();
                    if (b.op() == BoolOperator.AND ? !l : l) {
                        return left;
                    }
                    return emit(b.right());
                }
                Value v = f.exprs.emitValue(b, LeafType.BOOL);
                return new Cond(v, Optional.empty(), b.op() == BoolOperator.AND ? left.ifTrue : List.of(),
                        b.op() == BoolOperator.OR ? left.ifFalse : List.of());
            }
            case Expr.BoolLiteral lit -> {
                return new Cond(null, Optional.of(lit.value()), List.of(), List.of());
            }
            case Expr.Call c when c.func() instanceof Expr.Name n && n.id().equals("isinstance")
                    && f.lookupLocalOnly("isinstance").isEmpty() -> {
                return isInstance(c);
            }
            default -> {
            }
        }
        Value v = f.exprs.emitValue(test, null);
        return new Cond(toBool(v, test), Optional.empty(), List.of(), List.of());
    }

    /**
     * {@code isinstance(x, T)}: decided at compile time when x's type settles it (then only the branch taken is
     * compiled, which overload bodies rely on); otherwise a {@code prim::isinstance} test that refines a variable
     * x to T in the true branch and, for an {@code Optional[T]}, to None in the false branch.
     */
    private Cond isInstance(Expr.Call call) {
        if (call.args().size() != 2 || call.args().get(1) instanceof Expr.TupleLiteral) {
            boolean is = f.exprs.calls.isInstance(call.args(), call.range());
            return new Cond(null, Optional.of(is), List.of(), List.of());
        }
        Value v = f.exprs.emitValue(call.args().get(0), null);
        TorchType t = f.compiler.types().resolve(call.args().get(1));
        if (v.type().isSubtypeOf(t)) {
            return new Cond(null, Optional.of(true), List.of(), List.of());
        }
        if (!t.isSubtypeOf(v.type()) && v.type() != LeafType.ANY) {
            return new Cond(null, Optional.of(false), List.of(), List.of());
        }
        Operation test = f.insert(TorchDialect.ISINSTANCE, List.of(v), List.of(LeafType.BOOL),
                Map.of("types", kiln.dialects.ir.ListAttr.of(List.of(new kiln.dialects.ir.TypeAttr(t)))),
                call.range());
        List<Refinement> yes = List.of();
        List<Refinement> no = List.of();
        if (call.args().get(0) instanceof Expr.Name n) {
            yes = List.of(new Refinement(n.id(), t));
            if (v.type() instanceof OptionalType o && o.elementType().equals(t)) {
                no = List.of(new Refinement(n.id(), LeafType.NONE));
            }
        }
        return new Cond(test.result(0), Optional.empty(), yes, no);
    }

    /**
     * {@code x is None} ({@code aten::__is__}) or {@code x is not None} ({@code aten::__isnot__}) for a None literal
     * on the right; null when not that shape.
     */
    private Cond isNone(Expr.Compare c, boolean is) {
        Expr lhs = c.left();
        Expr rhs = c.comparators().getFirst();
        if (!(rhs instanceof Expr.NoneLiteral)) {
            return null;
        }
        Value v = f.exprs.emitValue(lhs, null);
        Type t = v.type();
        if (t == LeafType.NONE) {
            return new Cond(null, Optional.of(is), List.of(), List.of());
        }
        boolean mayBeNone = t instanceof OptionalType || t == LeafType.ANY
                || (t instanceof UnionType u && u.types().contains(LeafType.NONE));
        if (!mayBeNone) {
            return new Cond(null, Optional.of(!is), List.of(), List.of());
        }
        Value none = f.exprs.none(c.range());
        Value test = f.exprs.callBuiltin(is ? "aten::__is__" : "aten::__isnot__", List.of(v, none), Map.of(),
                c.range());
        List<Refinement> notNone = List.of();
        if (lhs instanceof Expr.Name n && t instanceof OptionalType o) {
            notNone = List.of(new Refinement(n.id(), o.elementType()));
        }
        return is ? new Cond(test, Optional.empty(), List.of(), notNone)
                : new Cond(test, Optional.empty(), notNone, List.of());
    }

    Value toBool(Value v, Expr where) {
        if (v.type() == LeafType.BOOL) {
            return v;
        }
        if (v.type().isSubtypeOf(TensorType.TENSOR) || v.type() == LeafType.INT || v.type() == LeafType.FLOAT
                || v.type() == LeafType.STR || v.type() instanceof kiln.dialects.torch.types.ListType) {
            return f.exprs.callBuiltin("aten::Bool", List.of(v), Map.of(), where.range());
        }
        throw new CompileError(where.range(), "expected a bool expression for the condition but found type "
                + ((TorchType) v.type()).annotationString());
    }
}
