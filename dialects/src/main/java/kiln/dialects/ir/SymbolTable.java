package kiln.dialects.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Symbols (MLIR's {@code SymbolTable}): an op with {@link Trait#SYMBOL_TABLE} (a module) holds, in the one block of
 * its one region, ops with {@link Trait#SYMBOL} (functions, kernels) named by their {@value #SYM_NAME} attribute;
 * names are unique in a table, and {@link SymbolRefAttr}s ({@code @name}) refer to them.
 */
public final class SymbolTable {
    /** The attribute holding a symbol's name. */
    public static final String SYM_NAME = "sym_name";

    private SymbolTable() {
    }

    /** The name of a symbol op, if it is one. */
    public static Optional<String> nameOf(Operation op) {
        return op.attribute(SYM_NAME) instanceof StringAttr s ? Optional.of(s.value()) : Optional.empty();
    }

    /** The symbols directly in a symbol table op, in order. */
    public static List<Operation> symbols(Operation table) {
        List<Operation> out = new ArrayList<>();
        for (Region r : table.regions()) {
            for (Block b : r.blocks()) {
                for (Operation op : b.ops()) {
                    if (op.has(Trait.SYMBOL)) {
                        out.add(op);
                    }
                }
            }
        }
        return out;
    }

    /** The symbol named {@code name} directly in {@code table}. */
    public static Optional<Operation> lookup(Operation table, String name) {
        return symbols(table).stream().filter(op -> nameOf(op).filter(name::equals).isPresent()).findFirst();
    }

    /** The symbol {@code name} in the nearest symbol table enclosing {@code from}, searching outwards. */
    public static Optional<Operation> lookupNearest(Operation from, String name) {
        for (Operation t = from; t != null; t = t.parentOp()) {
            if (t.has(Trait.SYMBOL_TABLE)) {
                Optional<Operation> found = lookup(t, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code base}, or {@code base_N} for the first N that no symbol of {@code table} has. */
    public static String uniqueName(Operation table, String base) {
        Set<String> taken = new HashSet<>();
        symbols(table).forEach(op -> nameOf(op).ifPresent(taken::add));
        if (!taken.contains(base)) {
            return base;
        }
        for (int i = 0; ; i++) {
            String candidate = base + "_" + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Appends {@code symbol} to the body of {@code table}, renaming it when its name is taken; returns its name. */
    public static String insert(Operation table, Operation symbol) {
        String name = uniqueName(table, nameOf(symbol).orElse("symbol"));
        symbol.setAttribute(SYM_NAME, new StringAttr(name));
        Block body = table.region(0).entry();
        Operation end = body.terminator();
        body.insertBefore(symbol, end);
        return name;
    }

    /** The check of {@link Trait#SYMBOL_TABLE} on the table itself: one region of at most one block. */
    static void verify(Operation table, Consumer<String> report) {
        if (table.regions().size() != 1 || table.region(0).blocks().size() > 1) {
            report.accept("is a symbol table and must have one region of at most one block");
        }
    }

    /** The symbols of {@code table} whose name an earlier symbol of it already has (each is an error). */
    public static List<Operation> redefinitions(Operation table) {
        Set<String> seen = new HashSet<>();
        List<Operation> out = new ArrayList<>();
        for (Operation op : symbols(table)) {
            nameOf(op).filter(n -> !seen.add(n)).ifPresent(n -> out.add(op));
        }
        return out;
    }
}
