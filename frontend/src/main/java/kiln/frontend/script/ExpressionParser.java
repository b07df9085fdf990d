package kiln.frontend.script;

import static kiln.frontend.script.TokenKind.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import kiln.frontend.script.Expr.BoolOp;
import kiln.frontend.script.Expr.Starred;
import kiln.frontend.script.Expr.TupleLiteral;

/**
 * Recursive descent over Python's expression grammar, one method per precedence level: conditional expressions,
 * {@code or}, {@code and}, {@code not}, comparison chains, {@code | ^ & << >> + - * / // % @}, unary
 * {@code + - ~}, {@code **} (right-associative, tighter than a unary operator on its left), then calls, attributes
 * and subscripts, then atoms.
 */
final class ExpressionParser {
    private final TokenStream in;

    ExpressionParser(TokenStream in) {
        this.in = in;
    }

    /** A full expression, conditional expressions included (Python's {@code expression}). */
    Expr expression() {
        Token start = in.peek();
        if (start.is(LAMBDA)) {
            throw in.error(start, "lambda expressions are not supported in TorchScript");
        }
        Expr body = disjunction();
        if (in.accept(IF)) {
            Expr test = disjunction();
            in.expect(ELSE);
            Expr orElse = expression();
            body = new Expr.IfExp(test, body, orElse, body.range().to(orElse.range()));
        }
        if (in.at(COLONEQUAL)) {
            throw in.error(in.peek(), "assignment expressions (:=) are not supported in TorchScript");
        }
        return body;
    }

