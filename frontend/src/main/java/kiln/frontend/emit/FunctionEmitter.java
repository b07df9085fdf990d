package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TypeUnifier;
import kiln.frontend.script.Expr;
import kiln.frontend.script.Param;
import kiln.frontend.script.SourceRange;
import kiln.frontend.script.Stmt;

/**
 * Emits one function or method: its parameters as graph inputs, then its statements in the frontend form
 * (variables as {@code prim::Store}/{@code prim::Load}, exits as statements) that {@link
 * kiln.frontend.ssa.ConvertToSsa} turns into SSA. Expressions are emitted by {@link ExprEmitter}.
 */
final class FunctionEmitter {
    final ScriptCompiler compiler;
    final Stmt.FunctionDef def;
    final ScriptClass self;
    final Graph graph = Graph.create();
    final ExprEmitter exprs;
    final Optional<TorchType> declaredReturn;
    Block block;
    Environment env = new Environment(null);
    /** Compile-time values bound to names ({@code _0 = __torch__.m.f}), per environment frame. */
    final Map<Environment, Map<String, Sugared>> sugaredNames = new HashMap<>();
    /** For a closure: the enclosing function, whose variables become inputs of this graph when read. */
    private final FunctionEmitter enclosing;
    /** The enclosing function's values this closure captured, in order of first use. */
    final List<Value> captured = new ArrayList<>();
    private final Map<String, Value> capturedByName = new HashMap<>();

    FunctionEmitter(ScriptCompiler compiler, Stmt.FunctionDef def, ScriptClass self) {
        this(compiler, def, self, null);
    }

    /** An emitter for {@code def}, a closure of {@code enclosing} when that is not null. */
    FunctionEmitter(ScriptCompiler compiler, Stmt.FunctionDef def, ScriptClass self, FunctionEmitter enclosing) {
        this.enclosing = enclosing;
        this.compiler = compiler;
        this.def = def;
        this.self = self;
        this.block = graph.block();
        this.exprs = new ExprEmitter(this);
        this.declaredReturn = def.returns().map(compiler.types()::resolve);
    }

