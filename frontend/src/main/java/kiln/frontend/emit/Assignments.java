package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.frontend.script.BinaryOperator;
import kiln.frontend.script.Expr;
import kiln.frontend.script.SourceRange;
import kiln.frontend.script.Stmt;

/** Assignments to names, attributes, subscripts and tuples of those; augmented assignment; {@code del}. */
final class Assignments {
    private final FunctionEmitter f;

    Assignments(FunctionEmitter f) {
        this.f = f;
    }

    void assign(Expr target, Sugared value, SourceRange where) {
        switch (target) {
            case Expr.Name n -> {
                if (value instanceof Sugared.Simple s) {
                    f.store(n.id(), s.value(), where);
                } else {
                    f.bindSugared(n.id(), value);
                }
            }
            case Expr.TupleLiteral t -> unpack(t.elements(), value, where);
            case Expr.ListLiteral l -> unpack(l.elements(), value, where);
            case Expr.Attribute a -> {
                Value obj = f.exprs.emitValue(a.value(), null);
                Value v = f.exprs.asValue(value, where);
                setAttr(obj, a.attr().name(), v, where);
            }
            case Expr.Subscript s -> setItem(s, f.exprs.asValue(value, where), where);
            default -> throw new CompileError(target.range(), "cannot assign to this expression");
        }
    }

    void setAttr(Value obj, String name, Value v, SourceRange where) {
        if (!(obj.type() instanceof kiln.dialects.torch.types.ClassType ct)) {
            throw new CompileError(where, "cannot set attribute '" + name + "' of a value of type "
                    + ((TorchType) obj.type()).annotationString());
        }
        ScriptClass cls = f.compiler.unit().classNamed(ct.qualifiedName()).orElse(null);
        Type declared = cls == null ? null : cls.attributes().get(name);
        if (declared == null && cls != null && !cls.isModule() && f.def.name().name().equals("__init__")
                && isSelf(obj)) {
            // a user class's attributes are the ones its __init__ assigns, with the types assigned
            cls.declareAttribute(name, (TorchType) v.type());
            declared = v.type();
        }
        if (declared == null) {
            throw new CompileError(where, "class '" + ct.qualifiedName() + "' has no attribute '" + name + "'");
        }
        if (!v.type().isSubtypeOf(declared)) {
            throw new CompileError(where, "Wrong type for attribute assignment. Expected "
                    + ((TorchType) declared).annotationString() + " but got "
                    + ((TorchType) v.type()).annotationString());
        }
        f.insert(TorchDialect.SET_ATTR, List.of(obj, v), List.of(), Map.of("name", new StringAttr(name)), where);
    }

    /** Whether {@code v} is the method's {@code self} (its first input, read through a load in frontend form). */
    private boolean isSelf(Value v) {
        if (v == f.graph.inputs().getFirst()) {
            return true;
        }
        Operation def = v.definingOp();
        return def != null && def.def() == TorchDialect.LOAD
                && def.attribute("name", StringAttr.class).value().equals(f.def.params().getFirst().name().name());
    }

    private void unpack(List<Expr> targets, Sugared value, SourceRange where) {
        List<Sugared> parts = new ArrayList<>();
        if (value instanceof Sugared.Tuple t) {
            parts.addAll(t.elements());
        } else {
            Value v = f.exprs.asValue(value, where);
            for (Value x : unpackValue(v, targets.size(), where)) {
                parts.add(new Sugared.Simple(x));
            }
        }
        if (parts.size() != targets.size()) {
            throw new CompileError(where, "cannot unpack " + parts.size() + " values into " + targets.size()
                    + " targets");
        }
        for (int i = 0; i < targets.size(); i++) {
            assign(targets.get(i), parts.get(i), where);
        }
    }

