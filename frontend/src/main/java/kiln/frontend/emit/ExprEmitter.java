package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.ListAttr;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.schema.DefaultValue;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.ScalarType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.dialects.torch.types.TypeUnifier;
import kiln.frontend.script.BoolOperator;
import kiln.frontend.script.CompareOperator;
import kiln.frontend.script.Expr;
import kiln.frontend.script.SourceRange;
import kiln.frontend.script.UnaryOperator;

/** Expressions: names, literals, attributes, operators, containers; calls go to {@link Calls}. */
final class ExprEmitter {
    final FunctionEmitter f;
    final Calls calls;

    ExprEmitter(FunctionEmitter f) {
        this.f = f;
        this.calls = new Calls(f, this);
    }

    Value emitValue(Expr e, TorchType hint) {
        return asValue(emit(e, hint), e.range());
    }

    Sugared emit(Expr e, TorchType hint) {
        return switch (e) {
            case Expr.Name n -> name(n);
            case Expr.IntLiteral i -> simple(constantInt(longValue(i), e.range()));
            case Expr.FloatLiteral x -> simple(constant(LeafType.FLOAT, new FloatAttr(x.value()), e.range()));
            case Expr.StringLiteral s -> simple(constantString(s.value(), e.range()));
            case Expr.BoolLiteral b -> simple(constantBool(b.value(), e.range()));
            case Expr.NoneLiteral n -> simple(none(e.range()));
            case Expr.Attribute a -> attribute(emit(a.value(), null), a.attr().name(), a.range());
            case Expr.Call c -> calls.call(emit(c.func(), null), c.args(), c.keywords(), c.range(), hint);
            case Expr.Subscript s -> new Subscripts(f).emit(s);
            case Expr.Binary b -> simple(callBuiltin(Operators.binary(b.op()),
                    List.of(emitValue(b.left(), null), emitValue(b.right(), null)), Map.of(), b.range()));
            case Expr.Unary u -> simple(unary(u));
            case Expr.Compare c -> simple(compare(c));
            case Expr.BoolOp b -> simple(boolOp(b));
            case Expr.IfExp i -> simple(ifExp(i, hint));
            case Expr.ListLiteral l -> simple(listLiteral(l, hint));
            case Expr.TupleLiteral t -> tupleLiteral(t, hint);
            case Expr.DictLiteral d -> simple(dictLiteral(d, hint));
            case Expr.ListComp lc -> simple(new Comprehensions(f).list(lc, hint));
            case Expr.DictComp dc -> simple(new Comprehensions(f).dict(dc, hint));
            default -> throw new CompileError(e.range(), "unsupported expression");
        };
    }

    private static Sugared simple(Value v) {
        return new Sugared.Simple(v);
    }

    private static long longValue(Expr.IntLiteral i) {
        try {
            return i.value().longValueExact();
        } catch (ArithmeticException ex) {
            throw new CompileError(i.range(), "integer literal out of the range of a 64-bit int");
        }
    }

    Value asValue(Sugared s, SourceRange where) {
        return switch (s) {
            case Sugared.Simple v -> v.value();
            case Sugared.Tuple t -> {
                List<Value> vs = new ArrayList<>();
                for (Sugared e : t.elements()) {
                    vs.add(asValue(e, where));
                }
                yield tuple(vs, where);
            }
            case Sugared.Function fn when f.compiler.unit().overloads(fn.qualifiedName()).isPresent() ->
                    throw new CompileError(where, "Function " + fn.qualifiedName() + " cannot be directly compiled "
                            + "because it is overloaded. It must be used in a context of a function where its inputs "
                            + "can determine which overload to call.");
            case Sugared.Function fn -> {
                Operation c = f.insert(TorchDialect.CONSTANT, List.of(), List.of(LeafType.FUNCTION),
                        Map.of("name", new StringAttr(shortName(fn.qualifiedName()))), where);
                f.compiler.functionConstants.put(c, fn.qualifiedName());
                yield c.result(0);
            }
            default -> throw new CompileError(where, "'" + describe(s) + "' cannot be used as a value");
        };
    }

