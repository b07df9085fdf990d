/**
 * The TorchScript language front end: {@link kiln.frontend.script.ScriptParser} turns source (as PyTorch writes it
 * into archives, or as people write it) into a tree of {@link kiln.frontend.script.Stmt} and
 * {@link kiln.frontend.script.Expr} records that carry {@link kiln.frontend.script.SourceRange}s;
 * {@link kiln.frontend.script.ScriptPrinter} prints a tree back; {@link kiln.frontend.script.ScriptSyntaxError}
 * reports errors as {@code file:line:col: error: message} with the source line and a caret.
 */
package kiln.frontend.script;
