package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.Constants;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.frontend.script.Expr;
import kiln.frontend.script.SourceRange;

/**
 * {@code x[i]} and {@code x[a:b:c]}: tuples by constant index ({@code prim::TupleIndex}), lists, strings and dicts
 * through {@code __getitem__} / {@code slice}, tensors through {@code select}, {@code slice}, {@code unsqueeze}
 * for None, and {@code index} for tensor indices, dimension by dimension as TorchScript's emitSubscript does.
 */
final class Subscripts {
    private final FunctionEmitter f;

    Subscripts(FunctionEmitter f) {
        this.f = f;
    }

    Sugared emit(Expr.Subscript s) {
        Sugared base = f.exprs.emit(s.value(), null);
        if (base instanceof Sugared.Tuple t && s.indices().size() == 1) {
            int i = (int) constantIndex(s.indices().getFirst(), t.elements().size());
            return t.elements().get(i);
        }
        Value v = f.exprs.asValue(base, s.range());
        TorchType type = (TorchType) v.type();
        if (type.isSubtypeOf(TensorType.TENSOR)) {
            return new Sugared.Simple(tensorView(v, s.indices(), s.range()));
        }
        if (s.indices().size() != 1) {
            throw new CompileError(s.range(), "a value of type " + type.annotationString() + " takes one index");
        }
        Expr index = s.indices().getFirst();
        if (type instanceof TupleType tt) {
            if (index instanceof Expr.Slice) {
                throw new CompileError(s.range(), "tuple slicing is not supported yet");
            }
            int i = (int) constantIndex(index, tt.elements().size());
            Value idx = f.exprs.constantInt(i, s.range());
            Operation op = f.insert(TorchDialect.TUPLE_INDEX, List.of(v, idx), List.of(tt.elements().get(i)),
                    Map.of(), s.range());
            return new Sugared.Simple(op.result(0));
        }
        if (index instanceof Expr.Slice sl && (type instanceof ListType || type == LeafType.STR)) {
            List<Value> args = new ArrayList<>(List.of(v));
            args.add(sl.lower().map(e -> f.exprs.emitValue(e, LeafType.INT)).orElseGet(() -> f.exprs.none(s.range())));
            args.add(sl.upper().map(e -> f.exprs.emitValue(e, LeafType.INT)).orElseGet(() -> f.exprs.none(s.range())));
            args.add(sl.step().map(e -> f.exprs.emitValue(e, LeafType.INT))
                    .orElseGet(() -> f.exprs.constantInt(1, s.range())));
            return new Sugared.Simple(f.exprs.callBuiltin("aten::slice", args, Map.of(), s.range()));
        }
        if (type instanceof ListType || type instanceof DictType || type == LeafType.STR) {
            Value key = f.exprs.emitValue(index, null);
            return new Sugared.Simple(f.exprs.callBuiltin("aten::__getitem__", List.of(v, key), Map.of(), s.range()));
        }
        if (type instanceof kiln.dialects.torch.types.ClassType) {
            Sugared getitem = f.exprs.attribute(base, "__getitem__", s.range());
            return f.exprs.calls.call(getitem, List.of(index), List.of(), s.range());
        }
        throw new CompileError(s.range(), "'" + type.annotationString() + "' object is not subscriptable");
    }

    private long constantIndex(Expr e, int size) {
        if (e instanceof Expr.IntLiteral i) {
            long k = i.value().longValueExact();
            return k < 0 ? k + size : k;
        }
        if (e instanceof Expr.Unary u && u.operand() instanceof Expr.IntLiteral i) {
            return size - i.value().longValueExact();
        }
        Value v = f.exprs.emitValue(e, LeafType.INT);
        return Constants.definingConstant(v).map(op -> op.attribute("value", IntAttr.class))
                .map(a -> a.value() < 0 ? a.value() + size : a.value())
                .orElseThrow(() -> new CompileError(e.range(), "tuple index must be a constant integer"));
    }

    /** The view {@code t[indices]} of a tensor, one dimension at a time. */
    Value tensorView(Value t, List<Expr> indices, SourceRange where) {
        Indexed r = indexing(t, indices, where);
        return r.tensorIndices() == null ? r.sliced()
                : f.exprs.callBuiltin("aten::index", List.of(r.sliced(), r.tensorIndices()), Map.of(), where);
    }

    /**
     * {@code t[indices]} split as PyTorch's {@code emitIntAndSliceIndexing} does: the view that the int and slice
     * indices select, and the {@code Tensor?[]} of tensor indices (None for sliced dims), null when there are none.
     */
    record Indexed(Value sliced, Value tensorIndices) {
    }

    Indexed indexing(Value t, List<Expr> indices, SourceRange where) {
        List<Expr> flat = indices.size() == 1 && indices.getFirst() instanceof Expr.TupleLiteral tl
                ? tl.elements() : indices;
        Value cur = t;
        long dim = 0;
        List<Value> tensorIndices = new ArrayList<>();
        boolean advanced = false;
        for (Expr idx : flat) {
            switch (idx) {
                case Expr.Slice sl -> {
                    List<Value> args = new ArrayList<>();
                    args.add(cur);
                    args.add(f.exprs.constantInt(dim, where));
                    args.add(sl.lower().map(e -> f.exprs.emitValue(e, LeafType.INT)).orElseGet(() -> f.exprs.none(where)));
                    args.add(sl.upper().map(e -> f.exprs.emitValue(e, LeafType.INT)).orElseGet(() -> f.exprs.none(where)));
                    args.add(sl.step().map(e -> f.exprs.emitValue(e, LeafType.INT))
                            .orElseGet(() -> f.exprs.constantInt(1, where)));
                    cur = f.exprs.callBuiltin("aten::slice", args, Map.of(), where);
                    tensorIndices.add(f.exprs.none(where));
                    dim++;
                }
                case Expr.NoneLiteral n -> {
                    cur = f.exprs.callBuiltin("aten::unsqueeze", List.of(cur, f.exprs.constantInt(dim, where)),
                            Map.of(), where);
                    tensorIndices.add(f.exprs.none(where));
                    dim++;
                }
                case Expr.EllipsisLiteral e -> throw new CompileError(where, "'...' in tensor indexing is not supported yet");
                default -> {
                    Value v = f.exprs.emitValue(idx, null);
                    if (v.type() == LeafType.INT) {
                        cur = f.exprs.callBuiltin("aten::select", List.of(cur, f.exprs.constantInt(dim, where), v),
                                Map.of(), where);
                    } else if (v.type().isSubtypeOf(TensorType.TENSOR) || v.type() instanceof ListType) {
                        advanced = true;
                        tensorIndices.add(v.type() instanceof ListType
                                ? f.exprs.callBuiltin("aten::tensor", List.of(v), Map.of(), where) : v);
                        dim++;
                    } else {
                        throw new CompileError(idx.range(), "unsupported tensor index of type "
                                + ((TorchType) v.type()).annotationString());
                    }
                }
            }
        }
        return new Indexed(cur, advanced ? f.exprs.list(OptionalType.of(TensorType.TENSOR), tensorIndices, where)
                : null);
    }
}
