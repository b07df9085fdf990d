package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.frontend.script.Expr;
import kiln.frontend.script.SourceRange;
import kiln.frontend.script.Stmt;

/**
 * {@code for} loops as TorchScript emits them: over {@code range(...)} a {@code prim::Loop} whose trip count is
 * the range's length; over a list, string or tensor one indexed by the iteration count ({@code __getitem__},
 * {@code select}); {@code enumerate} and {@code zip} combine those; over a tuple or a list of modules the body is
 * unrolled once per element.
 */
final class Loops {
    private final FunctionEmitter f;

    Loops(FunctionEmitter f) {
        this.f = f;
    }

    /** One iterable: its length and how element {@code i} is read. */
    private record Iterable(Value length, Function<Value, Value> element) {
    }

    void emitFor(Stmt.For s) {
        forEach(s.target(), s.iter(), () -> f.statements(s.body()), s.range());
    }

    /** Runs {@code body} once per element of {@code iter}, with {@code target} bound to the element. */
    void forEach(Expr target, Expr iter, Runnable body, SourceRange range) {
        Header s = new Header(target, iter, body, range);
        if (s.iter() instanceof Expr.Call call && call.func() instanceof Expr.Name n && isBuiltin(n.id())) {
            if (n.id().equals("range")) {
                emitRange(s, call);
                return;
            }
            if (n.id().equals("enumerate")) {
                emitEnumerate(s, call);
                return;
            }
            List<Iterable> parts = new ArrayList<>();
            for (Expr a : call.args()) {
                parts.add(iterable(f.exprs.emitValue(a, null), a.range()));
            }
            emitZip(s, parts);
            return;
        }
        Sugared it = f.exprs.emit(s.iter(), null);
        if (it instanceof Sugared.Tuple t) {
            for (Sugared e : t.elements()) {
                unrolledIteration(s, e);
            }
            return;
        }
        Value v = f.exprs.asValue(it, s.iter().range());
        if (v.type() instanceof TupleType tt) {
            List<Value> elems = new Assignments(f).unpackValue(v, tt.elements().size(), s.range());
            for (Value e : elems) {
                unrolledIteration(s, new Sugared.Simple(e));
            }
            return;
        }
        Iterable iterable = iterable(v, s.iter().range());
        loop(s, iterable.length(), i -> List.of(new Sugared.Simple(iterable.element().apply(i))));
    }

    private record Header(Expr target, Expr iter, Runnable body, SourceRange range) {
    }

    private boolean isBuiltin(String name) {
        return (name.equals("range") || name.equals("enumerate") || name.equals("zip"))
                && f.lookupLocalOnly(name).isEmpty();
    }

    private void unrolledIteration(Header s, Sugared element) {
        new Assignments(f).assign(s.target(), element, s.range());
        s.body().run();
    }

    private Iterable iterable(Value v, SourceRange where) {
        TorchType t = (TorchType) v.type();
        if (t instanceof DictType) {
            Value keys = f.exprs.callBuiltin("aten::keys", List.of(v), Map.of(), where);
            return iterable(keys, where);
        }
        Value len = f.exprs.callBuiltin("aten::len", List.of(v), Map.of(), where);
        if (t instanceof ListType || t == LeafType.STR) {
            return new Iterable(len, i -> f.exprs.callBuiltin("aten::__getitem__", List.of(v, i), Map.of(), where));
        }
        if (t.isSubtypeOf(TensorType.TENSOR)) {
            return new Iterable(len, i -> f.exprs.callBuiltin("aten::select",
                    List.of(v, f.exprs.constantInt(0, where), i), Map.of(), where));
        }
        throw new CompileError(where, "'" + t.annotationString() + "' object is not iterable");
    }

