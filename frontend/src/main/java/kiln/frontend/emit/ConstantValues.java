package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.List;
import kiln.frontend.script.Expr;
import kiln.frontend.script.UnaryOperator;

/** Python literals evaluated at compile time (class constants, default values). */
final class ConstantValues {
    private ConstantValues() {
    }

    /**
     * The value of a literal: Long, Double, Boolean, String, null for None, or a List of those for tuple and
     * list literals.
     *
     * @throws CompileError when the expression is not a literal
     */
    static Object literal(Expr e) {
        return switch (e) {
            case Expr.IntLiteral i -> i.value().longValueExact();
            case Expr.FloatLiteral f -> f.value();
            case Expr.BoolLiteral b -> b.value();
            case Expr.StringLiteral s -> s.value();
            case Expr.NoneLiteral n -> null;
            case Expr.Unary u when u.op() == UnaryOperator.NEG -> {
                Object v = literal(u.operand());
                yield v instanceof Long l ? (Object) (-l) : v instanceof Double d ? (Object) (-d) : fail(e);
            }
            case Expr.TupleLiteral t -> list(t.elements());
            case Expr.ListLiteral l -> list(l.elements());
            default -> fail(e);
        };
    }

    private static List<Object> list(List<Expr> elements) {
        List<Object> out = new ArrayList<>();
        for (Expr x : elements) {
            out.add(literal(x));
        }
        return out;
    }

    private static Object fail(Expr e) {
        throw new CompileError(e.range(), "expected a constant literal");
    }
}
