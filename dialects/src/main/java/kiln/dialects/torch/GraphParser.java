package kiln.dialects.torch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.types.ParsedType;
import kiln.dialects.torch.types.TorchTypeParser;

/**
 * Reads PyTorch's graph text (what {@code print(graph)} shows) into the torch dialect: typed inputs, nodes
 * with attributes and {@code # file:line:col} locations, nested blocks, {@code return}, and subgraph groups
 * ({@code prim::TensorExprGroup_0(…)} resolved against the {@code with prim::TensorExprGroup_0 = graph(…)}
 * sections that follow). Names must be defined before use; errors carry file, line and column.
 */
public final class GraphParser {
    private static final Pattern GROUP_REF = Pattern.compile("(.+)_(\\d+)");

    private final TextCursor in;
    private final DialectRegistry registry;
    private final boolean allowUnregistered;
    private final Map<Operation, Location> positions = new java.util.IdentityHashMap<>();

    private GraphParser(String text, String file, int offset, boolean allowUnregistered) {
        this.in = new TextCursor(text, file, offset);
        this.registry = TorchDialect.registry(allowUnregistered);
        this.allowUnregistered = allowUnregistered;
    }

    /** Parses a whole string holding exactly one graph. */
    public static Graph parse(String text) {
        return parse(text, "<string>");
    }

    public static Graph parse(String text, String file) {
        return parse(text, file, false);
    }

    /**
     * Parses a whole string holding exactly one graph. With {@code allowUnregistered}, ops no dialect knows
     * are read as unchecked ops instead of being an error, and operators PyTorch has no schema for pass
     * verification ({@link TorchDialect#ALLOWING_UNREGISTERED}); otherwise such operators parse but fail
     * verification as unknown.
     */
    public static Graph parse(String text, String file, boolean allowUnregistered) {
        GraphParser p = new GraphParser(text, file, 0, allowUnregistered);
        Graph g = p.graph();
        p.in.skipWhitespace();
        if (!p.in.atEnd()) {
            throw p.in.error("unexpected text after the graph: " + p.in.describeHere());
        }
        return g;
    }

    /** Parses one graph starting at {@code offset}; returns it with the offset just past it. */
    static Parsed parseAt(String text, String file, int offset, boolean allowUnregistered) {
        GraphParser p = new GraphParser(text, file, offset, allowUnregistered);
        Graph g = p.graph();
        return new Parsed(g, p.in.pos, p.positions);
    }

    /**
     * Parses one graph starting at {@code offset} into the empty region {@code into} (a function's body), recording
     * where each op stood in {@code positions}; returns the offset just past it.
     */
    static int parseInto(String text, String file, int offset, Region into, boolean allowUnregistered,
                         Map<Operation, Location> positions) {
        GraphParser p = new GraphParser(text, file, offset, allowUnregistered);
        p.graphInto(into);
        positions.putAll(p.positions);
        return p.in.pos;
    }

    /** A graph, where its text ended, and where in the text each op stood (for diagnostics). */
    record Parsed(Graph graph, int end, Map<Operation, Location> positions) {
    }

    /** Names visible in one graph (graphs and subgraphs have separate name spaces), and its pending groups. */
    private static final class Scope {
        final Map<String, Value> values = new HashMap<>();
        final List<Operation> groups = new ArrayList<>();
    }

    private Graph graph() {
        Region region = new Region(null);
        graphInto(region);
        return Graph.of(region);
    }

