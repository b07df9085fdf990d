package kiln.frontend.script;

import java.util.List;

/** What may stand on the left of {@code =}, after {@code for}, {@code as} and {@code del}, with Python's errors. */
final class Targets {
    private Targets() {
    }

    /** Names, attributes, subscripts, and tuples or lists of targets with at most one starred element each. */
    static void checkAssign(Expr target) {
        switch (target) {
            case Expr.Name n -> { }
            case Expr.Attribute a -> { }
            case Expr.Subscript s -> { }
            case Expr.TupleLiteral t -> checkElements(t.elements());
            case Expr.ListLiteral l -> checkElements(l.elements());
            case Expr.Starred s -> throw new ScriptSyntaxError(s.range(),
                    "starred assignment target must be in a list or tuple");
            default -> throw cannot("assign to", target);
        }
    }

    private static void checkElements(List<Expr> elements) {
        boolean starred = false;
        for (Expr e : elements) {
            if (e instanceof Expr.Starred s) {
                if (starred) {
                    throw new ScriptSyntaxError(s.range(), "multiple starred expressions in assignment");
                }
                starred = true;
                if (s.value() instanceof Expr.Starred inner) {
                    throw new ScriptSyntaxError(inner.range(), "can't use starred expression here");
                }
                checkAssign(s.value());
            } else {
                checkAssign(e);
            }
        }
    }

    /** A single name, attribute or subscript, as augmented assignment and annotation need. */
    static void checkSingle(Expr target, String what) {
        switch (target) {
            case Expr.Name n -> { }
            case Expr.Attribute a -> { }
            case Expr.Subscript s -> { }
            case Expr.TupleLiteral t -> throw new ScriptSyntaxError(t.range(), "only a single target (not a tuple) "
                    + "can be used in " + what);
            case Expr.ListLiteral l -> throw new ScriptSyntaxError(l.range(), "only a single target (not a list) "
                    + "can be used in " + what);
            default -> throw new ScriptSyntaxError(target.range(), "'" + describe(target)
                    + "' is an illegal expression for " + what);
        }
    }

    /** Names, attributes, subscripts, and tuples or lists of them. */
    static void checkDelete(Expr target) {
        switch (target) {
            case Expr.Name n -> { }
            case Expr.Attribute a -> { }
            case Expr.Subscript s -> { }
            case Expr.TupleLiteral t -> t.elements().forEach(Targets::checkDelete);
            case Expr.ListLiteral l -> l.elements().forEach(Targets::checkDelete);
            default -> throw cannot("delete", target);
        }
    }

    private static ScriptSyntaxError cannot(String verb, Expr target) {
        return new ScriptSyntaxError(target.range(), "cannot " + verb + " " + describe(target));
    }

    private static String describe(Expr e) {
        return switch (e) {
            case Expr.Call c -> "function call";
            case Expr.NoneLiteral n -> "None";
            case Expr.BoolLiteral b -> b.value() ? "True" : "False";
            case Expr.EllipsisLiteral d -> "ellipsis";
            case Expr.Constant c -> "literal";
            case Expr.Compare c -> "comparison";
            case Expr.BoolOp b -> "expression";
            case Expr.IfExp i -> "conditional expression";
            case Expr.ListComp l -> "list comprehension";
            case Expr.DictComp d -> "dict comprehension";
            case Expr.DictLiteral d -> "dict literal";
            case Expr.Starred s -> "starred";
            case Expr.TupleLiteral t -> "tuple";
            case Expr.ListLiteral l -> "list";
            default -> "expression";
        };
    }
}