    static String shortName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static String describe(Sugared s) {
        return switch (s) {
            case Sugared.Builtin b -> b.opName();
            case Sugared.Namespace n -> n.path();
            case Sugared.Method m -> m.name();
            case Sugared.ClassRef c -> c.cls().name();
            case Sugared.Special sp -> sp.name();
            default -> s.toString();
        };
    }

    // ---- names and attributes

    private Sugared name(Expr.Name n) {
        Optional<Sugared> local = f.lookup(n.id(), n.range());
        if (local.isPresent()) {
            return local.get();
        }
        return Globals.resolve(n.id(), f, n.range());
    }

    Sugared attribute(Sugared base, String name, SourceRange where) {
        return switch (base) {
            case Sugared.Namespace ns -> Globals.member(ns.path(), name, f, where);
            case Sugared.Simple s -> Attributes.of(f, s.value(), name, where);
            case Sugared.ClassRef c when name.equals("__new__") -> new Sugared.Special("new:" + c.cls().name());
            case Sugared.ClassRef c -> throw new CompileError(where, "class attribute '" + name + "' is not supported");
            default -> throw new CompileError(where, "'" + describe(base) + "' has no attribute '" + name + "'");
        };
    }

    // ---- constants and containers

    Value constant(TorchType type, Attribute value, SourceRange where) {
        Operation c = f.insert(TorchDialect.CONSTANT, List.of(), List.of(type),
                value == null ? Map.of() : Map.of("value", value), where);
        return c.result(0);
    }

    Value constantInt(long v, SourceRange where) {
        return constant(LeafType.INT, new IntAttr(v), where);
    }

    Value constantBool(boolean v, SourceRange where) {
        return constant(LeafType.BOOL, new IntAttr(v ? 1 : 0), where);
    }

    Value constantString(String v, SourceRange where) {
        return constant(LeafType.STR, new StringAttr(v), where);
    }

    Value none(SourceRange where) {
        return constant(LeafType.NONE, null, where);
    }

    /** A schema default as the constant TorchScript inserts for it. */
    Value constant(DefaultValue d, TorchType type, SourceRange where) {
        return switch (d) {
            case DefaultValue.None n -> none(where);
            case DefaultValue.IntValue i -> type == LeafType.BOOL ? constantBool(i.value() != 0, where)
                    : constantInt(i.value(), where);
            case DefaultValue.FloatValue x -> constant(LeafType.FLOAT, new FloatAttr(x.value()), where);
            case DefaultValue.BoolValue b -> constantBool(b.value(), where);
            case DefaultValue.StrValue s -> constantString(s.value(), where);
            case DefaultValue.IntListValue l -> constant(ListType.INTS, l.values().isEmpty()
                    ? new ListAttr(List.of(), LeafType.INT)
                    : ListAttr.of(l.values().stream().map(IntAttr::new).toList()), where);
            case DefaultValue.FloatListValue l -> constant(ListType.FLOATS, l.values().isEmpty()
                    ? new ListAttr(List.of(), LeafType.FLOAT)
                    : ListAttr.of(l.values().stream().map(FloatAttr::new).toList()), where);
            case DefaultValue.BoolListValue l -> constant(ListType.BOOLS, l.values().isEmpty()
                    ? new ListAttr(List.of(), LeafType.BOOL)
                    : ListAttr.of(l.values().stream().map(BoolAttr::new).toList()), where);
            case DefaultValue.ComplexValue c -> throw new CompileError(where, "complex defaults are not supported yet");
        };
    }

    Value list(TorchType elementType, List<Value> elements, SourceRange where) {
        return f.insert(TorchDialect.LIST_CONSTRUCT, elements, List.of(ListType.of(elementType)), Map.of(), where)
                .result(0);
    }

    Value tuple(List<Value> elements, SourceRange where) {
        List<TorchType> types = elements.stream().map(v -> (TorchType) v.type()).toList();
        return f.insert(TorchDialect.TUPLE_CONSTRUCT, elements, List.of(TupleType.of(types)), Map.of(), where)
                .result(0);
    }