    private void graphInto(Region region) {
        in.skipWhitespace();
        if (!in.atWord("graph")) {
            throw in.error("expected 'graph(' but found " + in.describeHere());
        }
        in.pos += "graph".length();
        Scope scope = new Scope();
        Block block = region.addBlock();
        in.expect('(');
        arguments(block, scope);
        in.expect(':');
        body(block, scope, true);
        for (int i = 0; i < scope.groups.size(); i++) {
            Operation group = scope.groups.get(i);
            in.skipWhitespace();
            String expected = group.name() + "_" + i;
            if (!in.atWord("with")) {
                throw in.error("expected 'with " + expected + " = graph(…)' for the subgraph of " + expected);
            }
            in.pos += "with".length();
            int at = in.pos;
            String name = in.opName();
            if (!name.equals(expected)) {
                throw in.errorAt(at + 1, "expected subgraph '" + expected + "', found '" + name + "'");
            }
            in.expect('=');
            graphInto(group.region(0));
        }
    }

    private void arguments(Block block, Scope scope) {
        if (in.consume(')')) {
            return;
        }
        do {
            NameAndType nt = valueDecl();
            define(scope, nt, block.addArgument(nt.type, nt.name));
        } while (in.consume(','));
        in.expect(')');
    }

    private record NameAndType(String name, Type type, int offset) {
    }

    private NameAndType valueDecl() {
        in.skipSpacesAndNewlines();
        int at = in.pos;
        in.expect('%');
        String name = in.valueName();
        in.expect(':');
        in.skipSpaces();
        return new NameAndType(name, type(), at);
    }

    private Type type() {
        int at = in.pos;
        try {
            ParsedType parsed = TorchTypeParser.parse(in.text, in.pos);
            in.pos = parsed.end();
            return parsed.type();
        } catch (RuntimeException e) {
            throw in.errorAt(at, "bad type: " + e.getMessage());
        }
    }

    private void define(Scope scope, NameAndType nt, Value v) {
        if (scope.values.putIfAbsent(nt.name, v) != null) {
            throw in.errorAt(nt.offset, "redefinition of value '%" + nt.name + "'");
        }
    }

    private void body(Block block, Scope scope, boolean top) {
        while (true) {
            in.skipWhitespace();
            if (in.atEnd()) {
                throw in.error(top ? "expected 'return (…)' before the end of input"
                        : "expected '-> (…)' before the end of input");
            }
            if (top ? in.atWord("return") : in.startsWith("->")) {
                GraphParseException at = in.error("");
                in.pos += top ? "return".length() : 2;
                List<Value> outs = operandList(scope);
                Operation ret = Operation.create(TorchDialect.RETURN, outs, List.of(), Map.of(), 0, Location.UNKNOWN);
                block.append(ret);
                positions.put(ret, Location.of(at.file(), at.line(), at.column()));
                return;
            }
            if (!top && in.atWord("return")) {
                throw in.error("'return' inside a block; blocks end with '-> (…)'");
            }
            node(block, scope);
        }
    }

    private void node(Block block, Scope scope) {
        int nodeAt = in.pos;
        List<NameAndType> results = new ArrayList<>();
        if (in.peek() == '%') {
            do {
                results.add(valueDecl());
            } while (in.consume(','));
        }
        in.expect('=');
        in.skipSpaces();
        int nameAt = in.pos;
        String name = in.opName();
        boolean group = false;
        OpDef def;
        Matcher m = GROUP_REF.matcher(name);
        Optional<OpDef> base = m.matches() ? registry.lookup(m.group(1)) : Optional.empty();
        if (base.isPresent() && base.get().has(TorchDialect.SUBGRAPH)) {
            if (Integer.parseInt(m.group(2)) != scope.groups.size()) {
                throw in.errorAt(nameAt, "subgraph groups are numbered in order: expected '" + m.group(1) + "_"
                        + scope.groups.size() + "', found '" + name + "'");
            }
            def = base.get();
            group = true;
        } else {
            def = registry.lookup(name).orElseThrow(() -> in.errorAt(nameAt, "unknown op '" + name + "'"));
        }
        Map<String, Attribute> attrs = in.peek() == '[' ? attributes() : Map.of();
        if (in.peek() != '(') {
            throw in.error("expected '(' after '" + name + "' but found " + in.describeHere());
        }
        List<Value> operands = operandList(scope);
        Location loc = location();
        int regionCount = group ? 1 : def.regions().min();
        Operation op = Operation.create(def, operands, results.stream().map(NameAndType::type).toList(), attrs,
                regionCount, loc);
        block.append(op);
        GraphParseException at = in.errorAt(nodeAt, "");
        positions.put(op, Location.of(at.file(), at.line(), at.column()));
        if (group) {
            scope.groups.add(op);
        } else {
            blocks(op, scope);
        }
        for (int i = 0; i < results.size(); i++) {
            op.result(i).setName(results.get(i).name);
            define(scope, results.get(i), op.result(i));
        }
    }

