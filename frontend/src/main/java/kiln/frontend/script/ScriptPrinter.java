package kiln.frontend.script;

import static kiln.frontend.script.ExpressionPrinter.BIT_OR;
import static kiln.frontend.script.ExpressionPrinter.PRIMARY;
import static kiln.frontend.script.ExpressionPrinter.TERNARY;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a syntax tree back as TorchScript source in one canonical form: 4-space indentation, one statement per
 * line, annotations as {@code name: type}, the fewest parentheses (tuples keep theirs except after
 * {@code return}, in {@code for} and on the left of {@code =}), a blank line around definitions in modules and
 * classes.
 * Parsing the output gives a tree structurally equal to the one printed ({@link AstEquality}).
 */
public final class ScriptPrinter {
    private static final String INDENT = "    ";

    private final StringBuilder out = new StringBuilder();

    private ScriptPrinter() {
    }

    public static String print(Module module) {
        ScriptPrinter p = new ScriptPrinter();
        p.statements(module.body(), 0, true);
        return p.out.toString();
    }

    public static String print(Stmt statement) {
        ScriptPrinter p = new ScriptPrinter();
        p.statement(statement, 0);
        return p.out.toString();
    }

    public static String print(Expr expression) {
        return ExpressionPrinter.print(expression, TERNARY);
    }

    private static boolean isDefinition(Stmt s) {
        return s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef;
    }

    private void statement(Stmt s, int depth) {
        switch (s) {
            case Stmt.FunctionDef f -> {
                decorators(f.decorators(), depth);
                line(depth, "def " + f.name().name() + "(" + parameters(f.params()) + ")"
                        + f.returns().map(r -> " -> " + expr(r)).orElse("") + ":");
                block(f.body(), depth);
            }
            case Stmt.ClassDef c -> {
                decorators(c.decorators(), depth);
                String bases = c.bases().stream().map(ScriptPrinter::expr).collect(Collectors.joining(", "));
                line(depth, "class " + c.name().name() + (bases.isEmpty() ? "" : "(" + bases + ")") + ":");
                statements(c.body(), depth + 1, true);
            }
            case Stmt.If i -> ifChain(i, depth, "if ");
            case Stmt.For f -> {
                line(depth, "for " + ExpressionPrinter.exprList(f.target(), BIT_OR) + " in " + list(f.iter()) + ":");
                block(f.body(), depth);
            }
            case Stmt.While w -> {
                line(depth, "while " + expr(w.test()) + ":");
                block(w.body(), depth);
            }
            case Stmt.With w -> {
                line(depth, "with " + w.items().stream().map(ScriptPrinter::withItem)
                        .collect(Collectors.joining(", ")) + ":");
                block(w.body(), depth);
            }
            default -> line(depth, simple(s));
        }
    }

    private static String simple(Stmt s) {
        return switch (s) {
            case Stmt.Return r -> "return" + r.value().map(v -> " " + list(v)).orElse("");
            case Stmt.Break b -> "break";
            case Stmt.Continue c -> "continue";
            case Stmt.Pass p -> "pass";
            case Stmt.Assign a -> a.targets().stream().map(t -> list(t) + " = ").collect(Collectors.joining())
                    + expr(a.value());
            case Stmt.AnnAssign a -> ExpressionPrinter.print(a.target(), PRIMARY) + ": " + expr(a.annotation())
                    + a.value().map(v -> " = " + expr(v)).orElse("");
            case Stmt.AugAssign a -> ExpressionPrinter.print(a.target(), PRIMARY) + " " + a.op().symbol() + "= "
                    + expr(a.value());
            case Stmt.ExprStmt e -> expr(e.value());
            case Stmt.Raise r -> "raise" + r.exception().map(x -> " " + expr(x)).orElse("");
            case Stmt.Assert a -> "assert " + expr(a.test()) + a.message().map(m -> ", " + expr(m)).orElse("");
            case Stmt.Delete d -> "del " + d.targets().stream().map(t -> ExpressionPrinter.print(t, BIT_OR))
                    .collect(Collectors.joining(", "));
            case Stmt.Import i -> "import " + aliases(i.names());
            case Stmt.ImportFrom f -> "from " + ".".repeat(f.level()) + f.module() + " import " + aliases(f.names());
            default -> throw new IllegalArgumentException("not a simple statement: " + s);
        };
    }

    private void ifChain(Stmt.If i, int depth, String keyword) {
        line(depth, keyword + expr(i.test()) + ":");
        block(i.body(), depth);
        if (i.orElse().size() == 1 && i.orElse().getFirst() instanceof Stmt.If elif) {
            ifChain(elif, depth, "elif ");
        } else if (!i.orElse().isEmpty()) {
            line(depth, "else:");
            block(i.orElse(), depth);
        }
    }

    private void decorators(List<Expr> decorators, int depth) {
        for (Expr d : decorators) {
            line(depth, "@" + expr(d));
        }
    }

    private static String parameters(List<Param> params) {
        List<String> out = new ArrayList<>();
        boolean keywordOnly = false;
        for (Param p : params) {
            if (p.keywordOnly() && !keywordOnly) {
                out.add("*");
                keywordOnly = true;
            }
            String annotation = p.annotation().map(a -> ": " + expr(a)).orElse("");
            String sep = annotation.isEmpty() ? "=" : " = ";
            out.add(p.name().name() + annotation + p.defaultValue().map(d -> sep + expr(d)).orElse(""));
        }
        return String.join(", ", out);
    }

    private static String withItem(WithItem item) {
        return expr(item.context()) + item.target().map(t -> " as " + ExpressionPrinter.print(t, BIT_OR)).orElse("");
    }

    private static String aliases(List<Alias> names) {
        return names.stream().map(a -> a.name() + a.asName().map(n -> " as " + n.name()).orElse(""))
                .collect(Collectors.joining(", "));
    }

    private void block(List<Stmt> body, int depth) {
        statements(body, depth + 1, false);
    }

    /** {@code spaced}: a blank line between a definition and its neighbours (module and class bodies). */
    private void statements(List<Stmt> body, int depth, boolean spaced) {
        Stmt previous = null;
        for (Stmt s : body) {
            if (spaced && previous != null && (isDefinition(previous) || isDefinition(s))) {
                out.append('\n');
            }
            statement(s, depth);
            previous = s;
        }
    }

    private void line(int depth, String text) {
        out.append(INDENT.repeat(depth)).append(text).append('\n');
    }

    private static String expr(Expr e) {
        return ExpressionPrinter.print(e, TERNARY);
    }

    private static String list(Expr e) {
        return ExpressionPrinter.exprList(e, TERNARY);
    }
}
