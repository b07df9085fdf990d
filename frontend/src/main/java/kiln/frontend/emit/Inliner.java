package kiln.frontend.emit;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.IRMapping;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.ClassType;

/**
 * PyTorch's Inline pass for compiled script code: every {@code prim::CallMethod} on an object of a script class
 * and every {@code prim::CallFunction} of a script function is replaced by a copy of the callee's (inlined)
 * body. The function constants stay, unused, as in PyTorch's {@code inlined_graph}.
 */
final class Inliner {
    private final ScriptCompiler compiler;
    /** Which script function each {@code Function} constant names, including copies made while inlining. */
    private final Map<Operation, String> functionConstants;

    Inliner(ScriptCompiler compiler, Map<Operation, String> functionConstants) {
        this.compiler = compiler;
        this.functionConstants = functionConstants;
    }

    /** A copy of {@code graph} with every call inlined. */
    Graph inlined(Graph graph) {
        Region copyRegion = new Region(null);
        IRMapping mapping = new IRMapping();
        graph.region().cloneInto(copyRegion, mapping);
        recordCopies(graph.region(), mapping);
        Graph copy = Graph.of(copyRegion);
        inlineCalls(copy.block(), 0);
        return copy;
    }

    private void recordCopies(Region original, IRMapping mapping) {
        original.walk(op -> {
            String q = functionConstants.get(op);
            if (q != null) {
                Value copied = mapping.lookupOrDefault(op.result(0));
                functionConstants.put(copied.definingOp(), q);
            }
        });
    }

    private void inlineCalls(Block block, int depth) {
        for (Operation op : block.opsSnapshot()) {
            if (!op.has(TorchDialect.SUBGRAPH)) {
                for (Region r : op.regions()) {
                    for (Block b : r.blocks()) {
                        inlineCalls(b, depth);
                    }
                }
            }
            Graph callee = null;
            List<Value> args = null;
            if (op.def() == TorchDialect.CALL_METHOD && op.operand(0).type() instanceof ClassType ct) {
                ScriptClass cls = compiler.unit().classNamed(ct.qualifiedName()).orElse(null);
                String name = op.attribute("name", StringAttr.class).value();
                if (cls != null && cls.methods().containsKey(name)) {
                    callee = inlinedCallee(cls.name() + "." + name, () -> compiler.method(cls, name), depth);
                    args = op.operands();
                }
            } else if (op.def() == TorchDialect.CALL_FUNCTION && op.operand(0).definingOp() != null) {
                String q = functionConstants.get(op.operand(0).definingOp());
                if (q != null) {
                    callee = inlinedCallee(q, () -> compiler.function(q), depth);
                    args = op.operands().subList(1, op.numOperands());
                }
            }
            if (callee == null) {
                continue;
            }
            IRMapping mapping = new IRMapping();
            for (int i = 0; i < callee.inputs().size(); i++) {
                mapping.map(callee.inputs().get(i), args.get(i));
            }
            for (Operation inner : callee.nodes()) {
                if (inner != callee.block().terminator()) {
                    block.insertBefore(inner.clone(mapping), op);
                }
            }
            recordCopies(callee.region(), mapping);
            op.replaceWith(BlockOutputs.outputs(callee.block()).stream().map(mapping::lookupOrDefault).toList());
        }
    }

    private final Map<String, Graph> inlinedCallees = new java.util.HashMap<>();

    /** The callee's body with its own calls inlined (computed once per callee). */
    private Graph inlinedCallee(String key, java.util.function.Supplier<Graph> compiled, int depth) {
        Graph g = inlinedCallees.get(key);
        if (g != null) {
            return g;
        }
        if (depth > 100) {
            throw new IllegalStateException("inlining " + key + " exceeded depth 100: recursive calls?");
        }
        Graph original = compiled.get();
        Region copyRegion = new Region(null);
        IRMapping mapping = new IRMapping();
        original.region().cloneInto(copyRegion, mapping);
        recordCopies(original.region(), mapping);
        g = Graph.of(copyRegion);
        inlineCalls(g.block(), depth + 1);
        Cleanup.optimize(g, compiler.operators());
        inlinedCallees.put(key, g);
        return g;
    }

    static Map<Operation, String> newTable() {
        return new IdentityHashMap<>();
    }
}
