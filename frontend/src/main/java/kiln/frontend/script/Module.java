package kiln.frontend.script;

import java.util.List;

/** A parsed source file: its statements in order. */
public record Module(String file, List<Stmt> body, SourceRange range) implements Node {

    public Module {
        body = List.copyOf(body);
    }
}
