package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.schema.DefaultValue;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.frontend.script.Expr;
import kiln.frontend.script.Keyword;
import kiln.frontend.script.SourceRange;

/**
 * Calls: operators matched against their schemas, script functions ({@code prim::CallFunction}) and methods
 * ({@code prim::CallMethod}), object construction, and the special forms ({@code print}, {@code annotate},
 * {@code uninitialized}, {@code unchecked_cast}, {@code isinstance}, {@code getattr}, conversions).
 */
final class Calls {
    private final FunctionEmitter f;
    private final ExprEmitter exprs;

    Calls(FunctionEmitter f, ExprEmitter exprs) {
        this.f = f;
        this.exprs = exprs;
    }

    Sugared call(Sugared callee, List<Expr> args, List<Keyword> keywords, SourceRange where) {
        return call(callee, args, keywords, where, null);
    }

    Sugared call(Sugared callee, List<Expr> args, List<Keyword> keywords, SourceRange where, TorchType hint) {
        if (callee instanceof Sugared.Special s) {
            return special(s.name(), args, keywords, where, hint);
        }
        List<Value> argValues = new ArrayList<>();
        for (Expr a : args) {
            argValues.add(exprs.emitValue(a, null));
        }
        return callValues(callee, argValues, keywordValues(keywords), where, hint);
    }

    Map<String, Value> keywordValues(List<Keyword> keywords) {
        Map<String, Value> kw = new LinkedHashMap<>();
        for (Keyword k : keywords) {
            kw.put(k.name().name(), exprs.emitValue(k.value(), null));
        }
        return kw;
    }

    /** A call of {@code callee} (not a special form) on arguments already emitted. */
    Sugared callValues(Sugared callee, List<Value> argValues, Map<String, Value> kw, SourceRange where,
                       TorchType hint) {
        while (callee instanceof Sugared.BooleanDispatch d) {
            callee = dispatch(d.dispatch(), argValues, kw, where);
        }
        return switch (callee) {
            case Sugared.Builtin b when b.opName().equals("prim::tolist") -> toList(b.self(), hint, where);
            case Sugared.Builtin b -> {
                List<Value> all = new ArrayList<>();
                if (b.self() != null) {
                    all.add(b.self());
                }
                all.addAll(argValues);
                yield builtin(b.opName(), all, kw, where);
            }
            case Sugared.TensorCast c -> {
                List<Value> all = new ArrayList<>(List.of(c.self(), exprs.constantInt(c.dtype(), where)));
                all.addAll(argValues);
                yield builtin("aten::to", all, kw, where);
            }
            case Sugared.Function fn -> callFunction(fn.qualifiedName(), argValues, kw, where);
            case Sugared.Method m -> callMethod(m.self(), m.cls(), m.name(), argValues, kw, where);
            case Sugared.ClassRef c -> construct(c.cls(), argValues, kw, where);
            case Sugared.Simple s when s.value().type() instanceof ClassType ct -> {
                ScriptClass cls = f.compiler.unit().classNamed(ct.qualifiedName()).orElseThrow();
                yield callMethod(s.value(), cls, "forward", argValues, kw, where);
            }
            default -> throw new CompileError(where, "this value is not callable");
        };
    }

    /** {@code t.tolist()} under an annotation: {@code prim::tolist(t, dims, elementKind)} (ir_emitter's emitToList). */
    private Sugared toList(Value tensor, TorchType hint, SourceRange where) {
        if (hint == null) {
            throw new CompileError(where, "Expected type hint for result of tolist()");
        }
        int dims = 0;
        TorchType elem = hint;
        while (elem instanceof kiln.dialects.torch.types.ListType l) {
            dims++;
            elem = l.elementType();
        }
        int kind = elem == LeafType.INT ? 0 : elem == LeafType.FLOAT ? 1 : elem == LeafType.BOOL ? 2 : -1;
        if (dims == 0 || kind < 0) {
            throw new CompileError(where, "Output annotation element type for tolist() must be int, float or bool, "
                    + "in nested lists; got " + hint.annotationString());
        }
        Operation op = f.insert(f.compiler.registryDef("prim::tolist"), List.of(tensor, exprs.constantInt(dims, where),
                exprs.constantInt(kind, where)), List.of(hint), Map.of(), where);
        return new Sugared.Simple(op.result(0));
    }

