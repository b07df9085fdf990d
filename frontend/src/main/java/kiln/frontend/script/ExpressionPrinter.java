package kiln.frontend.script;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints expressions as Python source with the fewest parentheses Python's precedence allows; tuples are always
 * parenthesized except where {@link #exprList} prints a bare one.
 */
final class ExpressionPrinter {
    static final int TERNARY = 1;
    static final int OR = 2;
    static final int AND = 3;
    static final int NOT = 4;
    static final int COMPARE = 5;
    static final int BIT_OR = COMPARE + BinaryOperator.BIT_OR.level();
    static final int UNARY = COMPARE + BinaryOperator.UNARY_LEVEL;
    static final int PRIMARY = COMPARE + BinaryOperator.POW.level() + 1;
    static final int ATOM = PRIMARY + 1;

    private ExpressionPrinter() {
    }

    /** {@code e} as source, parenthesized when it binds more loosely than {@code context}. */
    static String print(Expr e, int context) {
        String s = render(e);
        return precedence(e) < context ? "(" + s + ")" : s;
    }

    /** A tuple without parentheses (with a trailing comma for one element), anything else as it is. */
    static String exprList(Expr e, int elementContext) {
        if (e instanceof Expr.TupleLiteral t && !t.elements().isEmpty()) {
            return join(t.elements(), elementContext) + (t.elements().size() == 1 ? "," : "");
        }
        return print(e, elementContext);
    }

    private static int precedence(Expr e) {
        return switch (e) {
            case Expr.IfExp x -> TERNARY;
            case Expr.BoolOp b -> b.op() == BoolOperator.OR ? OR : AND;
            case Expr.Unary u -> u.op() == UnaryOperator.NOT ? NOT : UNARY;
            case Expr.Compare c -> COMPARE;
            case Expr.Binary b -> COMPARE + b.op().level();
            case Expr.Attribute a -> PRIMARY;
            case Expr.Call c -> PRIMARY;
            case Expr.Subscript s -> PRIMARY;
            default -> ATOM;
        };
    }

    private static String render(Expr e) {
        return switch (e) {
            case Expr.Name n -> n.id();
            case Expr.Attribute a -> (a.value() instanceof Expr.IntLiteral ? "(" + render(a.value()) + ")"
                    : print(a.value(), PRIMARY)) + "." + a.attr().name();
            case Expr.Call c -> print(c.func(), PRIMARY) + "(" + arguments(c) + ")";
            case Expr.Subscript s -> print(s.value(), PRIMARY) + "["
                    + s.indices().stream().map(ExpressionPrinter::index).collect(Collectors.joining(", ")) + "]";
            case Expr.Slice s -> index(s);
            case Expr.Unary u -> u.op() == UnaryOperator.NOT ? "not " + print(u.operand(), NOT)
                    : u.op().symbol() + print(u.operand(), UNARY);
            case Expr.Binary b when b.op() == BinaryOperator.POW -> print(b.left(), PRIMARY) + " ** "
                    + print(b.right(), UNARY);
            case Expr.Binary b -> print(b.left(), precedence(b)) + " " + b.op().symbol() + " "
                    + print(b.right(), precedence(b) + 1);
            case Expr.BoolOp b -> print(b.left(), precedence(b)) + " " + b.op().symbol() + " "
                    + print(b.right(), precedence(b) + 1);
            case Expr.Compare c -> compare(c);
            case Expr.IfExp x -> print(x.ifTrue(), OR) + " if " + print(x.test(), OR) + " else "
                    + print(x.ifFalse(), TERNARY);
            case Expr.Starred s -> "*" + print(s.value(), BIT_OR);
            case Expr.ListLiteral l -> "[" + join(l.elements(), TERNARY) + "]";
            case Expr.TupleLiteral t -> "(" + join(t.elements(), TERNARY) + (t.elements().size() == 1 ? ",)" : ")");
            case Expr.DictLiteral d -> dict(d);
            case Expr.ListComp c -> "[" + print(c.element(), TERNARY) + clause(c.target(), c.iter(), c.condition())
                    + "]";
            case Expr.DictComp c -> "{" + print(c.key(), TERNARY) + ": " + print(c.value(), TERNARY)
                    + clause(c.target(), c.iter(), c.condition()) + "}";
            case Expr.Constant c -> constant(c);
        };
    }

    private static String arguments(Expr.Call c) {
        StringBuilder out = new StringBuilder(join(c.args(), TERNARY));
        for (Keyword k : c.keywords()) {
            out.append(out.isEmpty() ? "" : ", ").append(k.name().name()).append('=')
                    .append(print(k.value(), TERNARY));
        }
        return out.toString();
    }

    private static String index(Expr e) {
        if (!(e instanceof Expr.Slice s)) {
            return print(e, TERNARY);
        }
        String lower = s.lower().map(x -> print(x, TERNARY)).orElse("");
        String upper = s.upper().map(x -> print(x, TERNARY)).orElse("");
        return lower + ":" + upper + s.step().map(x -> ":" + print(x, TERNARY)).orElse("");
    }

    private static String compare(Expr.Compare c) {
        StringBuilder out = new StringBuilder(print(c.left(), COMPARE + 1));
        for (int i = 0; i < c.ops().size(); i++) {
            out.append(' ').append(c.ops().get(i).symbol()).append(' ')
                    .append(print(c.comparators().get(i), COMPARE + 1));
        }
        return out.toString();
    }

    private static String dict(Expr.DictLiteral d) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < d.keys().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(print(d.keys().get(i), TERNARY)).append(": ")
                    .append(print(d.values().get(i), TERNARY));
        }
        return out.append('}').toString();
    }

    private static String clause(Expr target, Expr iter, java.util.Optional<Expr> condition) {
        return " for " + exprList(target, BIT_OR) + " in " + print(iter, OR)
                + condition.map(c -> " if " + print(c, OR)).orElse("");
    }

    private static String constant(Expr.Constant c) {
        return switch (c) {
            case Expr.IntLiteral i -> i.value().toString();
            case Expr.FloatLiteral f -> number(f.value());
            case Expr.ImaginaryLiteral i -> number(i.value()) + "j";
            case Expr.StringLiteral s -> StringLiterals.quote(s.value());
            case Expr.BoolLiteral b -> b.value() ? "True" : "False";
            case Expr.NoneLiteral n -> "None";
            case Expr.EllipsisLiteral d -> "...";
        };
    }

    /** The shortest decimal that reads back as {@code d}; infinity (from an overflowing literal) as 1e999. */
    private static String number(double d) {
        return Double.isInfinite(d) ? "1e999" : Double.toString(d).replace('E', 'e');
    }

    private static String join(List<Expr> elements, int context) {
        return elements.stream().map(x -> print(x, context)).collect(Collectors.joining(", "));
    }
}
