package kiln.frontend.script;

import static kiln.frontend.script.TokenKind.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code def} and {@code class} with their decorators. Parameters may have annotations and defaults and may be
 * keyword-only after a bare {@code *}; {@code *args}, {@code **kwargs} and {@code /} are refused. A
 * {@code # type: (...) -> R} comment after the header's colon, or alone on the line before the first statement,
 * supplies the annotations (for a method it may leave out {@code self}).
 */
final class DefinitionParser {
    private final TokenStream in;
    private final ExpressionParser expressions;
    private final StatementParser statements;
    private final TypeComments typeComments;

    DefinitionParser(TokenStream in, ExpressionParser expressions, StatementParser statements,
            TypeComments typeComments) {
        this.in = in;
        this.expressions = expressions;
        this.statements = statements;
        this.typeComments = typeComments;
    }

    /** A {@code def} or {@code class}, after any decorators; {@code inClass} when it is in a class body. */
    Stmt definition(boolean inClass) {
        List<Expr> decorators = new ArrayList<>();
        while (in.accept(AT)) {
            decorators.add(expressions.expression());
            in.expect(NEWLINE);
        }
        if (in.at(DEF)) {
            return function(decorators, inClass);
        }
        if (in.at(CLASS)) {
            return classDef(decorators);
        }
        throw in.expected("'def' or 'class' after a decorator");
    }

    private Stmt function(List<Expr> decorators, boolean inClass) {
        Token def = in.next();
        Token name = in.expect(NAME);
        List<Param> params = parameters();
        Optional<Expr> returns = in.accept(ARROW) ? Optional.of(expressions.expression()) : Optional.empty();
        Token colon = in.expect(COLON);
        Optional<SourceRange> comment = signatureComment(colon);
        if (comment.isPresent()) {
            TypeCommentParser.Signature signature = TypeCommentParser.signature(comment.get());
            if (returns.isPresent() || params.stream().anyMatch(p -> p.annotation().isPresent())) {
                throw new ScriptSyntaxError(comment.get(), "a function may have annotations or a type comment, "
                        + "not both");
            }
            params = withTypes(params, signature, inClass);
            returns = signature.returns();
        }
        List<Stmt> body = statements.block(def, false);
        return new Stmt.FunctionDef(new Ident(name.text(), name.range()), params, returns, body, decorators,
                def.range().to(in.previous().range()));
    }

    /** The type comment that trails the header's colon, or stands alone before the first statement of the body. */
    private Optional<SourceRange> signatureComment(Token colon) {
        if (!in.at(NEWLINE)) {
            return Optional.empty();
        }
        int line = colon.range().endLine();
        Optional<SourceRange> trailing = typeComments.trailing(line);
        return trailing.isPresent() ? trailing : typeComments.standalone(line + 1, in.peek(1).range().startLine());
    }

    private static List<Param> withTypes(List<Param> params, TypeCommentParser.Signature signature,
            boolean inClass) {
        if (signature.params().isEmpty()) {
            return params;
        }
        List<Expr> types = signature.params().get();
        int skip = types.size() == params.size() ? 0 : inClass && types.size() == params.size() - 1 ? 1 : -1;
        if (skip < 0) {
            throw new ScriptSyntaxError(signature.range(), "number of type annotations (" + types.size()
                    + ") does not match the number of " + (inClass ? "method" : "function") + " parameters ("
                    + params.size() + ")");
        }
        List<Param> typed = new ArrayList<>(params.subList(0, skip));
        for (int i = skip; i < params.size(); i++) {
            typed.add(params.get(i).withAnnotation(types.get(i - skip)));
        }
        return typed;
    }

    private List<Param> parameters() {
        in.expect(LPAR);
        List<Param> params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Token bareStar = null;
        boolean sawDefault = false;
        while (!in.at(RPAR)) {
            Token t = in.peek();
            if (t.is(STAR)) {
                in.next();
                if (in.at(NAME)) {
                    throw in.error(t, "*args parameters are not supported in TorchScript");
                }
                if (bareStar != null) {
                    throw in.error(t, "* may appear only once in a parameter list");
                }
                bareStar = t;
            } else if (t.is(DOUBLESTAR)) {
                throw in.error(t, "**kwargs parameters are not supported in TorchScript");
            } else if (t.is(SLASH)) {
                throw in.error(t, "positional-only parameters (/) are not supported in TorchScript");
            } else {
                Param p = parameter(bareStar != null);
                if (p.defaultValue().isEmpty() && sawDefault && !p.keywordOnly()) {
                    throw new ScriptSyntaxError(p.range(), "parameter without a default follows parameter with a "
                            + "default");
                }
                sawDefault |= p.defaultValue().isPresent();
                if (!names.add(p.name().name())) {
                    throw new ScriptSyntaxError(p.name().range(), "duplicate parameter '" + p.name().name()
                            + "' in function definition");
                }
                params.add(p);
            }
            if (!in.accept(COMMA)) {
                break;
            }
        }
        if (bareStar != null && (params.isEmpty() || !params.getLast().keywordOnly())) {
            throw in.error(bareStar, "named parameters must follow bare *");
        }
        in.expect(RPAR);
        return params;
    }

    private Param parameter(boolean keywordOnly) {
        Token name = in.expect(NAME);
        Optional<Expr> annotation = in.accept(COLON) ? Optional.of(expressions.expression()) : Optional.empty();
        Optional<Expr> defaultValue = in.accept(EQUAL) ? Optional.of(expressions.expression()) : Optional.empty();
        return new Param(new Ident(name.text(), name.range()), annotation, defaultValue, keywordOnly,
                name.range().to(in.previous().range()));
    }

    private Stmt classDef(List<Expr> decorators) {
        Token cls = in.next();
        Token name = in.expect(NAME);
        List<Expr> bases = new ArrayList<>();
        if (in.accept(LPAR)) {
            while (!in.at(RPAR)) {
                if (in.at(NAME) && in.peek(1).is(EQUAL)) {
                    throw in.error(in.peek(), "class keyword arguments (such as metaclass=) are not supported in "
                            + "TorchScript");
                }
                bases.add(expressions.expression());
                if (!in.accept(COMMA)) {
                    break;
                }
            }
            in.expect(RPAR);
        }
        in.expect(COLON);
        List<Stmt> body = statements.block(cls, true);
        return new Stmt.ClassDef(new Ident(name.text(), name.range()), bases, body, decorators,
                cls.range().to(in.previous().range()));
    }
}
