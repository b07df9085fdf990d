package kiln.frontend.script;

import static kiln.frontend.script.TokenKind.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of {@code # type:} comments: a function signature {@code (int, Tensor) -> Tensor} (the parameter list
 * may be {@code (...)} to give only the return type) or, after an assignment, one type. Types stay expressions.
 */
final class TypeCommentParser {
    private TypeCommentParser() {
    }

    /** A signature: the parameter types (absent for {@code (...)}) and the return type, if given. */
    record Signature(Optional<List<Expr>> params, Optional<Expr> returns, SourceRange range) {
    }

    static Signature signature(SourceRange text) {
        TokenStream in = new TokenStream(Lexer.tokenizeLine(text));
        ExpressionParser expressions = new ExpressionParser(in);
        in.expect(LPAR);
        Optional<List<Expr>> params;
        if (in.at(ELLIPSIS) && in.peek(1).is(RPAR)) {
            in.next();
            params = Optional.empty();
        } else {
            List<Expr> types = new ArrayList<>();
            while (!in.at(RPAR)) {
                if (in.at(STAR) || in.at(DOUBLESTAR)) {
                    throw in.error(in.peek(), "*args and **kwargs are not supported in TorchScript");
                }
                types.add(expressions.expression());
                if (!in.accept(COMMA)) {
                    break;
                }
            }
            params = Optional.of(types);
        }
        in.expect(RPAR);
        Optional<Expr> returns = in.accept(ARROW) ? Optional.of(expressions.expression()) : Optional.empty();
        in.expect(EOF);
        return new Signature(params, returns, text);
    }

    /** The single type of an assignment's type comment. */
    static Expr type(SourceRange text) {
        TokenStream in = new TokenStream(Lexer.tokenizeLine(text));
        Expr type = new ExpressionParser(in).expression();
        in.expect(EOF);
        return type;
    }
}
