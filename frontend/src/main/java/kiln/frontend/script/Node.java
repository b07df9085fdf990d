package kiln.frontend.script;

/**
 * A node of the TorchScript syntax tree. Every node is an immutable record that knows where it came from; two trees
 * are structurally equal when {@link AstEquality} finds no difference, whatever their ranges.
 */
public sealed interface Node permits Expr, Stmt, Module, Ident, Param, Keyword, WithItem, Alias {

    SourceRange range();
}