    private void emitRange(Header s, Expr.Call call) {
        List<Value> args = new ArrayList<>();
        for (Expr a : call.args()) {
            args.add(f.exprs.emitValue(a, LeafType.INT));
        }
        if (args.isEmpty() || args.size() > 3) {
            throw new CompileError(call.range(), "range expected 1 to 3 arguments, got " + args.size());
        }
        if (args.size() == 1) {
            loop(s, args.getFirst(), i -> List.of(new Sugared.Simple(i)));
            return;
        }
        Value start = args.get(0);
        Value end = args.get(1);
        Value step = args.size() == 3 ? args.get(2) : f.exprs.constantInt(1, call.range());
        Value len = f.exprs.callBuiltin("aten::__range_length", List.of(start, end, step), Map.of(), call.range());
        loop(s, len, i -> List.of(new Sugared.Simple(
                f.exprs.callBuiltin("aten::__derive_index", List.of(i, start, step), Map.of(), call.range()))));
    }

    /**
     * {@code enumerate(it[, start])}: it zipped with an endless range, as PyTorch's IterableTree of a RangeValue
     * from {@code start} (its length {@code __range_length(start, max, 1)}, its element {@code __derive_index})
     * and the iterable.
     */
    private void emitEnumerate(Header s, Expr.Call call) {
        if (call.args().isEmpty() || call.args().size() > 2) {
            throw new CompileError(call.range(), "enumerate expected 1 or 2 arguments, got " + call.args().size());
        }
        Iterable it = iterable(f.exprs.emitValue(call.args().getFirst(), null), call.args().getFirst().range());
        Value end = f.exprs.constantInt(ControlFlow.MAX_TRIP_COUNT, call.range());
        if (call.args().size() == 1) {
            loop(s, shortest(List.of(end, it.length()), s.range()), i -> List.of(new Sugared.Tuple(List.of(
                    new Sugared.Simple(i), new Sugared.Simple(it.element().apply(i))))));
            return;
        }
        Value start = f.exprs.emitValue(call.args().get(1), LeafType.INT);
        Value step = f.exprs.constantInt(1, call.range());
        Value rangeLength = f.exprs.callBuiltin("aten::__range_length", List.of(start, end, step), Map.of(),
                call.range());
        loop(s, shortest(List.of(rangeLength, it.length()), s.range()), i -> List.of(new Sugared.Tuple(List.of(
                new Sugared.Simple(f.exprs.callBuiltin("aten::__derive_index", List.of(i, start, step), Map.of(),
                        call.range())),
                new Sugared.Simple(it.element().apply(i))))));
    }

    /** The trip count of iterables walked together, as PyTorch's IterableTree: {@code prim::min} of their lengths. */
    private Value shortest(List<Value> lengths, SourceRange where) {
        Value list = f.exprs.list(LeafType.INT, lengths, where);
        return f.exprs.callBuiltin("prim::min", List.of(list), Map.of(), where);
    }

    private void emitZip(Header s, List<Iterable> parts) {
        Value len = shortest(parts.stream().map(Iterable::length).toList(), s.range());
        loop(s, len, i -> {
            List<Sugared> elems = new ArrayList<>();
            for (Iterable p : parts) {
                elems.add(new Sugared.Simple(p.element().apply(i)));
            }
            return List.of(new Sugared.Tuple(elems));
        });
    }

    /** A loop of {@code tripCount} iterations whose body binds the target to {@code element(i)}. */
    private void loop(Header s, Value tripCount, Function<Value, List<Sugared>> element) {
        Operation loop = f.insertWithRegions(TorchDialect.LOOP, List.of(tripCount), 2, s.range());
        Block body = loop.region(0).entry();
        Value i = body.addArgument(LeafType.INT, null);
        Block condBlock = loop.region(1).entry();
        f.inBlock(condBlock, () -> BlockOutputs.add(condBlock, f.exprs.constantBool(true, s.range())));
        Environment bodyEnv = f.inBlock(body, () -> {
            new Assignments(f).assign(s.target(), element.apply(i).getFirst(), s.range());
            s.body().run();
        });
        new ControlFlow(f).forgetLoopLocals(bodyEnv);
    }
}
