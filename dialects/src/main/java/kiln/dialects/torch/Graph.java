package kiln.dialects.torch;

import java.util.List;
import java.util.Objects;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.BlockArgument;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;

/**
 * A TorchScript graph: one block whose arguments are the graph's inputs and whose {@code prim::Return}
 * terminator holds its outputs. A graph is either top-level (a method body) or the subgraph region of a
 * fusion group / fork op.
 */
public final class Graph {
    private final Region region;

    private Graph(Region region) {
        this.region = region;
    }

    /** A new top-level graph with an empty body ending in {@code return ()}. */
    public static Graph create() {
        Region r = new Region(null);
        Graph g = new Graph(r);
        Block b = r.addBlock();
        b.append(Operation.create(TorchDialect.RETURN, List.of(), List.of(), java.util.Map.of(), 0,
                Location.UNKNOWN));
        return g;
    }

    /** A view of an existing single-block region (a subgraph, or a region built by a parser). */
    public static Graph of(Region region) {
        Objects.requireNonNull(region);
        if (region.blocks().size() != 1) {
            throw new IllegalArgumentException("a graph region has exactly one block, found " + region.blocks().size());
        }
        return new Graph(region);
    }

    public Region region() {
        return region;
    }

    public Block block() {
        return region.entry();
    }

    public List<BlockArgument> inputs() {
        return block().arguments();
    }

    public BlockArgument addInput(Type type, String name) {
        return block().addArgument(type, name);
    }

    public Operation returnOp() {
        Operation t = block().terminator();
        if (t == null) {
            throw new IllegalStateException("graph has no return");
        }
        return t;
    }

    public List<Value> outputs() {
        return returnOp().operands();
    }

    public Iterable<Operation> nodes() {
        return block().ops();
    }

    @Override
    public String toString() {
        return GraphPrinter.print(this);
    }
}
