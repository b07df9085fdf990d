package kiln.frontend.emit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.TensorType;
import kiln.frontend.script.SourceRange;
import kiln.frontend.script.Stmt;
import kiln.frontend.script.WithItem;

/**
 * {@code with a as x, b: body} as TorchScript's emitWith builds it: each item's object, which must be of a class
 * with {@code __enter__(self)} and {@code __exit__(self, Any, Any, Any)}, gets a {@code prim::Enter} (typed as
 * {@code __enter__} returns, bound to the target) before the next item is evaluated; after the body a
 * {@code prim::Exit} per item, innermost first. The body is not a scope of its own. An early exit from the body
 * still reaches the exits: the SSA conversion brackets Enter … Exit while it transforms exits.
 */
final class WithStatements {
    private final FunctionEmitter f;

    WithStatements(FunctionEmitter f) {
        this.f = f;
    }

    void emit(Stmt.With w) {
        Deque<Value> entered = new ArrayDeque<>();
        for (WithItem item : w.items()) {
            Value obj = f.exprs.emitValue(item.context(), null);
            FunctionSchema enter = checkContextManager(obj, item.context().range());
            Operation op = f.insert(TorchDialect.ENTER, List.of(obj), List.of(enter.returns().getFirst().type()),
                    Map.of(), null);
            entered.push(obj);
            item.target().ifPresent(t -> new Assignments(f).assign(t, new Sugared.Simple(op.result(0)),
                    item.range()));
        }
        f.statements(w.body());
        while (!entered.isEmpty()) {
            // PyTorch creates the node with its default single (Tensor) output, which nothing reads
            f.insert(TorchDialect.EXIT, List.of(entered.pop()), List.of(TensorType.TENSOR), Map.of(), null);
        }
    }

    /** The schema of {@code __enter__}, after checking that {@code obj}'s class is a context manager. */
    private FunctionSchema checkContextManager(Value obj, SourceRange where) {
        if (!(obj.type() instanceof ClassType ct)) {
            throw new CompileError(where, "With item expression must return an object");
        }
        ScriptClass cls = f.compiler.unit().classNamed(ct.qualifiedName()).orElseThrow(
                () -> new CompileError(where, "With item expression must return an object"));
        if (!cls.methods().containsKey("__enter__") || !cls.methods().containsKey("__exit__")) {
            throw new CompileError(where, "Object returned by with item expression does not define __enter__ and "
                    + "__exit__ methods");
        }
        FunctionSchema enter = f.compiler.methodSignature(cls, "__enter__");
        if (!enter.arguments().isEmpty()) {
            throw new CompileError(where, "__enter__ must have only one argument and one return value");
        }
        FunctionSchema exit = f.compiler.methodSignature(cls, "__exit__");
        if (exit.arguments().size() != 3) {
            throw new CompileError(where, "__exit__ must have four arguments");
        }
        for (int i = 0; i < 3; i++) {
            if (exit.arguments().get(i).type() != LeafType.ANY) {
                throw new CompileError(where, "argument " + (i + 1) + " of __exit__ must have Any type; TorchScript "
                        + "does not currently support passing exception type, value, or traceback to the __exit__ "
                        + "function.");
            }
        }
        return enter;
    }
}