    private CallMatcher.Emit emitter(SourceRange where) {
        return new CallMatcher.Emit() {
            @Override
            public Value constant(DefaultValue v, TorchType type) {
                return exprs.constant(v, type, where);
            }

            @Override
            public Value op(String name, List<Value> operands, TorchType result) {
                return exprs.asValue(builtin(name, operands, Map.of(), where), where);
            }

            @Override
            public Value list(TorchType elementType, List<Value> elements) {
                return exprs.list(elementType, elements, where);
            }

            @Override
            public List<Value> unpackTuple(Value tuple) {
                return new Assignments(f).unpackValue(tuple, ((TupleType) tuple.type()).elements().size(), where);
            }
        };
    }

    Sugared builtin(String op, List<Value> args, Map<String, Value> kwargs, SourceRange where) {
        Sugared scalarFirst = scalarFirst(op, args, kwargs, where);
        if (scalarFirst != null) {
            return scalarFirst;
        }
        List<FunctionSchema> overloads = f.compiler.operators().overloads(op);
        if (overloads.isEmpty()) {
            throw new CompileError(where, "unknown builtin op: " + op);
        }
        CallMatcher.Matched m = CallMatcher.match(op, overloads, args, kwargs, emitter(where), where);
        Operation node = f.insert(f.compiler.registryDef(op), m.inputs(), m.returns(), Map.of(), where);
        return pack(node, m.schema());
    }

    /**
     * A number on the left of a tensor ({@code 1 - t}, {@code 2 / t}, {@code 0 < t}): no operator takes (Scalar,
     * Tensor), so TorchScript's builtin script functions for these operators apply (builtin_functions.cpp's
     * scalar_operators, inlined where called): the tensor goes first, a subtraction negates it and a division takes
     * its reciprocal. Null when the call is not of that form.
     */
    private Sugared scalarFirst(String op, List<Value> args, Map<String, Value> kwargs, SourceRange where) {
        if (args.size() != 2 || !kwargs.isEmpty() || !args.get(1).type().isSubtypeOf(TensorType.TENSOR)) {
            return null;
        }
        var a = args.get(0).type();
        if (a != LeafType.INT && a != LeafType.FLOAT && a != LeafType.COMPLEX) {
            return null;
        }
        Value scalar = args.get(0);
        Value tensor = args.get(1);
        boolean ordering = op.equals("aten::lt") || op.equals("aten::le") || op.equals("aten::gt")
                || op.equals("aten::ge");
        if (ordering && a == LeafType.COMPLEX) {
            return null;
        }
        return switch (op) {
            case "aten::mul", "aten::add", "aten::eq", "aten::ne" -> builtin(op, List.of(tensor, scalar), kwargs, where);
            case "aten::sub" -> builtin("aten::add", List.of(exprs.callBuiltin("aten::neg", List.of(tensor), Map.of(),
                    where), scalar), kwargs, where);
            case "aten::div" -> builtin("aten::mul", List.of(exprs.callBuiltin("aten::reciprocal", List.of(tensor),
                    Map.of(), where), scalar), kwargs, where);
            case "aten::lt" -> builtin("aten::gt", List.of(tensor, scalar), kwargs, where);
            case "aten::le" -> builtin("aten::ge", List.of(tensor, scalar), kwargs, where);
            case "aten::gt" -> builtin("aten::lt", List.of(tensor, scalar), kwargs, where);
            case "aten::ge" -> builtin("aten::le", List.of(tensor, scalar), kwargs, where);
            default -> null;
        };
    }

    /** One result is the value; several are a tuple (named when the schema names them); none is None. */
    private Sugared pack(Operation node, FunctionSchema schema) {
        if (node.numResults() == 1) {
            return new Sugared.Simple(node.result(0));
        }
        if (node.numResults() == 0) {
            return new Sugared.Simple(exprs.none(null));
        }
        List<TorchType> types = node.results().stream().map(r -> (TorchType) r.type()).toList();
        List<String> names = schema.returns().stream().map(a -> a.name()).toList();
        TupleType tt = names.stream().allMatch(n -> !n.isEmpty()) ? TupleType.named(names, types) : TupleType.of(types);
        Operation t = f.insert(TorchDialect.TUPLE_CONSTRUCT, List.copyOf(node.results()), List.of(tt), Map.of(), null);
        return new Sugared.Simple(t.result(0));
    }

