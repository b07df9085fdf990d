package kiln.frontend.emit;

import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.LeafType;
import kiln.frontend.script.Expr;
import kiln.frontend.script.Stmt;

/**
 * {@code if}, {@code while}, {@code raise} and {@code assert}, emitted as TorchScript does: an if with a
 * statically known condition ({@code x is None} on a non-optional, {@code isinstance}) emits only the branch
 * taken; a {@code while} is a {@code prim::Loop} with the maximal trip count and its condition in a second block.
 * For loops are in {@link Loops}.
 */
final class ControlFlow {
    static final long MAX_TRIP_COUNT = Long.MAX_VALUE;

    private final FunctionEmitter f;

    ControlFlow(FunctionEmitter f) {
        this.f = f;
    }

    void emitIf(Stmt.If s) {
        Conditions.Cond cond = new Conditions(f).emit(s.test());
        if (cond.isStatic()) {
            f.statements(cond.staticValue() ? s.body() : s.orElse());
            return;
        }
        Operation op = f.insertWithRegions(TorchDialect.IF, List.of(cond.value()), 2, s.range());
        Environment thenEnv = f.inBlock(op.region(0).entry(), () -> {
            cond.refineTrue(f);
            f.statements(s.body());
        });
        Environment elseEnv = f.inBlock(op.region(1).entry(), () -> {
            cond.refineFalse(f);
            f.statements(s.orElse());
        });
        f.mergeBranches(op.region(0).entry(), thenEnv, op.region(1).entry(), elseEnv);
    }

    void emitWhile(Stmt.While s) {
        Value max = f.exprs.constantInt(MAX_TRIP_COUNT, s.range());
        Operation loop = f.insertWithRegions(TorchDialect.LOOP, List.of(max), 2, s.range());
        Block body = loop.region(0).entry();
        body.addArgument(LeafType.INT, null);
        Block condBlock = loop.region(1).entry();
        f.inBlock(condBlock, () -> {
            Conditions.Cond c = new Conditions(f).emit(s.test());
            Value v = c.isStatic() ? f.exprs.constantBool(c.staticValue(), s.range()) : c.value();
            BlockOutputs.add(condBlock, v);
        });
        Environment bodyEnv = f.inBlock(body, () -> f.statements(s.body()));
        forgetLoopLocals(bodyEnv);
    }

    /** Names first defined inside a loop body are not visible after the loop (TorchScript's rule). */
    void forgetLoopLocals(Environment bodyEnv) {
        for (String n : bodyEnv.definedHere()) {
            if (f.env.lookup(n) == null) {
                f.env.markUndefined(n, n + " is not defined after the loop: it is first assigned inside the loop body");
            }
        }
    }

    void emitRaise(Stmt.Raise r) {
        Value message;
        String cls = "builtins.RuntimeError";
        if (r.exception().isEmpty()) {
            message = f.exprs.constantString("", r.range());
        } else if (r.exception().get() instanceof Expr.Call call && call.func() instanceof Expr.Name n) {
            cls = "builtins." + n.id();
            message = call.args().isEmpty() ? f.exprs.constantString("", r.range())
                    : f.exprs.emitValue(call.args().getFirst(), null);
            if (message.type() != LeafType.STR) {
                message = f.exprs.callBuiltin("aten::str", List.of(message), Map.of(), r.range());
            }
        } else if (r.exception().get() instanceof Expr.Name n) {
            cls = "builtins." + n.id();
            message = f.exprs.constantString("", r.range());
        } else {
            message = f.exprs.emitValue(r.exception().get(), null);
        }
        Value clsName = f.exprs.constantString(cls, r.range());
        f.insert(TorchDialect.RAISE_EXCEPTION, List.of(message, clsName), List.of(), Map.of(), r.range());
        f.env.exits = true;
    }

    void emitAssert(Stmt.Assert a) {
        Conditions.Cond cond = new Conditions(f).emit(a.test());
        if (cond.isStatic() && cond.staticValue()) {
            return;
        }
        Operation op = f.insertWithRegions(TorchDialect.IF,
                List.of(cond.isStatic() ? f.exprs.constantBool(false, a.range()) : cond.value()), 2, a.range());
        Environment elseEnv = f.inBlock(op.region(1).entry(), () -> {
            cond.refineFalse(f);
            Value msg = f.exprs.constantString("AssertionError: ", a.range());
            if (a.message().isPresent()) {
                Value m = f.exprs.emitValue(a.message().get(), null);
                if (m.type() != LeafType.STR) {
                    m = f.exprs.callBuiltin("aten::str", List.of(m), Map.of(), a.range());
                }
                msg = f.exprs.callBuiltin("aten::add", List.of(msg, m), Map.of(), a.range());
            }
            Value cls = f.exprs.constantString("builtins.AssertionError", a.range());
            f.insert(TorchDialect.RAISE_EXCEPTION, List.of(msg, cls), List.of(), Map.of(), a.range());
            f.env.exits = true;
        });
        // the condition's refinements hold after the assert (`assert x is not None` makes x non-optional)
        Environment thenEnv = f.inBlock(op.region(0).entry(), () -> cond.refineTrue(f));
        f.mergeBranches(op.region(0).entry(), thenEnv, op.region(1).entry(), elseEnv);
    }
}
