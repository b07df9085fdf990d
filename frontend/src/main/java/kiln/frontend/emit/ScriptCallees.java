package kiln.frontend.emit;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.IRMapping;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.types.ClassType;
import kiln.lowering.torch.CallInliner;
import kiln.lowering.torch.Callees;

/**
 * The callees of compiled script code, for PyTorch's Inline pass ({@link CallInliner}): a {@code prim::CallMethod}
 * calls a method of a script class, compiled on demand; a {@code prim::CallFunction} calls the script function its
 * {@code Function} constant names. The graph text keeps only a function's short name, so which function a constant
 * names is kept here by the constant op itself, and follows the copies the inliner makes. Each inlined callee is
 * optimized first, as PyTorch's {@code GraphFunction::optimized_graph} is.
 */
final class ScriptCallees implements Callees {
    private final ScriptCompiler compiler;
    /** Which script function each {@code Function} constant names, including copies made while inlining. */
    private final Map<Operation, String> functionConstants;
    private final CallInliner inliner;

    ScriptCallees(ScriptCompiler compiler, Map<Operation, String> functionConstants) {
        this.compiler = compiler;
        this.functionConstants = functionConstants;
        this.inliner = new CallInliner(this, body -> Cleanup.optimize(Graph.of(body), compiler.operators()));
    }

    /** A copy of {@code graph} with every call inlined. */
    Graph inlined(Graph graph) {
        Region copyRegion = new Region(null);
        IRMapping mapping = new IRMapping();
        graph.region().cloneInto(copyRegion, mapping);
        copied(graph.region(), mapping);
        inliner.inlineCalls(copyRegion);
        return Graph.of(copyRegion);
    }

    @Override
    public Optional<Callee> function(Operation constant) {
        String q = functionConstants.get(constant);
        return q == null ? Optional.empty() : Optional.of(new Callee(q, () -> compiler.function(q).region()));
    }

    @Override
    public Optional<Callee> method(ClassType type, String name) {
        return compiler.unit().classNamed(type.qualifiedName()).filter(cls -> cls.methods().containsKey(name))
                .map(cls -> new Callee(cls.name() + "." + name, () -> compiler.method(cls, name).region()));
    }

    @Override
    public void copied(Region original, IRMapping mapping) {
        original.walk(op -> {
            String q = functionConstants.get(op);
            if (q != null) {
                Value copied = mapping.lookupOrDefault(op.result(0));
                functionConstants.put(copied.definingOp(), q);
            }
        });
    }

    static Map<Operation, String> newTable() {
        return new IdentityHashMap<>();
    }
}
