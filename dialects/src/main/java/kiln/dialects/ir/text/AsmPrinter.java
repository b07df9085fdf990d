package kiln.dialects.ir.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiln.dialects.ir.AsmNames;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.BlockArgument;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.DictAttr;
import kiln.dialects.ir.FunctionType;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;

/**
 * Writes IR in MLIR's text form: each op in its custom assembly ({@link OpFormat}) where it has one and the generic
 * form otherwise ({@code %r = "ns.op"(%a) ({…}) {attr = 1} : (i64) -> i64 loc("f.py":3:4)}), a function body in
 * its dialect's {@link RegionFormat} where there is one. Values keep their name hints where those are valid and
 * unique in their scope (an op isolated from above starts a new one); others are numbered.
 */
public final class AsmPrinter {
    /** How to print. */
    public record Options(boolean generic, boolean locations) {
        public static final Options DEFAULT = new Options(false, true);
        public static final Options GENERIC = new Options(true, true);
    }

    private final DialectRegistry registry;
    private final Options options;
    private final StringBuilder out = new StringBuilder();
    private final Map<Value, String> names = new IdentityHashMap<>();
    private final Map<Block, String> blockNames = new IdentityHashMap<>();
    private int indent;

    private AsmPrinter(DialectRegistry registry, Options options) {
        this.registry = registry;
        this.options = options;
    }

    /** The text of {@code op} and everything in it, ending in a newline. */
    public static String print(Operation op, DialectRegistry registry, Options options) {
        AsmPrinter p = new AsmPrinter(registry, options);
        p.nameScope(op);
        p.operation(op);
        p.out.append('\n');
        return p.out.toString();
    }

    public static String print(Operation op, DialectRegistry registry) {
        return print(op, registry, Options.DEFAULT);
    }

    public Options options() {
        return options;
    }

    public DialectRegistry registry() {
        return registry;
    }

    // ---- the API for custom formats

    public AsmPrinter print(String text) {
        out.append(text);
        return this;
    }

    public AsmPrinter printOperand(Value v) {
        String n = names.get(v);
        out.append('%').append(n == null ? "<<undefined>>" : n);
        return this;
    }