    /**
     * PyTorch's BooleanDispatchValue: the function {@code boolean_dispatch} picks by the constant value of its bool
     * argument, given positionally or by keyword, or by its default when the call leaves it out.
     */
    private Sugared dispatch(ScriptUnit.BooleanDispatch d, List<Value> args, Map<String, Value> kw,
                             SourceRange where) {
        boolean flag;
        if (d.argIndex() < args.size()) {
            flag = kiln.dialects.torch.Constants.asBool(args.get(d.argIndex())).orElseThrow(() -> new CompileError(where,
                    "Argument for boolean dispatch at position " + d.argIndex() + " was not constant"));
        } else if (kw.containsKey(d.argName())) {
            flag = kiln.dialects.torch.Constants.asBool(kw.get(d.argName())).orElseThrow(() -> new CompileError(where, "Keyword argument '"
                    + d.argName() + "' for boolean dispatch at position was not constant"));
        } else {
            flag = d.defaultValue();
        }
        String chosen = flag ? d.ifTrue() : d.ifFalse();
        return Globals.qualified(chosen, f).orElseThrow(() -> new CompileError(where,
                "boolean_dispatch names '" + chosen + "', which is not defined"));
    }

    /** A call of a script function; an overloaded one calls the first of its overloads the arguments match. */
    private Sugared callFunction(String name, List<Value> args, Map<String, Value> kw, SourceRange where) {
        List<String> keys = f.compiler.unit().overloads(name).orElse(List.of(name));
        List<FunctionSchema> schemas = keys.stream().map(f.compiler::functionSignature).toList();
        CallMatcher.Matched m = CallMatcher.match(ExprEmitter.shortName(name), schemas, args, kw, emitter(where),
                where);
        String q = m.schema().name();
        Operation fn = f.insert(TorchDialect.CONSTANT, List.of(), List.of(LeafType.FUNCTION),
                Map.of("name", new StringAttr(ExprEmitter.shortName(q))), where);
        f.compiler.functionConstants.put(fn, q);
        List<Value> operands = new ArrayList<>();
        operands.add(fn.result(0));
        operands.addAll(m.inputs());
        Operation call = f.insert(TorchDialect.CALL_FUNCTION, operands, m.returns(), Map.of(), where);
        return new Sugared.Simple(call.result(0));
    }

    private Sugared callMethod(Value self, ScriptClass cls, String name, List<Value> args, Map<String, Value> kw,
                               SourceRange where) {
        if (!cls.methods().containsKey(name)) {
            throw new CompileError(where, "'" + cls.name() + "' has no method '" + name + "'");
        }
        FunctionSchema s = f.compiler.methodSignature(cls, name);
        CallMatcher.Matched m = CallMatcher.match(name, List.of(s), args, kw, emitter(where), where);
        List<Value> operands = new ArrayList<>();
        operands.add(self);
        operands.addAll(m.inputs());
        Operation call = f.insert(TorchDialect.CALL_METHOD, operands, m.returns(),
                Map.of("name", new StringAttr(name)), where);
        return new Sugared.Simple(call.result(0));
    }

    private Sugared construct(ScriptClass cls, List<Value> args, Map<String, Value> kw, SourceRange where) {
        Operation obj = f.insert(TorchDialect.CREATE_OBJECT, List.of(), List.of(cls.type()), Map.of(), where);
        if (cls.methods().containsKey("__init__")) {
            callMethod(obj.result(0), cls, "__init__", args, kw, where);
        }
        return new Sugared.Simple(obj.result(0));
    }