    /**
     * Comma-separated expressions, some possibly starred: one expression, or a tuple when there is a comma
     * (Python's {@code star_expressions}, as on the right of {@code =} or after {@code return}).
     */
    Expr starExpressions() {
        Token start = in.peek();
        Expr first = starExpression();
        if (!in.at(COMMA)) {
            return unstarred(first);
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (in.accept(COMMA) && canStartExpression(in.peek())) {
            elements.add(starExpression());
        }
        return new TupleLiteral(elements, span(start.range()));
    }

    /**
     * Assignment targets up to a non-comma: one target, or a tuple of them ({@code for a, (b, *c) in ...}); the
     * caller checks them with {@link Targets}.
     */
    Expr targets() {
        Token start = in.peek();
        Expr first = starTarget();
        if (!in.at(COMMA)) {
            if (first instanceof Starred s) {
                throw new ScriptSyntaxError(s.range(), "starred assignment target must be in a list or tuple");
            }
            return first;
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (in.accept(COMMA) && canStartExpression(in.peek())) {
            elements.add(starTarget());
        }
        return new TupleLiteral(elements, span(start.range()));
    }

    /** {@code or} level: no conditional expression unless parenthesized (comprehension iterables). */
    Expr disjunction() {
        return boolChain(OR, BoolOperator.OR, this::conjunction);
    }

    private Expr conjunction() {
        return boolChain(AND, BoolOperator.AND, this::inversion);
    }

    /** {@code operand (keyword operand)*}, nested to the left. */
    private Expr boolChain(TokenKind keyword, BoolOperator op, Supplier<Expr> operand) {
        Expr left = operand.get();
        while (in.accept(keyword)) {
            Expr right = operand.get();
            left = new BoolOp(op, left, right, left.range().to(right.range()));
        }
        return left;
    }

    private Expr inversion() {
        if (in.at(NOT)) {
            Token not = in.next();
            Expr operand = inversion();
            return new Expr.Unary(UnaryOperator.NOT, operand, not.range().to(operand.range()));
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = bitOr();
        List<CompareOperator> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        while (true) {
            CompareOperator op;
            if (in.at(NOT) && in.peek(1).is(IN)) {
                in.next();
                in.next();
                op = CompareOperator.NOT_IN;
            } else if (in.accept(IS)) {
                op = in.accept(NOT) ? CompareOperator.IS_NOT : CompareOperator.IS;
            } else {
                op = CompareOperator.of(in.peek().kind());
                if (op == null) {
                    break;
                }
                in.next();
            }
            ops.add(op);
            comparators.add(bitOr());
        }
        return ops.isEmpty() ? left
                : new Expr.Compare(left, ops, comparators, left.range().to(comparators.getLast().range()));
    }

    /** The {@code |} level and everything tighter: what may stand on either side of a comparison. */
    Expr bitOr() {
        return binary(BinaryOperator.FIRST_LEVEL);
    }

    private Expr binary(int level) {
        if (level > BinaryOperator.LAST_LEFT_LEVEL) {
            return factor();
        }
        Expr left = binary(level + 1);
        while (true) {
            BinaryOperator op = BinaryOperator.at(in.peek().kind(), level);
            if (op == null) {
                return left;
            }
            in.next();
            Expr right = binary(level + 1);
            left = new Expr.Binary(left, op, right, left.range().to(right.range()));
        }
    }

    private Expr factor() {
        UnaryOperator op = switch (in.peek().kind()) {
            case PLUS -> UnaryOperator.POS;
            case MINUS -> UnaryOperator.NEG;
            case TILDE -> UnaryOperator.INVERT;
            default -> null;
        };
        if (op == null) {
            return power();
        }
        Token t = in.next();
        Expr operand = factor();
        return new Expr.Unary(op, operand, t.range().to(operand.range()));
    }

    private Expr power() {
        Expr base = primary();
        if (!in.accept(DOUBLESTAR)) {
            return base;
        }
        Expr exponent = factor();
        return new Expr.Binary(base, BinaryOperator.POW, exponent, base.range().to(exponent.range()));
    }

    /** An atom followed by any number of {@code .name}, {@code (args)} and {@code [indices]}. */
    Expr primary() {
        Expr e = atom();
        while (true) {
            if (in.accept(DOT)) {
                Token name = in.expect(NAME);
                e = new Expr.Attribute(e, new Ident(name.text(), name.range()), span(e.range()));
            } else if (in.at(LPAR)) {
                e = call(e);
            } else if (in.at(LSQB)) {
                e = subscript(e);
            } else {
                return e;
            }
        }
    }

    private Expr call(Expr func) {
        in.expect(LPAR);
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (!in.at(RPAR)) {
            Token t = in.peek();
            if (t.is(STAR)) {
                throw in.error(t, "starred arguments (*args) are not supported in TorchScript");
            }
            if (t.is(DOUBLESTAR)) {
                throw in.error(t, "keyword argument unpacking (**kwargs) is not supported in TorchScript");
            }
            if (t.is(NAME) && in.peek(1).is(EQUAL)) {
                in.next();
                in.next();
                Expr value = expression();
                if (!names.add(t.text())) {
                    throw in.error(t, "keyword argument repeated: " + t.text());
                }
                keywords.add(new Keyword(new Ident(t.text(), t.range()), value, t.range().to(value.range())));
            } else {
                if (!keywords.isEmpty()) {
                    throw in.error(t, "positional argument follows keyword argument");
                }
                args.add(expression());
                if (in.at(FOR)) {
                    throw in.error(in.peek(), "generator expressions are not supported in TorchScript");
                }
            }
            if (!in.accept(COMMA)) {
                break;
            }
        }
        in.expect(RPAR);
        return new Expr.Call(func, args, keywords, span(func.range()));
    }

    private Expr subscript(Expr value) {
        in.expect(LSQB);
        List<Expr> indices = new ArrayList<>(List.of(sliceItem()));
        while (in.accept(COMMA) && !in.at(RSQB)) {
            indices.add(sliceItem());
        }
        in.expect(RSQB);
        return new Expr.Subscript(value, indices, span(value.range()));
    }

    private Expr sliceItem() {
        Token start = in.peek();
        Optional<Expr> lower = in.at(COLON) ? Optional.empty() : Optional.of(expression());
        if (!in.accept(COLON)) {
            return lower.orElseThrow();
        }
        Optional<Expr> upper = endsSlicePart(true) ? Optional.empty() : Optional.of(expression());
        Optional<Expr> step = Optional.empty();
        if (in.accept(COLON) && !endsSlicePart(false)) {
            step = Optional.of(expression());
        }
        return new Expr.Slice(lower, upper, step, span(start.range()));
    }

    private boolean endsSlicePart(boolean colonEnds) {
        return in.at(COMMA) || in.at(RSQB) || (colonEnds && in.at(COLON));
    }

    private Expr atom() {
        Token t = in.peek();
        return switch (t.kind()) {
            case NAME -> new Expr.Name(in.next().text(), t.range());
            case INT -> new Expr.IntLiteral(NumberLiterals.intValue(in.next().text()), t.range());
            case FLOAT -> new Expr.FloatLiteral(NumberLiterals.floatValue(in.next().text()), t.range());
            case IMAGINARY -> new Expr.ImaginaryLiteral(NumberLiterals.floatValue(in.next().text()), t.range());
            case STRING -> strings();
            case TRUE, FALSE -> new Expr.BoolLiteral(in.next().is(TRUE), t.range());
            case NONE -> new Expr.NoneLiteral(in.next().range());
            case ELLIPSIS -> new Expr.EllipsisLiteral(in.next().range());
            case LPAR -> parenthesized();
            case LSQB -> list();
            case LBRACE -> dict();
            case LAMBDA -> throw in.error(t, "lambda expressions are not supported in TorchScript");
            case AWAIT, YIELD -> throw in.error(t, "'" + t.text() + "' is not supported in TorchScript");
            default -> throw in.expected("an expression");
        };
    }

    private Expr strings() {
        Token first = in.next();
        StringBuilder value = new StringBuilder(first.text());
        while (in.at(STRING)) {
            value.append(in.next().text());
        }
        return new Expr.StringLiteral(value.toString(), span(first.range()));
    }

    private Expr parenthesized() {
        Token open = in.next();
        if (in.accept(RPAR)) {
            return new TupleLiteral(List.of(), span(open.range()));
        }
        Expr first = starExpression();
        if (in.at(FOR)) {
            throw in.error(in.peek(), "generator expressions are not supported in TorchScript; "
                    + "use a list comprehension");
        }
        if (!in.at(COMMA)) {
            in.expect(RPAR);
            return unstarred(first);
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (in.accept(COMMA) && !in.at(RPAR)) {
            elements.add(starExpression());
        }
        in.expect(RPAR);
        return new TupleLiteral(elements, span(open.range()));
    }

    private Expr list() {
        Token open = in.next();
        if (in.accept(RSQB)) {
            return new Expr.ListLiteral(List.of(), span(open.range()));
        }
        Expr first = starExpression();
        if (in.at(FOR)) {
            if (first instanceof Starred s) {
                throw new ScriptSyntaxError(s.range(), "iterable unpacking cannot be used in a comprehension");
            }
            Comprehension c = comprehension();
            in.expect(RSQB);
            return new Expr.ListComp(first, c.target, c.iter, c.condition, span(open.range()));
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (in.accept(COMMA) && !in.at(RSQB)) {
            elements.add(starExpression());
        }
        in.expect(RSQB);
        return new Expr.ListLiteral(elements, span(open.range()));
    }

    private Expr dict() {
        Token open = in.next();
        if (in.accept(RBRACE)) {
            return new Expr.DictLiteral(List.of(), List.of(), span(open.range()));
        }
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        do {
            if (in.at(DOUBLESTAR)) {
                throw in.error(in.peek(), "dict unpacking (**) is not supported in TorchScript");
            }
            if (in.at(STAR)) {
                throw in.error(open, "set literals are not supported in TorchScript");
            }
            keys.add(expression());
            if (!in.at(COLON)) {
                throw in.error(open, "set literals are not supported in TorchScript");
            }
            in.next();
            values.add(expression());
            if (keys.size() == 1 && in.at(FOR)) {
                Comprehension c = comprehension();
                in.expect(RBRACE);
                return new Expr.DictComp(keys.getFirst(), values.getFirst(), c.target, c.iter, c.condition,
                        span(open.range()));
            }
        } while (in.accept(COMMA) && !in.at(RBRACE));
        in.expect(RBRACE);
        return new Expr.DictLiteral(keys, values, span(open.range()));
    }

    private record Comprehension(Expr target, Expr iter, Optional<Expr> condition) {
    }

    /** {@code for target in iter [if condition]}: one {@code for} and at most one {@code if}. */
    private Comprehension comprehension() {
        in.expect(FOR);
        Expr target = targets();
        Targets.checkAssign(target);
        in.expect(IN);
        Expr iter = disjunction();
        Optional<Expr> condition = in.accept(IF) ? Optional.of(disjunction()) : Optional.empty();
        if (in.at(IF)) {
            throw in.error(in.peek(), "a comprehension may have only one 'if' clause in TorchScript; "
                    + "combine the conditions with 'and'");
        }
        if (in.at(FOR) || in.at(ASYNC)) {
            throw in.error(in.peek(), "a comprehension may have only one 'for' clause in TorchScript");
        }
        return new Comprehension(target, iter, condition);
    }

    private Expr starExpression() {
        return in.at(STAR) ? starred() : expression();
    }

    private Expr starTarget() {
        return in.at(STAR) ? starred() : bitOr();
    }

    private Expr starred() {
        Token star = in.expect(STAR);
        Expr value = bitOr();
        return new Starred(value, star.range().to(value.range()));
    }

    private static Expr unstarred(Expr e) {
        if (e instanceof Starred s) {
            throw new ScriptSyntaxError(s.range(), "can't use starred expression here");
        }
        return e;
    }

    /** Whether {@code t} can begin an expression (so that a comma before it does not end a tuple). */
    static boolean canStartExpression(Token t) {
        return switch (t.kind()) {
            case NAME, INT, FLOAT, IMAGINARY, STRING, TRUE, FALSE, NONE, ELLIPSIS, LPAR, LSQB, LBRACE, MINUS, PLUS,
                 TILDE, NOT, LAMBDA, AWAIT, YIELD, STAR -> true;
            default -> false;
        };
    }

    /** From {@code start} to the end of the last consumed token. */
    private SourceRange span(SourceRange start) {
        return start.to(in.previous().range());
    }
}
