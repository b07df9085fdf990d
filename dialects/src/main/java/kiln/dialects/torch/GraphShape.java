package kiln.dialects.torch;

import java.util.Map;
import java.util.TreeMap;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Trait;

/**
 * A graph's shape for comparing two compilations of one program: how many nodes of each kind it has
 * ({@code prim::Constant} and block returns aside) and how its {@code prim::If}/{@code prim::Loop} nest.
 */
public record GraphShape(Map<String, Integer> kinds, String nesting) {

    public static GraphShape of(Graph g) {
        Map<String, Integer> kinds = new TreeMap<>();
        StringBuilder nesting = new StringBuilder();
        walk(g.block(), kinds, nesting);
        return new GraphShape(kinds, nesting.toString());
    }

    private static void walk(Block b, Map<String, Integer> kinds, StringBuilder nesting) {
        for (Operation op : b.ops()) {
            if (op.has(Trait.TERMINATOR) || op.def() == TorchDialect.CONSTANT) {
                continue;
            }
            kinds.merge(op.name(), 1, Integer::sum);
            boolean control = op.def() == TorchDialect.IF || op.def() == TorchDialect.LOOP;
            if (control) {
                nesting.append(op.def() == TorchDialect.IF ? "If" : "Loop");
            }
            if (!op.has(TorchDialect.SUBGRAPH)) {
                for (Region r : op.regions()) {
                    if (control) {
                        nesting.append('(');
                    }
                    for (Block nested : r.blocks()) {
                        walk(nested, kinds, nesting);
                    }
                    if (control) {
                        nesting.append(')');
                    }
                }
            }
        }
    }

    /** A one-line description of how {@code other} differs, or null when the shapes are equal. */
    public String differenceFrom(GraphShape other) {
        if (equals(other)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        Map<String, Integer> all = new TreeMap<>(kinds);
        other.kinds.forEach((k, v) -> all.putIfAbsent(k, 0));
        for (String k : all.keySet()) {
            int a = kinds.getOrDefault(k, 0);
            int b = other.kinds.getOrDefault(k, 0);
            if (a != b) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(a).append(" vs ").append(b);
            }
        }
        if (!nesting.equals(other.nesting)) {
            sb.append(sb.isEmpty() ? "" : "; ").append("nesting ").append(nesting).append(" vs ").append(other.nesting);
        }
        return sb.toString();
    }
}
