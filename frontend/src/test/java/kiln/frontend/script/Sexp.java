package kiln.frontend.script;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Expressions as fully parenthesized S-expressions, so that tests can state a tree's shape in one line. */
final class Sexp {
    private Sexp() {
    }

    static String of(String expression) {
        return of(ScriptParser.parseExpression(expression, "<test>"));
    }

    static String of(Expr e) {
        return switch (e) {
            case Expr.Name n -> n.id();
            case Expr.Attribute a -> "(. " + of(a.value()) + " " + a.attr().name() + ")";
            case Expr.Subscript s -> "([] " + of(s.value()) + " " + all(s.indices()) + ")";
            case Expr.Slice s -> "(: " + opt(s.lower()) + " " + opt(s.upper()) + " " + opt(s.step()) + ")";
            case Expr.Call c -> "(call " + of(c.func()) + (c.args().isEmpty() ? "" : " " + all(c.args()))
                    + c.keywords().stream().map(k -> " " + k.name().name() + "=" + of(k.value()))
                            .collect(Collectors.joining()) + ")";
            case Expr.Unary u -> "(" + u.op().name().toLowerCase() + " " + of(u.operand()) + ")";
            case Expr.Binary b -> "(" + b.op().symbol() + " " + of(b.left()) + " " + of(b.right()) + ")";
            case Expr.BoolOp b -> "(" + b.op().symbol() + " " + of(b.left()) + " " + of(b.right()) + ")";
            case Expr.Compare c -> compare(c);
            case Expr.IfExp x -> "(if " + of(x.test()) + " " + of(x.ifTrue()) + " " + of(x.ifFalse()) + ")";
            case Expr.Starred s -> "(* " + of(s.value()) + ")";
            case Expr.ListLiteral l -> "[" + all(l.elements()) + "]";
            case Expr.TupleLiteral t -> "(tuple" + (t.elements().isEmpty() ? "" : " " + all(t.elements())) + ")";
            case Expr.DictLiteral d -> dict(d);
            case Expr.ListComp c -> "(listcomp " + of(c.element()) + " " + of(c.target()) + " " + of(c.iter()) + " "
                    + opt(c.condition()) + ")";
            case Expr.DictComp c -> "(dictcomp " + of(c.key()) + " " + of(c.value()) + " " + of(c.target()) + " "
                    + of(c.iter()) + " " + opt(c.condition()) + ")";
            case Expr.IntLiteral i -> i.value().toString();
            case Expr.FloatLiteral f -> Double.toString(f.value());
            case Expr.ImaginaryLiteral i -> i.value() + "j";
            case Expr.StringLiteral s -> "'" + s.value() + "'";
            case Expr.BoolLiteral b -> b.value() ? "True" : "False";
            case Expr.NoneLiteral n -> "None";
            case Expr.EllipsisLiteral d -> "...";
        };
    }

    private static String compare(Expr.Compare c) {
        StringBuilder out = new StringBuilder("(cmp ").append(of(c.left()));
        for (int i = 0; i < c.ops().size(); i++) {
            out.append(' ').append(c.ops().get(i).symbol()).append(' ').append(of(c.comparators().get(i)));
        }
        return out.append(')').toString();
    }

    private static String dict(Expr.DictLiteral d) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < d.keys().size(); i++) {
            out.append(i == 0 ? "" : " ").append(of(d.keys().get(i))).append(':').append(of(d.values().get(i)));
        }
        return out.append('}').toString();
    }

    private static String all(List<Expr> es) {
        return es.stream().map(Sexp::of).collect(Collectors.joining(" "));
    }

    private static String opt(Optional<Expr> e) {
        return e.map(Sexp::of).orElse("_");
    }
}
