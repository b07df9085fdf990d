package kiln.frontend.script;

import static kiln.frontend.script.TokenKind.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements: blocks, simple statements separated by {@code ;}, assignments in all their forms, control flow,
 * imports. Definitions ({@code def}, {@code class}, decorators) are left to {@link DefinitionParser}. Python
 * statements TorchScript does not have ({@code try}, {@code global}, {@code nonlocal}, {@code yield},
 * {@code async}, loop {@code else}) are refused with a clear error.
 */
final class StatementParser {
    private final TokenStream in;
    private final ExpressionParser expressions;
    private final DefinitionParser definitions;
    private final TypeComments typeComments;

    StatementParser(TokenStream in, TypeComments typeComments) {
        this.in = in;
        this.expressions = new ExpressionParser(in);
        this.typeComments = typeComments;
        this.definitions = new DefinitionParser(in, expressions, this, typeComments);
    }

    /** Statements up to the end of input. */
    List<Stmt> file() {
        List<Stmt> body = new ArrayList<>();
        while (!in.at(EOF)) {
            body.addAll(statement(false));
        }
        return body;
    }

    /** One line's statements: a compound statement, or simple statements separated by {@code ;}. */
    private List<Stmt> statement(boolean inClass) {
        Token t = in.peek();
        return switch (t.kind()) {
            case DEF, CLASS, AT -> List.of(definitions.definition(inClass));
            case IF -> List.of(ifStatement());
            case FOR -> List.of(forStatement());
            case WHILE -> List.of(whileStatement());
            case WITH -> List.of(withStatement());
            case TRY -> throw in.error(t, "try statements are not supported in TorchScript");
            case ASYNC -> throw in.error(t, "async code is not supported in TorchScript");
            case INDENT -> throw in.error(t, "unexpected indent");
            default -> simpleStatements();
        };
    }

    /**
     * The body after a compound statement's {@code :}: an indented block, or simple statements on the same line.
     * {@code header} is the statement's first token, for the error when the block is missing.
     */
    List<Stmt> block(Token header, boolean inClass) {
        if (!in.accept(NEWLINE)) {
            return simpleStatements();
        }
        if (!in.accept(INDENT)) {
            throw in.error(in.peek(), "expected an indented block after '" + header.text() + "' statement on line "
                    + header.range().startLine());
        }
        List<Stmt> body = new ArrayList<>();
        while (!in.accept(DEDENT)) {
            body.addAll(statement(inClass));
        }
        return body;
    }

    private List<Stmt> simpleStatements() {
        List<Stmt> statements = new ArrayList<>();
        do {
            statements.add(simpleStatement());
        } while (in.accept(SEMI) && !in.at(NEWLINE));
        in.expect(NEWLINE);
        return statements;
    }

    private Stmt simpleStatement() {
        Token t = in.peek();
        return switch (t.kind()) {
            case RETURN -> {
                in.next();
                Optional<Expr> value = endsStatement() ? Optional.empty() : Optional.of(expressions.starExpressions());
                yield new Stmt.Return(value, span(t));
            }
            case PASS -> new Stmt.Pass(in.next().range());
            case BREAK -> new Stmt.Break(in.next().range());
            case CONTINUE -> new Stmt.Continue(in.next().range());
            case RAISE -> raise();
            case ASSERT -> {
                in.next();
                Expr test = expressions.expression();
                Optional<Expr> message = in.accept(COMMA) ? Optional.of(expressions.expression()) : Optional.empty();
                yield new Stmt.Assert(test, message, span(t));
            }
            case DEL -> delete();
            case IMPORT -> importStatement();
            case FROM -> fromImport();
            case GLOBAL, NONLOCAL -> throw in.error(t, "'" + t.text() + "' statements are not supported in "
                    + "TorchScript");
            case YIELD -> throw in.error(t, "'yield' is not supported in TorchScript");
            default -> expressionStatement();
        };
    }

    private boolean endsStatement() {
        return in.at(NEWLINE) || in.at(SEMI) || in.at(EOF);
    }

    private Stmt raise() {
        Token t = in.next();
        Optional<Expr> exception = endsStatement() ? Optional.empty() : Optional.of(expressions.expression());
        if (in.at(FROM)) {
            throw in.error(in.peek(), "'raise ... from ...' is not supported in TorchScript");
        }
        return new Stmt.Raise(exception, span(t));
    }

    private Stmt delete() {
        Token t = in.next();
        List<Expr> targets = new ArrayList<>();
        do {
            Expr target = expressions.bitOr();
            Targets.checkDelete(target);
            targets.add(target);
        } while (in.accept(COMMA) && !endsStatement());
        return new Stmt.Delete(targets, span(t));
    }