    private Sugared special(String name, List<Expr> args, List<Keyword> keywords, SourceRange where, TorchType hint) {
        switch (name) {
            case "print" -> {
                List<Value> vs = new ArrayList<>();
                for (Expr a : args) {
                    vs.add(exprs.emitValue(a, null));
                }
                f.insert(TorchDialect.PRINT, vs, List.of(), Map.of(), where);
                return new Sugared.Simple(exprs.none(where));
            }
            case "annotate" -> {
                expectArgs(name, args, 2, where);
                TorchType t = f.compiler.types().resolve(args.get(0));
                Value v = exprs.emitValue(args.get(1), t);
                if (!v.type().isSubtypeOf(t)) {
                    throw new CompileError(where, "expected an annotated expression of type " + t.annotationString()
                            + " but found " + ((TorchType) v.type()).annotationString());
                }
                return new Sugared.Simple(v);
            }
            case "uninitialized" -> {
                expectArgs(name, args, 1, where);
                TorchType t = f.compiler.types().resolve(args.getFirst());
                return new Sugared.Simple(f.insert(TorchDialect.UNINITIALIZED, List.of(), List.of(t), Map.of(), where)
                        .result(0));
            }
            case "unchecked_cast" -> {
                expectArgs(name, args, 2, where);
                TorchType t = f.compiler.types().resolve(args.get(0));
                Value v = exprs.emitValue(args.get(1), null);
                return new Sugared.Simple(f.insert(TorchDialect.UNCHECKED_CAST, List.of(v), List.of(t), Map.of(),
                        where).result(0));
            }
            case "isinstance" -> {
                return new Sugared.Simple(exprs.constantBool(isInstance(args, where), where));
            }
            case "getattr", "hasattr" -> {
                if (args.size() != 2 || !(args.get(1) instanceof Expr.StringLiteral attr)) {
                    throw new CompileError(where, name + "() takes an object and a string literal");
                }
                Sugared obj = exprs.emit(args.get(0), null);
                if (name.equals("hasattr")) {
                    Value v = exprs.asValue(obj, where);
                    boolean has = v.type() instanceof ClassType ct && f.compiler.unit().classNamed(ct.qualifiedName())
                            .map(c -> c.attributes().containsKey(attr.value()) || c.methods().containsKey(attr.value()))
                            .orElse(false);
                    return new Sugared.Simple(exprs.constantBool(has, where));
                }
                return exprs.attribute(obj, attr.value(), where);
            }
            case "range", "enumerate", "zip" -> throw new CompileError(where, name + "() is only supported in for loops");
            case "fork" -> {
                return new Forks(f).fork(args, keywords, where);
            }
            case "wait" -> {
                return call(new Sugared.Builtin("aten::wait", null), args, keywords, where);
            }
            case "interface" -> throw new CompileError(where, name + "() is not supported yet");
            default -> {
            }
        }
        if (name.startsWith("new:")) {
            ScriptClass cls = f.compiler.unit().classNamed(name.substring(4)).orElseThrow();
            return new Sugared.Simple(f.insert(TorchDialect.CREATE_OBJECT, List.of(), List.of(cls.type()), Map.of(),
                    where).result(0));
        }
        if (name.startsWith("exception:")) {
            throw new CompileError(where, "exceptions can only be raised");
        }
        String op = switch (name) {
            case "int" -> "aten::Int";
            case "float" -> "aten::Float";
            case "bool" -> "aten::Bool";
            case "str" -> "aten::str";
            case "list" -> "aten::list";
            case "dict" -> "aten::dict";
            case "min" -> "prim::min";
            case "max" -> "prim::max";
            case "abs" -> "prim::abs";
            case "len" -> "aten::len";
            case "tuple" -> throw new CompileError(where, "tuple() is not supported");
            default -> "aten::" + name;
        };
        return call(new Sugared.Builtin(op, null), args, keywords, where);
    }

    /**
     * {@code isinstance(x, T)}, known at compile time from x's static type, as TorchScript decides it; T may be a
     * tuple of types ({@code (list, tuple)}), true when x is any of them.
     */
    boolean isInstance(List<Expr> args, SourceRange where) {
        expectArgs("isinstance", args, 2, where);
        Value v = exprs.emitValue(args.get(0), null);
        List<Expr> candidates = args.get(1) instanceof Expr.TupleLiteral tl ? tl.elements() : List.of(args.get(1));
        boolean undecided = false;
        for (Expr c : candidates) {
            TorchType t = f.compiler.types().resolve(c);
            if (v.type().isSubtypeOf(t)) {
                return true;
            }
            undecided |= t.isSubtypeOf(v.type());
        }
        if (undecided) {
            throw new CompileError(where, "isinstance on a value that may or may not be a "
                    + args.get(1).range().text() + " is not supported yet");
        }
        return false;
    }

    private static void expectArgs(String name, List<Expr> args, int n, SourceRange where) {
        if (args.size() != n) {
            throw new CompileError(where, name + "() expects " + n + " argument(s), got " + args.size());
        }
    }
}