    private Value listLiteral(Expr.ListLiteral l, TorchType hint) {
        TorchType elemHint = hint instanceof ListType lt ? lt.elementType()
                : hint instanceof OptionalType o && o.elementType() instanceof ListType lt2 ? lt2.elementType() : null;
        List<Value> values = new ArrayList<>();
        for (Expr e : l.elements()) {
            values.add(emitValue(e, elemHint));
        }
        TorchType elem = elemHint;
        if (elem == null) {
            if (values.isEmpty()) {
                elem = TensorType.TENSOR;
            } else {
                var u = TypeUnifier.unifyList(values.stream().map(v -> (TorchType) v.type()).toList(), false, null);
                elem = u.type().orElseThrow(() -> new CompileError(l.range(), "list elements have different types: "
                        + u.whyNot()));
            }
        }
        for (Value v : values) {
            if (!v.type().isSubtypeOf(elem)) {
                throw new CompileError(l.range(), "list element of type " + ((TorchType) v.type()).annotationString()
                        + " does not match the list's element type " + elem.annotationString());
            }
        }
        return list(elem, values, l.range());
    }

    private Sugared tupleLiteral(Expr.TupleLiteral t, TorchType hint) {
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < t.elements().size(); i++) {
            TorchType h = hint instanceof TupleType tt && i < tt.elements().size() ? tt.elements().get(i) : null;
            values.add(emitValue(t.elements().get(i), h));
        }
        return simple(tuple(values, t.range()));
    }

    private Value dictLiteral(Expr.DictLiteral d, TorchType hint) {
        List<Value> operands = new ArrayList<>();
        TorchType k = hint instanceof DictType dt ? dt.keyType() : null;
        TorchType v = hint instanceof DictType dt2 ? dt2.valueType() : null;
        for (int i = 0; i < d.keys().size(); i++) {
            Value key = emitValue(d.keys().get(i), k);
            Value val = emitValue(d.values().get(i), v);
            operands.add(key);
            operands.add(val);
            if (k == null) {
                k = (TorchType) key.type();
            }
            if (v == null) {
                v = (TorchType) val.type();
            } else if (hint == null) {
                TorchType vv = v;
                v = TypeUnifier.unify(vv, (TorchType) val.type()).orElseThrow(() -> new CompileError(d.range(),
                        "dict values have different types"));
            }
        }
        DictType type = DictType.of(k == null ? LeafType.STR : k, v == null ? TensorType.TENSOR : v);
        return f.insert(TorchDialect.DICT_CONSTRUCT, operands, List.of(type), Map.of(), d.range()).result(0);
    }

    // ---- operators

    Value callBuiltin(String op, List<Value> args, Map<String, Value> kwargs, SourceRange where) {
        return asValue(calls.builtin(op, args, kwargs, where), where);
    }

    private Value unary(Expr.Unary u) {
        if (u.op() == UnaryOperator.NOT) {
            Conditions.Cond c = new Conditions(f).emit(u);
            return c.isStatic() ? constantBool(c.staticValue(), u.range()) : c.value();
        }
        if (u.op() == UnaryOperator.NEG && u.operand() instanceof Expr.IntLiteral i) {
            return constantInt(-longValue(i), u.range());
        }
        if (u.op() == UnaryOperator.NEG && u.operand() instanceof Expr.FloatLiteral x) {
            return constant(LeafType.FLOAT, new FloatAttr(-x.value()), u.range());
        }
        Value v = emitValue(u.operand(), null);
        return switch (u.op()) {
            case NEG -> callBuiltin("aten::neg", List.of(v), Map.of(), u.range());
            case POS -> v;
            case INVERT -> callBuiltin("aten::bitwise_not", List.of(v), Map.of(), u.range());
            case NOT -> throw new IllegalStateException();
        };
    }

    private Value compare(Expr.Compare c) {
        if (c.ops().size() > 1) {
            // a < b < c  ==  a < b and b < c, evaluated left to right with short circuit
            Expr left = new Expr.Compare(c.left(), List.of(c.ops().getFirst()), List.of(c.comparators().getFirst()),
                    c.range());
            Expr rest = new Expr.Compare(c.comparators().getFirst(), c.ops().subList(1, c.ops().size()),
                    c.comparators().subList(1, c.comparators().size()), c.range());
            return boolOp(new Expr.BoolOp(BoolOperator.AND, left, rest, c.range()));
        }
        CompareOperator op = c.ops().getFirst();
        if ((op == CompareOperator.IS || op == CompareOperator.IS_NOT)
                && c.comparators().getFirst() instanceof Expr.NoneLiteral) {
            Conditions.Cond cond = new Conditions(f).emit(c);
            return cond.isStatic() ? constantBool(cond.staticValue(), c.range()) : cond.value();
        }
        Value l = emitValue(c.left(), null);
        Value r = emitValue(c.comparators().getFirst(), null);
        if (op == CompareOperator.IN || op == CompareOperator.NOT_IN) {
            Value in = callBuiltin("aten::__contains__", List.of(r, l), Map.of(), c.range());
            return op == CompareOperator.IN ? in : callBuiltin("aten::__not__", List.of(in), Map.of(), c.range());
        }
        return callBuiltin(Operators.compare(op), List.of(l, r), Map.of(), c.range());
    }

    private Value boolOp(Expr.BoolOp b) {
        Conditions conditions = new Conditions(f);
        Conditions.Cond left = conditions.emit(b.left());
        boolean and = b.op() == BoolOperator.AND;
        if (left.isStatic()) {
            if (and != left.staticValue()) {
                return constantBool(left.staticValue(), b.range());
            }
            Conditions.Cond right = conditions.emit(b.right());
            return right.isStatic() ? constantBool(right.staticValue(), b.range()) : right.value();
        }
        Operation op = f.insertWithRegions(TorchDialect.IF, List.of(left.value()), 2, b.range());
        Value[] result = new Value[2];
        f.inBlock(op.region(0).entry(), () -> {
            if (and) {
                left.refineTrue(f);
                Conditions.Cond r = new Conditions(f).emit(b.right());
                result[0] = r.isStatic() ? constantBool(r.staticValue(), b.range()) : r.value();
            } else {
                result[0] = constantBool(true, b.range());
            }
            kiln.dialects.torch.BlockOutputs.add(f.block, result[0]);
        });
        f.inBlock(op.region(1).entry(), () -> {
            if (and) {
                result[1] = constantBool(false, b.range());
            } else {
                left.refineFalse(f);
                Conditions.Cond r = new Conditions(f).emit(b.right());
                result[1] = r.isStatic() ? constantBool(r.staticValue(), b.range()) : r.value();
            }
            kiln.dialects.torch.BlockOutputs.add(f.block, result[1]);
        });
        return op.addResult(LeafType.BOOL);
    }

    private Value ifExp(Expr.IfExp e, TorchType hint) {
        Conditions.Cond c = new Conditions(f).emit(e.test());
        if (c.isStatic()) {
            return emitValue(c.staticValue() ? e.ifTrue() : e.ifFalse(), hint);
        }
        Operation op = f.insertWithRegions(TorchDialect.IF, List.of(c.value()), 2, e.range());
        Value[] out = new Value[2];
        f.inBlock(op.region(0).entry(), () -> {
            c.refineTrue(f);
            out[0] = emitValue(e.ifTrue(), hint);
            kiln.dialects.torch.BlockOutputs.add(f.block, out[0]);
        });
        f.inBlock(op.region(1).entry(), () -> {
            c.refineFalse(f);
            out[1] = emitValue(e.ifFalse(), hint);
            kiln.dialects.torch.BlockOutputs.add(f.block, out[1]);
        });
        TorchType t = TypeUnifier.unify((TorchType) out[0].type(), (TorchType) out[1].type())
                .orElseThrow(() -> new CompileError(e.range(), "if-expression branches have different types: "
                        + ((TorchType) out[0].type()).annotationString() + " and "
                        + ((TorchType) out[1].type()).annotationString()));
        return op.addResult(t);
    }

    /** The dtype constant for {@code torch.float32} and friends, or empty. */
    static Optional<Integer> dtypeCode(String name) {
        return ScalarType.fromPythonName("torch." + name).or(() -> ScalarType.fromPythonName(name))
                .map(ScalarType::code);
    }
}
