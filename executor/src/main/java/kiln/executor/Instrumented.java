package kiln.executor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.IRMapping;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Use;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.TensorType;

/**
 * A copy of a graph with a {@code prim::profile} op after every tensor value — each input, and each result of an op
 * of the graph's own blocks (subgraphs aside) — so that running it records what each value was (PyTorch's
 * {@code ProfilingRecord::instrumentGraph}, which profiles each use).
 *
 * @param graph  the instrumented copy
 * @param points for each profile id, the value of the original graph it observes
 */
record Instrumented(Graph graph, Map<Long, Value> points) {
    static Instrumented of(Graph original) {
        Region copy = new Region(null);
        IRMapping mapping = new IRMapping();
        original.region().cloneInto(copy, mapping);
        Map<Value, Value> back = new IdentityHashMap<>();
        original.region().walk(op -> op.results().forEach(r -> back.put(mapping.lookupOrDefault(r), r)));
        for (int i = 0; i < original.inputs().size(); i++) {
            back.put(copy.entry().argument(i), original.inputs().get(i));
        }
        Map<Long, Value> points = new java.util.LinkedHashMap<>();
        instrument(copy.entry(), back, points);
        return new Instrumented(Graph.of(copy), points);
    }

    private static void instrument(Block block, Map<Value, Value> back, Map<Long, Value> points) {
        Operation first = block.firstOp();
        for (Value arg : block.arguments()) {
            profile(arg, block, first, back, points);
        }
        for (Operation op : block.opsSnapshot()) {
            if (!op.has(TorchDialect.SUBGRAPH)) {
                for (Region r : op.regions()) {
                    for (Block b : r.blocks()) {
                        instrument(b, back, points);
                    }
                }
            }
            if (op.def() == TorchDialect.PROFILE || op.def() == TorchDialect.CONSTANT) {
                continue;
            }
            for (Value r : List.copyOf(op.results())) {
                profile(r, block, op.nextOp(), back, points);
            }
        }
    }

    /** Puts {@code %v.p = prim::profile(%v)} before {@code before} and makes every use of {@code v} use it. */
    private static void profile(Value v, Block block, Operation before, Map<Value, Value> back,
                                Map<Long, Value> points) {
        if (!(v.type() instanceof TensorType) || !v.hasUses() || !back.containsKey(v)) {
            return;
        }
        long id = points.size();
        List<Use> uses = new ArrayList<>(v.uses());
        Operation p = Operation.create(TorchDialect.PROFILE, List.of(v), List.of(v.type()),
                Map.of("id", new IntAttr(id)), 0, Location.UNKNOWN);
        block.insertBefore(p, before);
        for (Use u : uses) {
            u.user().setOperand(u.index(), p.result(0));
        }
        points.put(id, back.get(v));
    }
}