    Graph emit() {
        List<Param> params = def.params();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            TorchType t;
            if (i == 0 && self != null) {
                t = self.type();
            } else {
                t = p.annotation().map(compiler.types()::resolve).orElse(TensorType.TENSOR);
            }
            Value in = graph.addInput(t, p.name().name());
            store(p.name().name(), in, p.range());
        }
        statements(def.body());
        if (!env.exits) {
            Value none = exprs.none(def.range());
            insert(TorchDialect.RETURN_STMT, List.of(none), List.of(), Map.of(), def.range());
        }
        return graph;
    }

    // ---- insertion

    Location loc(SourceRange r) {
        return r == null ? Location.UNKNOWN : Location.of(r.file(), r.startLine(), r.startColumn());
    }

    Operation insert(OpDef def, List<Value> operands, List<? extends Type> results, Map<String, Attribute> attrs,
                     SourceRange where) {
        Operation op = Operation.create(def, operands, results, attrs, 0, loc(where));
        block.insertBefore(op, BlockOutputs.returnOp(block));
        return op;
    }

    Operation insertWithRegions(OpDef def, List<Value> operands, int regions, SourceRange where) {
        Operation op = Operation.create(def, operands, List.of(), Map.of(), regions, loc(where));
        block.insertBefore(op, BlockOutputs.returnOp(block));
        for (int i = 0; i < regions; i++) {
            BlockOutputs.newBlock(op.region(i));
        }
        return op;
    }

    /** Runs {@code body} with {@code b} as the insertion block and a fresh environment frame; returns the frame. */
    Environment inBlock(Block b, Runnable body) {
        Block savedBlock = block;
        Environment saved = env;
        block = b;
        env = new Environment(saved);
        try {
            body.run();
            return env;
        } finally {
            block = savedBlock;
            env = saved;
        }
    }

    // ---- variables

    void store(String name, Value v, SourceRange where) {
        store(name, v, where, null);
    }

    /**
     * Assigns {@code name}, as TorchScript's environment does: a variable of an enclosing block keeps its type
     * (the value must be a subtype of it); in this block the variable has the value's type, or the annotated type
     * of an annotated assignment, so {@code x = 3} after {@code x: Optional[int] = None} reads as an int.
     */
    void store(String name, Value v, SourceRange where, TorchType annotated) {
        Type declared = env.parent == null ? null : env.parent.lookup(name);
        Type t = v.type();
        if (declared != null && !t.isSubtypeOf(declared)) {
            throw new CompileError(where, "Variable '" + name + "' previously had type "
                    + ((TorchType) declared).annotationString() + " but is now being assigned to a value of type "
                    + ((TorchType) t).annotationString());
        }
        env.define(name, annotated != null ? annotated : t);
        insert(TorchDialect.STORE, List.of(v), List.of(), Map.of("name", new StringAttr(name)), where);
        if (v.name() == null && !name.startsWith("$")) {
            v.setName(name);
        }
    }

    void bindSugared(String name, Sugared s) {
        sugaredNames.computeIfAbsent(env, e -> new HashMap<>()).put(name, s);
    }

    /** A local name's value: a compile-time binding or a load of the variable, or empty when not local. */
    Optional<Sugared> lookup(String name, SourceRange where) {
        for (Environment e = env; e != null; e = e.parent) {
            Map<String, Sugared> m = sugaredNames.get(e);
            if (m != null && m.containsKey(name)) {
                return Optional.of(m.get(name));
            }
        }
        Type t = env.lookup(name);
        if (t == null) {
            String why = env.whyUndefined(name);
            if (why != null) {
                throw new CompileError(where, why);
            }
            return enclosing == null ? Optional.empty() : capture(name, where);
        }
        Operation load = insert(TorchDialect.LOAD, List.of(), List.of(t), Map.of("name", new StringAttr(name)),
                where);
        load.result(0).setName(name);
        return Optional.of(new Sugared.Simple(load.result(0)));
    }

    /** Whether {@code name} is a local variable or binding (so that it shadows builtins like range). */
    Optional<Type> lookupLocalOnly(String name) {
        return Optional.ofNullable(env.lookup(name));
    }

    /** Reads {@code name} from the enclosing function: its value becomes an input of this closure's graph. */
    private Optional<Sugared> capture(String name, SourceRange where) {
        Value known = capturedByName.get(name);
        if (known != null) {
            return Optional.of(new Sugared.Simple(known));
        }
        Optional<Sugared> outer = enclosing.lookup(name, where);
        if (outer.isEmpty() || !(outer.get() instanceof Sugared.Simple s)) {
            return outer;
        }
        Value input = graph.addInput(s.value().type(), name);
        captured.add(s.value());
        capturedByName.put(name, input);
        return Optional.of(new Sugared.Simple(input));
    }

    /**
     * {@code outer}, a value of the enclosing function, as this closure reads it: an input of this graph, added on
     * first use.
     */
    Value captureValue(Value outer) {
        for (int i = 0; i < captured.size(); i++) {
            if (captured.get(i) == outer) {
                return graph.inputs().get(i);
            }
        }
        Value input = graph.addInput(outer.type(), outer.name());
        captured.add(outer);
        return input;
    }

    // ---- statements

    void statements(List<Stmt> body) {
        for (Stmt s : body) {
            if (env.exits) {
                break;
            }
            statement(s);
        }
    }

    private void statement(Stmt s) {
        switch (s) {
            case Stmt.Assign a -> {
                Sugared value = exprs.emit(a.value(), null);
                for (Expr target : a.targets()) {
                    new Assignments(this).assign(target, value, a.range());
                }
            }
            case Stmt.AnnAssign a -> {
                if (a.value().isPresent()) {
                    TorchType hint = compiler.types().resolve(a.annotation());
                    Value v = exprs.emitValue(a.value().get(), hint);
                    if (!v.type().isSubtypeOf(hint)) {
                        throw new CompileError(a.range(), "Variable '" + a.target().range().text()
                                + "' is annotated with type " + hint.annotationString()
                                + " but is being assigned to a value of type "
                                + ((TorchType) v.type()).annotationString());
                    }
                    if (a.target() instanceof Expr.Name n) {
                        store(n.id(), v, a.range(), hint);
                    } else {
                        new Assignments(this).assign(a.target(), new Sugared.Simple(v), a.range());
                    }
                }
            }
            case Stmt.AugAssign a -> new Assignments(this).augmented(a);
            case Stmt.ExprStmt e -> {
                if (!(e.value() instanceof Expr.StringLiteral)) {
                    exprs.emit(e.value(), null);
                }
            }
            case Stmt.Return r -> {
                Value v = r.value().map(x -> exprs.emitValue(x, declaredReturn.orElse(null)))
                        .orElseGet(() -> exprs.none(r.range()));
                if (declaredReturn.isPresent() && !v.type().isSubtypeOf(declaredReturn.get())) {
                    throw new CompileError(r.range(), "Return value was annotated as having type "
                            + declaredReturn.get().annotationString() + " but is actually of type "
                            + ((TorchType) v.type()).annotationString());
                }
                insert(TorchDialect.RETURN_STMT, List.of(v), List.of(), Map.of(), r.range());
                env.exits = true;
            }
            case Stmt.If i -> new ControlFlow(this).emitIf(i);
            case Stmt.While w -> new ControlFlow(this).emitWhile(w);
            case Stmt.For f -> new Loops(this).emitFor(f);
            case Stmt.Break b -> {
                insert(TorchDialect.BREAK_STMT, List.of(), List.of(), Map.of(), b.range());
                env.exits = true;
            }
            case Stmt.Continue c -> {
                insert(TorchDialect.CONTINUE_STMT, List.of(), List.of(), Map.of(), c.range());
                env.exits = true;
            }
            case Stmt.Raise r -> new ControlFlow(this).emitRaise(r);
            case Stmt.Assert a -> new ControlFlow(this).emitAssert(a);
            case Stmt.Pass p -> { }
            case Stmt.Import i -> { }
            case Stmt.ImportFrom i -> { }
            case Stmt.Delete d -> new Assignments(this).delete(d);
            case Stmt.With w -> new WithStatements(this).emit(w);
            case Stmt.FunctionDef fn -> {
                if (!fn.params().isEmpty()) {
                    throw new CompileError(fn.range(), "nested functions with parameters are not supported");
                }
                bindSugared(fn.name().name(), new Sugared.Closure(fn));
            }
            case Stmt.ClassDef c -> throw new CompileError(c.range(), "nested classes are not supported");
            default -> throw new CompileError(s.range(), "unsupported statement");
        }
    }

    private void defineUninitialized(Block exiting, Environment exitingEnv, Environment continuing) {
        for (String n : continuing.definedHere()) {
            Type t = continuing.vars.get(n);
            if (t == null || n.startsWith("$")) {
                continue;
            }
            inBlock(exiting, () -> {
                Operation u = insert(TorchDialect.UNINITIALIZED, List.of(), List.of(t), Map.of(), null);
                insert(TorchDialect.STORE, List.of(u.result(0)), List.of(), Map.of("name", new StringAttr(n)), null);
            });
        }
    }

    private static Type unifyOrNull(Type a, Type b) {
        if (a == null || b == null) {
            return null;
        }
        return TypeUnifier.unify((TorchType) a, (TorchType) b).orElse(null);
    }

    /**
     * Merges the frames of an if's two branches back into the current one, as TorchScript's environment does. A
     * variable the continuing branch defines is also set in a branch that exits (returns or raises), to a
     * {@code prim::Uninitialized} of its type, so that it becomes an output of the if (ir_emitter's
     * emitIfElseBlocks).
     */
    void mergeBranches(Block thenBlock, Environment thenEnv, Block elseBlock, Environment elseEnv) {
        if (thenEnv.exits && elseEnv.exits) {
            env.exits = true;
            return;
        }
        if (thenEnv.exits) {
            defineUninitialized(thenBlock, thenEnv, elseEnv);
        } else if (elseEnv.exits) {
            defineUninitialized(elseBlock, elseEnv, thenEnv);
        }
        List<String> names = new ArrayList<>(thenEnv.definedHere());
        for (String n : elseEnv.definedHere()) {
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        for (String n : names) {
            Type t = thenEnv.exits ? null : thenEnv.vars.get(n);
            Type e = elseEnv.exits ? null : elseEnv.vars.get(n);
            Type outer = env.lookup(n);
            Type thenType = t != null ? t : (thenEnv.exits ? null : outer);
            Type elseType = e != null ? e : (elseEnv.exits ? null : outer);
            if (thenEnv.exits) {
                thenType = elseType;
            }
            if (elseEnv.exits) {
                elseType = thenType;
            }
            if (thenType == null || elseType == null) {
                String branch = thenType == null ? "true" : "false";
                env.markUndefined(n, n + " is not defined in the " + branch + " branch");
                continue;
            }
            Optional<TorchType> u = TypeUnifier.unify((TorchType) thenType, (TorchType) elseType);
            if (u.isEmpty()) {
                env.markUndefined(n, "Type mismatch: " + n + " is set to type "
                        + ((TorchType) thenType).annotationString() + " in the true branch and type "
                        + ((TorchType) elseType).annotationString() + " in the false branch");
                continue;
            }
            // The SSA conversion merges the branches' stores without knowing that one branch exits; where that
            // gives a wider type than the branch that continues, refine it after the if, as TorchScript does.
            Type merged = unifyOrNull(t != null ? t : outer, e != null ? e : outer);
            if (merged != null && !merged.equals(u.get()) && u.get().isSubtypeOf(merged)) {
                Operation load = insert(TorchDialect.LOAD, List.of(), List.of(merged),
                        Map.of("name", new StringAttr(n)), null);
                Operation cast = insert(TorchDialect.UNCHECKED_CAST, List.of(load.result(0)), List.of(u.get()),
                        Map.of(), null);
                env.define(n, u.get());
                store(n, cast.result(0), null);
            } else {
                env.define(n, u.get());
            }
        }
    }
}