    private void blocks(Operation op, Scope scope) {
        for (int i = 0; ; i++) {
            int save = in.pos;
            in.skipWhitespace();
            if (!in.startsWith("block") || in.pos + 5 >= in.text.length()
                    || !Character.isDigit(in.text.charAt(in.pos + 5))) {
                in.pos = save;
                if (i < op.regions().size()) {
                    throw in.error("'" + op.name() + "' needs " + op.regions().size() + " block(s), found " + i);
                }
                return;
            }
            int at = in.pos;
            in.pos += 5;
            int numStart = in.pos;
            while (Character.isDigit(in.peek())) {
                in.pos++;
            }
            int index = Integer.parseInt(in.text.substring(numStart, in.pos));
            if (index != i) {
                throw in.errorAt(at, "expected block" + i + ", found block" + index);
            }
            if (i >= op.regions().size()) {
                if (i >= op.def().regions().max()) {
                    throw in.errorAt(at, "'" + op.name() + "' takes " + op.def().regions() + " block(s)");
                }
                op.addRegion();
            }
            Block b = op.region(i).addBlock();
            in.expect('(');
            arguments(b, scope);
            in.expect(':');
            body(b, scope, false);
        }
    }

    private Map<String, Attribute> attributes() {
        in.expect('[');
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        if (in.consume(']')) {
            return attrs;
        }
        do {
            in.skipSpaces();
            int at = in.pos;
            while (TextCursor.isIdentChar(in.peek())) {
                in.pos++;
            }
            String key = in.text.substring(at, in.pos);
            if (key.isEmpty()) {
                throw in.error("expected an attribute name but found " + in.describeHere());
            }
            in.expect('=');
            if (attrs.put(key, AttributeParser.parseValue(in)) != null) {
                throw in.errorAt(at, "duplicate attribute '" + key + "'");
            }
        } while (in.consume(','));
        in.expect(']');
        return attrs;
    }

    private List<Value> operandList(Scope scope) {
        in.expect('(');
        List<Value> values = new ArrayList<>();
        if (in.consume(')')) {
            return values;
        }
        do {
            in.skipSpacesAndNewlines();
            int at = in.pos;
            in.expect('%');
            String n = in.valueName();
            Value v = scope.values.get(n);
            if (v == null) {
                throw in.errorAt(at, "use of undefined value '%" + n + "'");
            }
            values.add(v);
        } while (in.consume(','));
        in.expect(')');
        return values;
    }

    /** Reads a trailing {@code # file:line:col} comment on the node's line, if any. */
    private Location location() {
        in.skipSpaces();
        if (in.peek() != '#') {
            return Location.UNKNOWN;
        }
        int start = in.pos + 1;
        in.skipToEndOfLine();
        String comment = in.text.substring(start, in.pos).strip();
        int c2 = comment.lastIndexOf(':');
        int c1 = c2 > 0 ? comment.lastIndexOf(':', c2 - 1) : -1;
        if (c1 >= 0) {
            try {
                return Location.of(comment.substring(0, c1), Integer.parseInt(comment.substring(c1 + 1, c2)),
                        Integer.parseInt(comment.substring(c2 + 1)));
            } catch (NumberFormatException e) {
                return Location.UNKNOWN;
            }
        }
        return Location.UNKNOWN;
    }
}