    List<Value> unpackValue(Value v, int expected, SourceRange where) {
        if (v.type() instanceof TupleType tt) {
            if (tt.elements().size() != expected) {
                throw new CompileError(where, "cannot unpack a tuple of " + tt.elements().size() + " elements into "
                        + expected + " targets");
            }
            Operation op = f.insert(TorchDialect.TUPLE_UNPACK, List.of(v), tt.elements(), Map.of(), where);
            return List.copyOf(op.results());
        }
        if (v.type() instanceof ListType lt) {
            Operation op = f.insert(TorchDialect.LIST_UNPACK, List.of(v),
                    java.util.Collections.nCopies(expected, lt.elementType()), Map.of(), where);
            return List.copyOf(op.results());
        }
        if (v.type().isSubtypeOf(TensorType.TENSOR)) {
            Value chunks = f.exprs.callBuiltin("aten::unbind", List.of(v), Map.of(), where);
            return unpackValue(chunks, expected, where);
        }
        throw new CompileError(where, "cannot unpack a value of type " + ((TorchType) v.type()).annotationString());
    }

    private void setItem(Expr.Subscript s, Value v, SourceRange where) {
        Value container = f.exprs.emitValue(s.value(), null);
        if (container.type() instanceof ListType || container.type() instanceof DictType) {
            if (s.indices().size() != 1) {
                throw new CompileError(where, "lists and dicts take one index");
            }
            Value key = f.exprs.emitValue(s.indices().getFirst(), null);
            f.exprs.callBuiltin("aten::_set_item", List.of(container, key, v), Map.of(), where);
            return;
        }
        if (container.type().isSubtypeOf(TensorType.TENSOR)) {
            Subscripts.Indexed target = new Subscripts(f).indexing(container, s.indices(), where);
            boolean tensor = v.type().isSubtypeOf(TensorType.TENSOR);
            if (target.tensorIndices() != null) {
                // advanced indexing: PyTorch emits index_put_ on the int/slice view, a number converted to a tensor
                Value values = tensor ? v : f.exprs.callBuiltin("prim::NumToTensor", List.of(v), Map.of(), where);
                f.exprs.callBuiltin("aten::index_put_", List.of(target.sliced(), target.tensorIndices(), values),
                        Map.of(), where);
                return;
            }
            f.exprs.callBuiltin(tensor ? "aten::copy_" : "aten::fill_", List.of(target.sliced(), v), Map.of(), where);
            return;
        }
        throw new CompileError(where, "cannot assign to an item of a value of type "
                + ((TorchType) container.type()).annotationString());
    }

    void augmented(Stmt.AugAssign a) {
        Value lhs = f.exprs.emitValue(a.target(), null);
        Value rhs = f.exprs.emitValue(a.value(), null);
        boolean inPlace = lhs.type().isSubtypeOf(TensorType.TENSOR) || lhs.type() instanceof ListType;
        String base = Operators.binary(a.op());
        if (inPlace) {
            String name = lhs.type() instanceof ListType && a.op() == BinaryOperator.ADD ? "aten::add_"
                    : base.startsWith("aten::__") ? base.replace("aten::__", "aten::__i") : base + "_";
            f.exprs.callBuiltin(name, List.of(lhs, rhs), Map.of(), a.range());
            if (a.target() instanceof Expr.Name) {
                return;
            }
            assign(a.target(), new Sugared.Simple(lhs), a.range());
            return;
        }
        Value result = f.exprs.callBuiltin(base, List.of(lhs, rhs), Map.of(), a.range());
        assign(a.target(), new Sugared.Simple(result), a.range());
    }

    void delete(Stmt.Delete d) {
        for (Expr target : d.targets()) {
            if (target instanceof Expr.Subscript s && s.indices().size() == 1) {
                Value container = f.exprs.emitValue(s.value(), null);
                Value key = f.exprs.emitValue(s.indices().getFirst(), null);
                f.exprs.callBuiltin("aten::Delete", List.of(container, key), Map.of(), d.range());
            } else if (target instanceof Expr.Name n) {
                f.env.markUndefined(n.id(), n.id() + " was deleted");
            } else {
                throw new CompileError(target.range(), "cannot delete this expression");
            }
        }
    }
}
