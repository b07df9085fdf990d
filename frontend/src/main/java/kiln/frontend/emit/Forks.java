package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.IRMapping;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.FutureType;
import kiln.dialects.torch.types.TorchType;
import kiln.frontend.script.Expr;
import kiln.frontend.script.Ident;
import kiln.frontend.script.Keyword;
import kiln.frontend.script.SourceRange;
import kiln.frontend.script.Stmt;

/**
 * {@code torch.jit.fork(fn, args...)} as TorchScript's emitForkExpr builds it: a {@code prim::fork} whose subgraph
 * is a closure. A nested function is that closure; any other callee (a script function, a method, a module) is
 * called inside a closure made for it, with the callee and the arguments evaluated before the fork. Either way the
 * values the closure reads from the enclosing function become the subgraph's inputs (after lifting, as PyTorch's
 * inlineForkedClosures leaves it).
 */
final class Forks {
    private static final OpDef FORK = TorchDialect.SUBGRAPH_OPS.stream()
            .filter(d -> d.name().equals("prim::fork")).findFirst().orElseThrow();

    private final FunctionEmitter f;

    Forks(FunctionEmitter f) {
        this.f = f;
    }

    Sugared fork(List<Expr> args, List<Keyword> keywords, SourceRange where) {
        if (args.isEmpty()) {
            throw new CompileError(where, "Expected at least one argument to fork()");
        }
        Sugared target = f.exprs.emit(args.getFirst(), null);
        if (target instanceof Sugared.Closure closure) {
            if (args.size() != 1 || !keywords.isEmpty()) {
                throw new CompileError(where, "fork() of a nested function takes no arguments; the function reads "
                        + "the variables it needs");
            }
            FunctionEmitter body = new FunctionEmitter(f.compiler, closure.def(), null, f);
            return forkOf(body, body.emit(), where);
        }
        List<Value> argValues = new ArrayList<>();
        for (Expr a : args.subList(1, args.size())) {
            argValues.add(f.exprs.emitValue(a, null));
        }
        Map<String, Value> kw = f.exprs.calls.keywordValues(keywords);
        Stmt.FunctionDef def = new Stmt.FunctionDef(new Ident("__forked_function", where), List.of(),
                Optional.empty(), List.of(), List.of(), where);
        FunctionEmitter body = new FunctionEmitter(f.compiler, def, null, f);
        Sugared callee = captured(body, target, where);
        List<Value> innerArgs = argValues.stream().map(body::captureValue).toList();
        Map<String, Value> innerKw = new LinkedHashMap<>();
        kw.forEach((name, v) -> innerKw.put(name, body.captureValue(v)));
        Value result = body.exprs.asValue(body.exprs.calls.callValues(callee, innerArgs, innerKw, where, null),
                where);
        body.insert(TorchDialect.RETURN_STMT, List.of(result), List.of(), Map.of(), where);
        return forkOf(body, body.graph, where);
    }

    /** {@code callee} as the closure sees it: the values it holds become inputs of the closure. */
    private static Sugared captured(FunctionEmitter body, Sugared callee, SourceRange where) {
        return switch (callee) {
            case Sugared.Simple s -> new Sugared.Simple(body.captureValue(s.value()));
            case Sugared.Method m -> new Sugared.Method(body.captureValue(m.self()), m.cls(), m.name());
            case Sugared.Builtin b when b.self() != null -> new Sugared.Builtin(b.opName(),
                    body.captureValue(b.self()));
            case Sugared.TensorCast c -> new Sugared.TensorCast(body.captureValue(c.self()), c.dtype());
            case Sugared.Builtin b -> b;
            case Sugared.Function fn -> fn;
            case Sugared.BooleanDispatch d -> d;
            case Sugared.ClassRef c -> c;
            default -> throw new CompileError(where, "fork() expects a function, a method or a nested function");
        };
    }

    /** The {@code prim::fork} of the closure {@code body} emitted as {@code sub}, taking the values it captured. */
    private Sugared forkOf(FunctionEmitter body, Graph sub, SourceRange where) {
        f.compiler.finish(sub);
        TorchType result = (TorchType) sub.outputs().getFirst().type();
        Operation fork = Operation.create(FORK, body.captured, List.of(new FutureType(result)), Map.of(), 1,
                f.loc(where));
        f.block.insertBefore(fork, BlockOutputs.returnOp(f.block));
        sub.region().cloneInto(fork.region(0), new IRMapping());
        return new Sugared.Simple(fork.result(0));
    }
}