    public AsmPrinter printOperands(List<? extends Value> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            printOperand(values.get(i));
        }
        return this;
    }

    public AsmPrinter printType(Type t) {
        out.append(t.asm());
        return this;
    }

    public AsmPrinter printTypes(List<? extends Type> types) {
        for (int i = 0; i < types.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            printType(types.get(i));
        }
        return this;
    }

    public AsmPrinter printAttribute(Attribute a) {
        out.append(a.asm());
        return this;
    }

    /** {@code @name}, quoted when it is not an identifier. */
    public AsmPrinter printSymbolName(String name) {
        out.append('@').append(AsmNames.isBareIdentifier(name) ? name : StringAttr.quote(name));
        return this;
    }

    /** {@code  attributes {…}} for the attributes not in {@code elided}, or nothing when there are none. */
    public AsmPrinter printAttributesKeyword(Map<String, Attribute> attributes, Set<String> elided) {
        Map<String, Attribute> rest = without(attributes, elided);
        if (!rest.isEmpty()) {
            out.append(" attributes ").append(DictAttr.text(rest));
        }
        return this;
    }

    /** {@code  {…}} for the attributes not in {@code elided}, or nothing when there are none. */
    public AsmPrinter printAttributeDict(Map<String, Attribute> attributes, Set<String> elided) {
        Map<String, Attribute> rest = without(attributes, elided);
        if (!rest.isEmpty()) {
            out.append(' ').append(DictAttr.text(rest));
        }
        return this;
    }

    /** {@code %name: type}, the declaration of a block argument. */
    public AsmPrinter printArgument(BlockArgument a) {
        printOperand(a);
        out.append(": ");
        return printType(a.type());
    }

    /**
     * A region in braces; the entry block's label and arguments are left out when {@code printEntryArguments} is
     * false (a function prints them in its signature).
     */
    public AsmPrinter printRegion(Region r, boolean printEntryArguments) {
        return printRegion(r, printEntryArguments, true);
    }

    /**
     * {@link #printRegion(Region, boolean)}, leaving out each block's terminator when it has no operands or
     * attributes and {@code printEmptyTerminators} is false (MLIR's loops print without an empty yield).
     */
    public AsmPrinter printRegion(Region r, boolean printEntryArguments, boolean printEmptyTerminators) {
        out.append('{');
        indent++;
        List<Block> blocks = r.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            boolean label = i > 0 || printEntryArguments && !b.arguments().isEmpty();
            if (label) {
                newline(-1);
                out.append('^').append(blockNames.get(b));
                if (!b.arguments().isEmpty()) {
                    out.append('(');
                    for (int k = 0; k < b.arguments().size(); k++) {
                        if (k > 0) {
                            out.append(", ");
                        }
                        printArgument(b.argument(k));
                    }
                    out.append(')');
                }
                out.append(':');
            }
            for (Operation op : b.ops()) {
                if (!printEmptyTerminators && op == b.terminator() && op.numOperands() == 0
                        && op.attributes().isEmpty() && op.regions().isEmpty()) {
                    continue;
                }
                newline(0);
                operation(op);
            }
        }
        indent--;
        newline(0);
        out.append('}');
        return this;
    }

    /**
     * A function body: in the {@link RegionFormat} of the dialect whose terminator ends it, if that dialect has one
     * that accepts it ({@code graph(…): … return (…)}, indented); else in braces, without the entry arguments.
     */
    public AsmPrinter printBody(Region body) {
        Optional<RegionFormat> format = regionFormatOf(body);
        if (format.isPresent()) {
            String text = format.get().print(body).stripTrailing();
            out.append(text.replace("\n", "\n" + "  ".repeat(indent)));
            return this;
        }
        return printRegion(body, false);
    }

    /** Whether {@code body} prints in its dialect's {@link RegionFormat} (never in the generic form). */
    public boolean hasOwnSyntax(Region body) {
        return regionFormatOf(body).isPresent();
    }

    private Optional<RegionFormat> regionFormatOf(Region body) {
        if (options.generic() || body.blocks().size() != 1 || body.entry().terminator() == null) {
            return Optional.empty();
        }
        return registry.dialectOf(body.entry().terminator().def()).flatMap(d -> d.regionFormat())
                .filter(f -> f.accepts(body));
    }

    /** The name {@code v} is printed with (without the {@code %}). */
    public String nameOf(Value v) {
        return names.get(v);
    }

    // ---- ops

    private void operation(Operation op) {
        if (op.numResults() > 0) {
            printOperands(op.results());
            out.append(" = ");
        }
        Optional<OpFormat> format = options.generic() ? Optional.empty()
                : op.getInterface(OpFormat.class).filter(f -> f.canPrint(op));
        if (format.isPresent()) {
            out.append(printedName(op.name()));
            format.get().print(op, this);
        } else {
            generic(op);
        }
        location(op.location());
    }

    /** An op's name in custom form: the builtin dialect's ops without their {@code builtin.} prefix. */
    static String printedName(String name) {
        return name.startsWith("builtin.") ? name.substring("builtin.".length()) : name;
    }

    private void generic(Operation op) {
        out.append(StringAttr.quote(op.name())).append('(');
        printOperands(op.operands());
        out.append(')');
        if (!op.regions().isEmpty()) {
            out.append(" (");
            for (int i = 0; i < op.regions().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                printRegion(op.region(i), true);
            }
            out.append(')');
        }
        printAttributeDict(op.attributes(), Set.of());
        out.append(" : ").append(new FunctionType(op.operands().stream().map(Value::type).toList(),
                op.results().stream().map(Value::type).toList()).asm());
    }

    private void location(Location loc) {
        if (options.locations() && loc instanceof Location.FileLineCol f) {
            out.append(" loc(").append(StringAttr.quote(f.file())).append(':').append(f.line()).append(':')
                    .append(f.col()).append(')');
        }
    }

    private void newline(int extra) {
        out.append('\n').append("  ".repeat(Math.max(0, indent + extra)));
    }

    private static Map<String, Attribute> without(Map<String, Attribute> attributes, Set<String> elided) {
        Map<String, Attribute> rest = new java.util.LinkedHashMap<>(attributes);
        rest.keySet().removeAll(elided);
        return rest;
    }

    // ---- naming

    /** Names every value and block under {@code root}, one scope per op isolated from above. */
    private void nameScope(Operation root) {
        List<Value> values = new ArrayList<>();
        List<Operation> isolated = new ArrayList<>();
        values.addAll(root.results());
        for (Region r : root.regions()) {
            collect(r, values, isolated);
        }
        assign(values);
        for (int k = 0; k < isolated.size(); k++) {
            Operation op = isolated.get(k);
            List<Value> inner = new ArrayList<>();
            List<Operation> nested = new ArrayList<>();
            for (Region r : op.regions()) {
                collect(r, inner, nested);
            }
            assign(inner);
            isolated.addAll(nested);
        }
    }

    private void collect(Region r, List<Value> values, List<Operation> isolated) {
        int i = 0;
        for (Block b : r.blocks()) {
            blockNames.put(b, "bb" + i++);
            values.addAll(b.arguments());
            for (Operation op : b.ops()) {
                values.addAll(op.results());
                if (op.has(Trait.ISOLATED_FROM_ABOVE)) {
                    isolated.add(op);
                } else {
                    for (Region nested : op.regions()) {
                        collect(nested, values, isolated);
                    }
                }
            }
        }
    }

    /** Keeps unique valid name hints; numbers the rest past the largest numeric name. */
    private void assign(List<Value> values) {
        Set<String> taken = new HashSet<>();
        long next = 0;
        for (Value v : values) {
            String n = v.name();
            if (n != null && !n.isEmpty() && n.length() < 19 && n.chars().allMatch(Character::isDigit)) {
                next = Math.max(next, Long.parseLong(n) + 1);
            }
        }
        for (Value v : values) {
            String n = v.name();
            if (n != null && AsmNames.isSuffixId(n) && taken.add(n)) {
                names.put(v, n);
            }
        }
        for (Value v : values) {
            if (!names.containsKey(v)) {
                String fresh;
                do {
                    fresh = Long.toString(next++);
                } while (!taken.add(fresh));
                names.put(v, fresh);
            }
        }
    }
}
