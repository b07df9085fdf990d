package kiln.dialects.torch;

import java.util.List;
import java.util.stream.Collectors;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.IRMapping;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.SymbolTable;

/**
 * Torch graphs as the functions of a {@code builtin.module} (what a backend compiles): each function's body is a
 * graph, its entry block's arguments the graph's inputs, its {@code prim::Return} the outputs. It prints as
 * {@code func @name graph(…): …} in the module's text.
 */
public final class GraphModule {
    private GraphModule() {
    }

    /** A new module holding a copy of {@code graph} as function {@code function}. */
    public static Operation of(String function, Graph graph) {
        Operation module = BuiltinDialect.module();
        add(module, function, graph);
        return module;
    }

    /**
     * Adds a copy of {@code graph} to {@code module} as a function named {@code function} (renamed {@code
     * function_N} when the name is taken); returns the function op.
     */
    public static Operation add(Operation module, String function, Graph graph) {
        Operation fn = BuiltinDialect.func(function, List.of());
        fn.region(0).eraseBlock(fn.region(0).entry());
        graph.region().cloneInto(fn.region(0), new IRMapping());
        SymbolTable.insert(module, fn);
        return fn;
    }

    /**
     * The graph of function {@code function} of {@code module}: a view of the function's body.
     *
     * @throws IllegalArgumentException when the module has no function of that name with a body (naming the ones it
     *                                  has), or its body is not one block
     */
    public static Graph function(Operation module, String function) {
        Operation fn = SymbolTable.lookup(module, function).filter(f -> f.def() == BuiltinDialect.FUNC)
                .orElseThrow(() -> new IllegalArgumentException("the module has no function @" + function
                        + " (it has: " + SymbolTable.symbols(module).stream().map(s -> "@" + SymbolTable.nameOf(s)
                        .orElse("?")).collect(Collectors.joining(", ")) + ")"));
        if (fn.region(0).isEmpty()) {
            throw new IllegalArgumentException("function @" + function + " is a declaration: it has no body to run");
        }
        return Graph.of(fn.region(0));
    }
}
