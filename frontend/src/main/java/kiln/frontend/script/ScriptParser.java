package kiln.frontend.script;

import java.util.List;

/**
 * Parses TorchScript source, both as PyTorch serializes it into an archive's {@code code/} folder and as people
 * write it, into a {@link Module} of {@link Stmt}s. Errors are {@link ScriptSyntaxError}s.
 *
 * <p>The design follows PyTorch's own front end ({@code torch/csrc/jit/frontend/lexer.cpp}, {@code parser.cpp},
 * {@code tree_views.h}): a Python lexer with layout tokens and a recursive descent parser with Python's
 * precedence, whose tree keeps type annotations as expressions for a later stage to resolve.
 */
public final class ScriptParser {
    private ScriptParser() {
    }

    /** The statements of {@code source}; {@code file} names it in ranges and errors. */
    public static Module parse(String source, String file) {
        return parse(new Source(file, source));
    }

    public static Module parse(Source source) {
        TypeComments typeComments = new TypeComments();
        TokenStream tokens = new TokenStream(Lexer.tokenize(source, typeComments));
        List<Stmt> body = new StatementParser(tokens, typeComments).file();
        return new Module(source.file(), body, new SourceRange(source, 0, source.text().length()));
    }

    /** One expression, such as a type annotation given as text ({@code "Dict[str, List[int]]"}). */
    public static Expr parseExpression(String text, String file) {
        Source source = new Source(file, text);
        TokenStream tokens = new TokenStream(Lexer.tokenizeLine(new SourceRange(source, 0, text.length())));
        Expr e = new ExpressionParser(tokens).expression();
        tokens.expect(TokenKind.EOF);
        return e;
    }
}
