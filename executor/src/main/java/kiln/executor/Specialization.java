package kiln.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.IRMapping;
import kiln.dialects.ir.ListAttr;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.TypeAttr;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.VaryingShape;

/**
 * Builds a guarded specialization of a graph (the profiling executor's optimized graph):
 * <pre>
 * graph(%x, …):
 *   %x.1, …, %ok = prim::TypeCheck[types=[Float(2, 3, strides=[3, 1], …), …]](%x, …)
 *   %r = prim::If(%ok)
 *     block0():   the graph, its tensor inputs replaced by the checked (refined) values
 *     block1():   %r.f = prim::FallbackGraph_0(%x, …)      the unspecialized graph, run when a guard fails
 *   return (%r)
 * </pre>
 * A {@link Kind#STATIC} specialization guards every profiled size and stride; a {@link Kind#DYNAMIC} one only the
 * rank, dtype, device and the sizes of 1 (PyTorch's dynamic shapes keep 1s as 1), so that one specialization serves
 * changing lengths and batches.
 */
public final class Specialization {
    /** How much of the profiled types a specialization relies on. */
    public enum Kind { STATIC, DYNAMIC }

    private Specialization() {
    }

    /**
     * The guarded graph for {@code original} given the types profiled at its inputs, or empty when no input is a
     * profiled tensor (there is nothing to specialize on).
     */
    static Optional<Graph> of(Graph original, List<Optional<TensorType>> inputTypes, Kind kind) {
        List<Integer> guarded = new ArrayList<>();
        List<TensorType> types = new ArrayList<>();
        for (int i = 0; i < original.inputs().size(); i++) {
            Optional<TensorType> t = inputTypes.get(i);
            if (t.isPresent() && original.inputs().get(i).type() instanceof TensorType) {
                guarded.add(i);
                types.add(kind == Kind.STATIC ? t.get() : dynamic(t.get()));
            }
        }
        if (guarded.isEmpty()) {
            return Optional.empty();
        }
        Region region = new Region(null);
        Block top = BlockOutputs.newBlock(region);
        List<Value> inputs = new ArrayList<>();
        for (Value in : original.inputs()) {
            inputs.add(top.addArgument(in.type(), in.name()));
        }
        List<Value> checked = guarded.stream().map(inputs::get).toList();
        List<Type> checkTypes = new ArrayList<>(types);
        checkTypes.add(kiln.dialects.torch.types.LeafType.BOOL);
        Operation check = Operation.create(TorchDialect.TYPE_CHECK, checked, checkTypes,
                Map.of("types", ListAttr.of(types.stream().map(TypeAttr::new).toList())), 0, Location.UNKNOWN);
        Operation ret = top.terminator();
        top.insertBefore(check, ret);
        for (int k = 0; k < guarded.size(); k++) {
            check.result(k).setName(inputs.get(guarded.get(k)).name());
        }
        List<Type> outputTypes = original.outputs().stream().map(Value::type).toList();
        Operation branch = Operation.create(TorchDialect.IF, List.of(check.result(guarded.size())), outputTypes,
                Map.of(), 2, Location.UNKNOWN);
        top.insertBefore(branch, ret);

        // block0: the specialized graph, on the checked values
        Block fast = BlockOutputs.newBlock(branch.region(0));
        IRMapping mapping = new IRMapping();
        for (int i = 0; i < inputs.size(); i++) {
            int k = guarded.indexOf(i);
            mapping.map(original.inputs().get(i), k >= 0 ? check.result(k) : inputs.get(i));
        }
        BlockOutputs.cloneFrom(fast, original.block(), mapping);

        // block1: the fallback, the unspecialized graph as a subgraph
        Block slow = BlockOutputs.newBlock(branch.region(1));
        Operation fallback = Operation.create(TorchDialect.FALLBACK_GRAPH, inputs, outputTypes, Map.of(), 1,
                Location.UNKNOWN);
        original.region().cloneInto(fallback.region(0), new IRMapping());
        slow.insertBefore(fallback, slow.terminator());
        BlockOutputs.replaceAll(slow, fallback.results());

        for (int i = 0; i < branch.numResults(); i++) {
            branch.result(i).setName(original.outputs().get(i).name());
        }
        BlockOutputs.replaceAll(top, branch.results());
        return Optional.of(Graph.of(region));
    }

    /** The dynamic version of a profiled type: rank, dtype, device and sizes of 1 kept, other sizes and strides not. */
    static TensorType dynamic(TensorType t) {
        if (t.sizes().rank().isEmpty()) {
            return t;
        }
        int rank = t.sizes().rank().getAsInt();
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            OptionalLong d = t.sizes().get(i);
            sizes.add(d.isPresent() && d.getAsLong() == 1 ? 1L : null);
        }
        return t.withShape(VaryingShape.ofNullable(sizes), VaryingShape.ofRank(rank));
    }
}
