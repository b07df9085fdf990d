package kiln.frontend.script;

import java.util.List;
import java.util.Optional;

/** Statements, after PyTorch's tree views and Python's {@code ast}. */
public sealed interface Stmt extends Node {

    /**
     * {@code def name(params) -> returns:} with its body; annotations given in a {@code # type:} comment are
     * already merged into the parameters and return type.
     */
    record FunctionDef(Ident name, List<Param> params, Optional<Expr> returns, List<Stmt> body,
            List<Expr> decorators, SourceRange range) implements Stmt {
        public FunctionDef {
            params = List.copyOf(params);
            body = List.copyOf(body);
            decorators = List.copyOf(decorators);
        }
    }

    /** {@code class name(bases):} with its body. */
    record ClassDef(Ident name, List<Expr> bases, List<Stmt> body, List<Expr> decorators, SourceRange range)
            implements Stmt {
        public ClassDef {
            bases = List.copyOf(bases);
            body = List.copyOf(body);
            decorators = List.copyOf(decorators);
        }
    }

    record Return(Optional<Expr> value, SourceRange range) implements Stmt {
    }

    /** {@code if}; an {@code elif} is an {@code If} alone in {@code orElse}. */
    record If(Expr test, List<Stmt> body, List<Stmt> orElse, SourceRange range) implements Stmt {
        public If {
            body = List.copyOf(body);
            orElse = List.copyOf(orElse);
        }
    }

    /** {@code for target in iter:}; several targets make a {@link Expr.TupleLiteral}. */
    record For(Expr target, Expr iter, List<Stmt> body, SourceRange range) implements Stmt {
        public For {
            body = List.copyOf(body);
        }
    }

    record While(Expr test, List<Stmt> body, SourceRange range) implements Stmt {
        public While {
            body = List.copyOf(body);
        }
    }

    record Break(SourceRange range) implements Stmt {
    }

    record Continue(SourceRange range) implements Stmt {
    }

    record Pass(SourceRange range) implements Stmt {
    }

    /** {@code t0 = t1 = ... = value}; targets may be names, attributes, subscripts, or tuples/lists of them. */
    record Assign(List<Expr> targets, Expr value, SourceRange range) implements Stmt {
        public Assign {
            targets = List.copyOf(targets);
        }
    }

    /**
     * {@code target: annotation [= value]}, a declaration when there is no value ({@code training : bool} in a
     * class); also what an assignment with a {@code # type:} comment becomes.
     */
    record AnnAssign(Expr target, Expr annotation, Optional<Expr> value, SourceRange range) implements Stmt {
    }

    /** {@code target op= value}. */
    record AugAssign(Expr target, BinaryOperator op, Expr value, SourceRange range) implements Stmt {
    }

    /** An expression evaluated for its effect (or a docstring). */
    record ExprStmt(Expr value, SourceRange range) implements Stmt {
    }

    record Raise(Optional<Expr> exception, SourceRange range) implements Stmt {
    }

    record Assert(Expr test, Optional<Expr> message, SourceRange range) implements Stmt {
    }

    record With(List<WithItem> items, List<Stmt> body, SourceRange range) implements Stmt {
        public With {
            items = List.copyOf(items);
            body = List.copyOf(body);
        }
    }

    record Delete(List<Expr> targets, SourceRange range) implements Stmt {
        public Delete {
            targets = List.copyOf(targets);
        }
    }

    /** {@code import a.b as c, d}. */
    record Import(List<Alias> names, SourceRange range) implements Stmt {
        public Import {
            names = List.copyOf(names);
        }
    }

    /** {@code from module import names}; {@code level} counts leading dots of a relative import. */
    record ImportFrom(String module, int level, List<Alias> names, SourceRange range) implements Stmt {
        public ImportFrom {
            names = List.copyOf(names);
        }
    }
}
