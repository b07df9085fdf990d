package kiln.frontend.emit;

import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.frontend.script.Expr;

/**
 * {@code [e for x in it if c]}: an empty list, then a loop (inside a {@code prim::ComprehensionScope}, so that
 * {@code x} does not leak) that appends each element, as TorchScript's emitListComprehension does.
 */
final class Comprehensions {
    private final FunctionEmitter f;

    Comprehensions(FunctionEmitter f) {
        this.f = f;
    }

    Value list(Expr.ListComp lc, TorchType hint) {
        TorchType elemHint = hint instanceof ListType lt ? lt.elementType() : null;
        Operation construct = f.insert(TorchDialect.LIST_CONSTRUCT, List.of(), List.of(
                ListType.of(elemHint == null ? TensorType.TENSOR : elemHint)), Map.of(), lc.range());
        Value list = construct.result(0);
        Operation scope = f.insertWithRegions(TorchDialect.COMPREHENSION_SCOPE, List.of(), 1, lc.range());
        boolean[] typed = {elemHint != null};
        f.inBlock(scope.region(0).entry(), () -> new Loops(f).forEach(lc.target(), lc.iter(), () -> {
            Runnable append = () -> {
                Value e = f.exprs.emitValue(lc.element(), elemHint);
                if (!typed[0]) {
                    list.setType(ListType.of((TorchType) e.type()));
                    typed[0] = true;
                }
                f.exprs.callBuiltin("aten::append", List.of(list, e), Map.of(), lc.range());
            };
            if (lc.condition().isEmpty()) {
                append.run();
                return;
            }
            Conditions.Cond c = new Conditions(f).emit(lc.condition().get());
            if (c.isStatic()) {
                if (c.staticValue()) {
                    append.run();
                }
                return;
            }
            Operation op = f.insertWithRegions(TorchDialect.IF, List.of(c.value()), 2, lc.range());
            Environment t = f.inBlock(op.region(0).entry(), () -> {
                c.refineTrue(f);
                append.run();
            });
            Environment e = f.inBlock(op.region(1).entry(), () -> { });
            f.mergeBranches(op.region(0).entry(), t, op.region(1).entry(), e);
        }, lc.range()));
        return list;
    }
}
