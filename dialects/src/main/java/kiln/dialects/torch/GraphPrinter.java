package kiln.dialects.torch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Value;

/**
 * Prints a graph exactly as PyTorch's {@code Graph::print} does (torch/csrc/jit/ir/ir.cpp): typed inputs,
 * one node per line with attributes and a {@code # file:line:col} comment, nested {@code blockN(…):} bodies
 * ending in {@code -> (…)}, {@code return (…)}, then each subgraph op's body as {@code with prim::X_N = graph}.
 * Values keep their names where unique; a repeated name gets a {@code .N} suffix, an unnamed value a number.
 */
public final class GraphPrinter {
    private final StringBuilder out = new StringBuilder();
    private final Map<Value, String> names = new IdentityHashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final List<Operation> groups = new ArrayList<>();
    private long nextNumber;

    private GraphPrinter() {
    }

    public static String print(Graph graph) {
        GraphPrinter p = new GraphPrinter();
        p.graph(graph);
        return p.out.toString();
    }

    private void graph(Graph g) {
        assignNames(g.block());
        out.append("graph(");
        valueList(g.inputs(), ",\n      ");
        out.append("):\n");
        for (Operation op : g.nodes()) {
            if (op != g.block().terminator()) {
                node(op, 1);
            }
        }
        out.append("  return (");
        refs(g.outputs());
        out.append(")\n");
        for (int i = 0; i < groups.size(); i++) {
            Operation fg = groups.get(i);
            out.append("with ").append(fg.name()).append('_').append(i).append(" = ")
                    .append(print(Graph.of(fg.region(0))));
        }
    }

    private void node(Operation op, int level) {
        indent(level);
        valueList(op.results(), ", ");
        out.append(" = ");
        if (op.has(TorchDialect.SUBGRAPH)) {
            out.append(op.name()).append('_').append(groups.size());
            groups.add(op);
        } else {
            out.append(op.name());
        }
        if (!op.attributes().isEmpty()) {
            out.append('[');
            int i = 0;
            for (Map.Entry<String, Attribute> e : op.attributes().entrySet()) {
                if (i++ > 0) {
                    out.append(", ");
                }
                out.append(e.getKey()).append('=').append(TorchAttributes.print(e.getValue()));
            }
            out.append(']');
        }
        out.append('(');
        refs(op.operands());
        out.append(')');
        if (op.location() instanceof Location.FileLineCol loc) {
            out.append(" # ").append(loc);
        }
        out.append('\n');
        if (op.has(TorchDialect.SUBGRAPH)) {
            return;
        }
        for (int i = 0; i < op.regions().size(); i++) {
            Block b = op.region(i).entry();
            indent(level + 1).append("block").append(i).append('(');
            valueList(b.arguments(), ", ");
            out.append("):\n");
            for (Operation nested : b.ops()) {
                if (nested != b.terminator()) {
                    node(nested, level + 2);
                }
            }
            indent(level + 2).append("-> (");
            refs(b.terminator() == null ? List.of() : b.terminator().operands());
            out.append(")\n");
        }
    }

    private StringBuilder indent(int level) {
        return out.append("  ".repeat(level));
    }

    private void valueList(List<? extends Value> values, String delimiter) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            Value v = values.get(i);
            out.append('%').append(names.get(v)).append(" : ").append(v.type());
        }
    }

    private void refs(List<? extends Value> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            String n = names.get(values.get(i));
            out.append('%').append(n == null ? "<undefined>" : n);
        }
    }

    // ---- naming: keep unique name hints, number the rest past the largest numeric name

    private void assignNames(Block top) {
        List<Value> all = new ArrayList<>();
        collect(top, all);
        for (Value v : all) {
            String n = v.name();
            if (n != null && isNumeric(n)) {
                nextNumber = Math.max(nextNumber, Long.parseLong(n) + 1);
            }
        }
        for (Value v : all) {
            String n = v.name();
            if (n != null && !n.isEmpty() && taken.add(n)) {
                names.put(v, n);
            }
        }
        for (Value v : all) {
            if (!names.containsKey(v)) {
                String hint = v.name();
                String fresh;
                if (hint != null && !hint.isEmpty() && !isNumeric(hint)) {
                    // a taken name hint gets PyTorch's suffix style: x, x.1, x.2, ...
                    String base = hint.matches(".*\\.\\d+") ? hint.substring(0, hint.lastIndexOf('.')) : hint;
                    int suffix = 1;
                    do {
                        fresh = base + "." + suffix++;
                    } while (!taken.add(fresh));
                } else {
                    do {
                        fresh = Long.toString(nextNumber++);
                    } while (!taken.add(fresh));
                }
                names.put(v, fresh);
            }
        }
    }

    private static void collect(Block b, List<Value> into) {
        into.addAll(b.arguments());
        for (Operation op : b.ops()) {
            into.addAll(op.results());
            if (!op.has(TorchDialect.SUBGRAPH)) {
                op.regions().forEach(r -> r.blocks().forEach(nested -> collect(nested, into)));
            }
        }
    }

    private static boolean isNumeric(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
