package kiln.frontend.emit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.frontend.script.Expr;
import kiln.frontend.script.SourceRange;

/**
 * Comprehensions, as TorchScript's emitListComprehension and emitDictComprehension build them: an empty list or
 * dict, then a loop (inside a {@code prim::ComprehensionScope}, so that the loop variables do not leak) that
 * appends each element ({@code aten::append}) or sets each entry ({@code aten::_set_item}). Without a type hint the
 * container's type is taken from the first element emitted.
 */
final class Comprehensions {
    private final FunctionEmitter f;

    Comprehensions(FunctionEmitter f) {
        this.f = f;
    }

    /** {@code [e for x in it if c]}. */
    Value list(Expr.ListComp lc, TorchType hint) {
        TorchType elemHint = hint instanceof ListType lt ? lt.elementType() : null;
        Operation construct = f.insert(TorchDialect.LIST_CONSTRUCT, List.of(), List.of(
                ListType.of(elemHint == null ? TensorType.TENSOR : elemHint)), Map.of(), lc.range());
        Value list = construct.result(0);
        boolean[] typed = {elemHint != null};
        loop(lc.target(), lc.iter(), lc.condition(), lc.range(), () -> {
            Value e = f.exprs.emitValue(lc.element(), elemHint);
            if (!typed[0]) {
                list.setType(ListType.of((TorchType) e.type()));
                typed[0] = true;
            }
            f.exprs.callBuiltin("aten::append", List.of(list, e), Map.of(), lc.range());
        });
        return list;
    }

    /** {@code {k: v for x in it if c}}; a dict of str to Tensor by default, as in PyTorch. */
    Value dict(Expr.DictComp dc, TorchType hint) {
        if (hint != null && !(hint instanceof DictType)) {
            throw new CompileError(dc.range(), "Expected Dict type annotation for dict comprehension, found "
                    + hint.annotationString());
        }
        DictType typeHint = (DictType) hint;
        Operation construct = f.insert(TorchDialect.DICT_CONSTRUCT, List.of(), List.of(typeHint != null ? typeHint
                : DictType.of(LeafType.STR, TensorType.TENSOR)), Map.of(), dc.range());
        Value dict = construct.result(0);
        boolean[] typed = {false};
        loop(dc.target(), dc.iter(), dc.condition(), dc.range(), () -> {
            Value k = f.exprs.emitValue(dc.key(), typeHint == null ? null : typeHint.keyType());
            Value v = f.exprs.emitValue(dc.value(), typeHint == null ? null : typeHint.valueType());
            if (typeHint != null) {
                mustMatch(typeHint, "key", k, dc.range());
                mustMatch(typeHint, "value", v, dc.range());
            } else if (!typed[0]) {
                dict.setType(DictType.of((TorchType) k.type(), (TorchType) v.type()));
                typed[0] = true;
            }
            f.exprs.callBuiltin("aten::_set_item", List.of(dict, k, v), Map.of(), dc.range());
        });
        return dict;
    }

    private static void mustMatch(DictType annotated, String what, Value actual, SourceRange where) {
        TorchType expected = what.equals("key") ? annotated.keyType() : annotated.valueType();
        if (!actual.type().isSubtypeOf(expected)) {
            throw new CompileError(where, "Dict type annotation `" + annotated.annotationString() + "` did not match "
                    + "the type of an actual " + what + " type `" + ((TorchType) actual.type()).annotationString()
                    + "`");
        }
    }

    /** Runs {@code body} for each element of {@code iter} bound to {@code target}, where {@code condition} holds. */
    private void loop(Expr target, Expr iter, Optional<Expr> condition, SourceRange where, Runnable body) {
        Operation scope = f.insertWithRegions(TorchDialect.COMPREHENSION_SCOPE, List.of(), 1, where);
        f.inBlock(scope.region(0).entry(), () -> new Loops(f).forEach(target, iter, () -> {
            if (condition.isEmpty()) {
                body.run();
                return;
            }
            Conditions.Cond c = new Conditions(f).emit(condition.get());
            if (c.isStatic()) {
                if (c.staticValue()) {
                    body.run();
                }
                return;
            }
            Operation op = f.insertWithRegions(TorchDialect.IF, List.of(c.value()), 2, where);
            Environment t = f.inBlock(op.region(0).entry(), () -> {
                c.refineTrue(f);
                body.run();
            });
            Environment e = f.inBlock(op.region(1).entry(), () -> { });
            f.mergeBranches(op.region(0).entry(), t, op.region(1).entry(), e);
        }, where));
    }
}