    /** An expression statement, or an assignment: plain, chained, annotated or augmented. */
    private Stmt expressionStatement() {
        Token start = in.peek();
        Expr first = expressions.starExpressions();
        if (in.accept(COLON)) {
            Targets.checkSingle(first, "an annotated assignment");
            Expr annotation = expressions.expression();
            Optional<Expr> value = in.accept(EQUAL) ? Optional.of(expressions.starExpressions()) : Optional.empty();
            if (in.at(EQUAL)) {
                throw in.error(in.peek(), "an annotated assignment cannot have several targets");
            }
            return new Stmt.AnnAssign(first, annotation, value, span(start));
        }
        BinaryOperator augmented = BinaryOperator.augmented(in.peek().kind());
        if (augmented != null) {
            in.next();
            Targets.checkSingle(first, "augmented assignment");
            return new Stmt.AugAssign(first, augmented, expressions.starExpressions(), span(start));
        }
        if (!in.at(EQUAL)) {
            return new Stmt.ExprStmt(first, span(start));
        }
        List<Expr> chain = new ArrayList<>(List.of(first));
        while (in.accept(EQUAL)) {
            chain.add(expressions.starExpressions());
        }
        Expr value = chain.removeLast();
        chain.forEach(Targets::checkAssign);
        Optional<SourceRange> comment = in.at(NEWLINE)
                ? typeComments.trailing(in.peek().range().startLine()) : Optional.empty();
        if (comment.isEmpty()) {
            return new Stmt.Assign(chain, value, span(start));
        }
        if (chain.size() != 1 || chain.getFirst() instanceof Expr.TupleLiteral
                || chain.getFirst() instanceof Expr.ListLiteral) {
            throw new ScriptSyntaxError(comment.get(), "a type comment needs an assignment to a single target");
        }
        return new Stmt.AnnAssign(chain.getFirst(), TypeCommentParser.type(comment.get()), Optional.of(value),
                span(start));
    }

    private Stmt ifStatement() {
        Token t = in.next();
        Expr test = expressions.expression();
        in.expect(COLON);
        List<Stmt> body = block(t, false);
        List<Stmt> orElse = List.of();
        if (in.at(ELIF)) {
            orElse = List.of(ifStatement());
        } else if (in.at(ELSE)) {
            Token e = in.next();
            in.expect(COLON);
            orElse = block(e, false);
        }
        return new Stmt.If(test, body, orElse, span(t));
    }

    private Stmt forStatement() {
        Token t = in.next();
        Expr target = expressions.targets();
        Targets.checkAssign(target);
        in.expect(IN);
        Expr iter = expressions.starExpressions();
        in.expect(COLON);
        List<Stmt> body = block(t, false);
        refuseLoopElse("for");
        return new Stmt.For(target, iter, body, span(t));
    }

    private Stmt whileStatement() {
        Token t = in.next();
        Expr test = expressions.expression();
        in.expect(COLON);
        List<Stmt> body = block(t, false);
        refuseLoopElse("while");
        return new Stmt.While(test, body, span(t));
    }

    private void refuseLoopElse(String loop) {
        if (in.at(ELSE)) {
            throw in.error(in.peek(), "'" + loop + " ... else' is not supported in TorchScript");
        }
    }

    private Stmt withStatement() {
        Token t = in.next();
        List<WithItem> items = new ArrayList<>();
        do {
            Expr context = expressions.expression();
            Optional<Expr> target = Optional.empty();
            if (in.accept(AS)) {
                Expr e = expressions.bitOr();
                Targets.checkAssign(e);
                target = Optional.of(e);
            }
            items.add(new WithItem(context, target, context.range().to(in.previous().range())));
        } while (in.accept(COMMA));
        in.expect(COLON);
        return new Stmt.With(items, block(t, false), span(t));
    }

    private Stmt importStatement() {
        Token t = in.next();
        List<Alias> names = new ArrayList<>();
        do {
            Token first = in.peek();
            String name = dottedName();
            names.add(new Alias(name, asName(), span(first)));
        } while (in.accept(COMMA));
        return new Stmt.Import(names, span(t));
    }

    private Stmt fromImport() {
        Token t = in.next();
        int level = 0;
        while (in.at(DOT) || in.at(ELLIPSIS)) {
            level += in.next().is(DOT) ? 1 : 3;
        }
        String module = in.at(NAME) || level == 0 ? dottedName() : "";
        in.expect(IMPORT);
        if (in.at(STAR)) {
            throw in.error(in.peek(), "wildcard imports (from ... import *) are not supported in TorchScript");
        }
        boolean parenthesized = in.accept(LPAR);
        List<Alias> names = new ArrayList<>();
        do {
            Token name = in.expect(NAME);
            names.add(new Alias(name.text(), asName(), span(name)));
        } while (in.accept(COMMA) && !(parenthesized && in.at(RPAR)));
        if (parenthesized) {
            in.expect(RPAR);
        }
        return new Stmt.ImportFrom(module, level, names, span(t));
    }

    private String dottedName() {
        StringBuilder name = new StringBuilder(in.expect(NAME).text());
        while (in.accept(DOT)) {
            name.append('.').append(in.expect(NAME).text());
        }
        return name.toString();
    }

    private Optional<Ident> asName() {
        if (!in.accept(AS)) {
            return Optional.empty();
        }
        Token name = in.expect(NAME);
        return Optional.of(new Ident(name.text(), name.range()));
    }

    /** From {@code start} to the end of the last consumed token. */
    private SourceRange span(Token start) {
        return start.range().to(in.previous().range());
    }
}
