package kiln.cli;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.BlockArgument;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpResult;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;

/**
 * A Graphviz picture of a region, as MLIR's {@code -view-op-graph} draws one: an op is a node, a value's use is an
 * edge from the op (or block argument) that defines it, and an op with regions is a cluster holding its blocks.
 * Fusion groups (ops with the torch subgraph trait that a backend runs as one call) are filled green, fallback
 * graphs ({@code prim::FallbackGraph}: what a failed guard runs) orange, guards ({@code prim::TypeCheck}) yellow;
 * other regions ({@code prim::If}, {@code prim::Loop}) grey.
 */
final class OpGraphDot {
    static final String FUSION_COLOR = "#d9f2d0";
    static final String FALLBACK_COLOR = "#fde0c5";
    static final String GUARD_COLOR = "#fff2a8";
    /** Attributes and types longer than this are cut (tensor constants, refined tensor types). */
    private static final int MAX_TEXT = 40;

    private final StringBuilder out = new StringBuilder();
    private final Map<Value, String> sources = new IdentityHashMap<>();
    private final Map<Operation, String> nodes = new IdentityHashMap<>();
    private int clusters;

    private OpGraphDot() {
    }

    /** The DOT text of {@code body} (a graph's region) under the title {@code name}. */
    static String of(String name, Region body) {
        OpGraphDot dot = new OpGraphDot();
        dot.out.append("digraph ").append(quote(name)).append(" {\n")
                .append("  compound=true;\n  rankdir=TB;\n  label=").append(quote(name)).append(";\n  labelloc=t;\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"monospace\", "
                        + "fontsize=10];\n")
                .append("  edge [fontname=\"monospace\", fontsize=9];\n");
        dot.region(body, "  ");
        body.walk(dot::edges);
        dot.out.append("}\n");
        return dot.out.toString();
    }

    private void region(Region region, String indent) {
        for (int b = 0; b < region.blocks().size(); b++) {
            Block block = region.blocks().get(b);
            for (BlockArgument arg : block.arguments()) {
                String id = "v" + sources.size();
                sources.put(arg, id);
                out.append(indent).append(id).append(" [shape=ellipse, label=")
                        .append(quote("%" + arg.name() + " : " + typeText(arg.type()))).append("];\n");
            }
            for (Operation op : block.ops()) {
                op(op, indent);
            }
        }
    }

    private void op(Operation op, String indent) {
        String id = "op" + nodes.size();
        nodes.put(op, id);
        for (OpResult r : op.results()) {
            sources.put(r, id);
        }
        String color = op.def() == TorchDialect.TYPE_CHECK ? GUARD_COLOR : "white";
        if (op.regions().isEmpty()) {
            out.append(indent).append(id).append(" [label=").append(quote(label(op))).append(", fillcolor=\"")
                    .append(color).append("\"];\n");
            return;
        }
        String cluster = "cluster_" + clusters++;
        out.append(indent).append("subgraph ").append(cluster).append(" {\n")
                .append(indent).append("  label=").append(quote(op.name())).append(";\n")
                .append(indent).append("  style=\"rounded,filled\";\n")
                .append(indent).append("  fillcolor=\"").append(regionColor(op)).append("\";\n")
                .append(indent).append("  ").append(id).append(" [label=").append(quote(label(op)))
                .append(", shape=box, fillcolor=white];\n");
        if (op.regions().size() == 1) {
            region(op.region(0), indent + "  ");
        } else {
            for (int i = 0; i < op.regions().size(); i++) { // several regions (prim::If's blocks): one cluster each
                out.append(indent).append("  subgraph cluster_").append(clusters++).append(" {\n")
                        .append(indent).append("    label=\"region ").append(i).append("\";\n")
                        .append(indent).append("    style=dashed;\n");
                region(op.region(i), indent + "    ");
                out.append(indent).append("  }\n");
            }
        }
        out.append(indent).append("}\n");
    }

    /** The fill of an op's cluster: fusion groups green, fallback graphs orange, the rest grey. */
    static String regionColor(Operation op) {
        if (op.def() == TorchDialect.FALLBACK_GRAPH) {
            return FALLBACK_COLOR;
        }
        return op.has(TorchDialect.SUBGRAPH) && op.name().contains("Group") ? FUSION_COLOR : "#f0f0f0";
    }

    private void edges(Operation op) {
        String to = nodes.get(op);
        for (int i = 0; i < op.numOperands(); i++) {
            String from = sources.get(op.operand(i));
            if (from != null && to != null) {
                out.append("  ").append(from).append(" -> ").append(to)
                        .append(op.numOperands() > 1 ? " [label=\"" + i + "\"]" : "").append(";\n");
            }
        }
    }

    /** The op's name, its short attributes, and its results' types. */
    private static String label(Operation op) {
        StringBuilder s = new StringBuilder(op.name());
        if (!op.attributes().isEmpty()) {
            s.append(op.attributes().entrySet().stream().map(e -> e.getKey() + "=" + attributeText(e.getValue()))
                    .collect(Collectors.joining(", ", "[", "]")));
        }
        if (op.numResults() > 0) {
            s.append("\n").append(op.results().stream().map(r -> typeText(r.type()))
                    .collect(Collectors.joining(", ")));
        }
        if (op.regions().isEmpty() && op.location() instanceof Location.FileLineCol at) {
            s.append("\n").append(at);
        }
        return s.toString();
    }

    private static String attributeText(Attribute a) {
        return shortened(a.toString());
    }

    private static String typeText(Type t) {
        return shortened(t.toString());
    }

    private static String shortened(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 3) + "..." : text;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
