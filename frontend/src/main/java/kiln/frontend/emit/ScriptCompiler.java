package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.schema.Argument;
import kiln.dialects.torch.schema.DefaultValue;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.frontend.script.Expr;
import kiln.frontend.script.Param;
import kiln.frontend.script.Stmt;
import kiln.frontend.ssa.ConvertToSsa;

/**
 * Compiles the functions and methods of a {@link ScriptUnit} to torch-dialect graphs, as TorchScript's
 * ir_emitter does: emission with loads and stores, conversion to SSA, then PyTorch's cleanup passes. Graphs
 * are compiled on first use and cached; a function whose return type is not annotated is compiled before
 * its callers to learn it.
 */
public final class ScriptCompiler {
    private final ScriptUnit unit;
    private final OperatorRegistry operators;
    private final TypeAnnotations types;
    private final Map<String, Graph> graphs = new HashMap<>();
    private final Map<String, FunctionSchema> signatures = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    /** The script function each emitted {@code Function} constant names (the graph text keeps only the short name). */
    final Map<kiln.dialects.ir.Operation, String> functionConstants = ScriptCallees.newTable();
    private ScriptCallees callees;

    public ScriptCompiler(ScriptUnit unit, OperatorRegistry operators) {
        this.unit = unit;
        this.operators = operators;
        this.types = new TypeAnnotations(unit);
    }

    public ScriptUnit unit() {
        return unit;
    }

    OperatorRegistry operators() {
        return operators;
    }

    TypeAnnotations types() {
        return types;
    }

    /** The op declaration for an operator name (open aten/prim ops are declared on demand by the dialect). */
    kiln.dialects.ir.OpDef registryDef(String opName) {
        return REGISTRY.lookup(opName).orElseThrow(() -> new IllegalStateException("no dialect accepts " + opName));
    }

    private static final kiln.dialects.ir.DialectRegistry REGISTRY = kiln.dialects.torch.TorchDialect.registry();

    /** The graph of free function {@code qualifiedName}. */
    public Graph function(String qualifiedName) {
        Stmt.FunctionDef def = unit.function(qualifiedName).orElseThrow(
                () -> new IllegalArgumentException("no function '" + qualifiedName + "'"));
        return compile(qualifiedName, def, null);
    }

    /** Method {@code name} of {@code cls} with every call to script code inlined (PyTorch's inlined_graph). */
    public Graph inlinedMethod(ScriptClass cls, String name) {
        return callees().inlined(method(cls, name));
    }

    /** Free function {@code qualifiedName} with every call to script code inlined. */
    public Graph inlinedFunction(String qualifiedName) {
        return callees().inlined(function(qualifiedName));
    }

    private ScriptCallees callees() {
        if (callees == null) {
            callees = new ScriptCallees(this, functionConstants);
        }
        return callees;
    }

    /** The graph of method {@code name} of class {@code cls} (its first input is {@code self}). */
    public Graph method(ScriptClass cls, String name) {
        if (!cls.isModule() && !name.equals("__init__") && cls.methods().containsKey("__init__")) {
            method(cls, "__init__"); // declares the attributes the other methods read
        }
        Stmt.FunctionDef def = cls.methods().get(name);
        if (def == null) {
            throw new IllegalArgumentException("class " + cls.name() + " has no method '" + name + "'");
        }
        return compile(cls.name() + "." + name, def, cls);
    }

    private Graph compile(String key, Stmt.FunctionDef def, ScriptClass self) {
        Graph g = graphs.get(key);
        if (g != null) {
            return g;
        }
        if (!inProgress.add(key)) {
            throw new CompileError(def.range(), "recursive call to '" + def.name().name()
                    + "' needs an annotated return type");
        }
        try {
            g = new FunctionEmitter(this, def, self).emit();
            finish(g);
            graphs.put(key, g);
            return g;
        } finally {
            inProgress.remove(key);
        }
    }

    /** What follows emission for every graph: conversion to SSA, then PyTorch's clean-up passes. */
    void finish(Graph g) {
        ConvertToSsa.run(g);
        Cleanup.run(g, operators);
    }

    /** The schema of a script function or method (without {@code self}), used to match calls to it. */
    FunctionSchema signature(String key, Stmt.FunctionDef def, ScriptClass self) {
        FunctionSchema s = signatures.get(key);
        if (s != null) {
            return s;
        }
        List<Argument> args = new ArrayList<>();
        List<Param> params = def.params();
        for (int i = self == null ? 0 : 1; i < params.size(); i++) {
            Param p = params.get(i);
            TorchType t = p.annotation().map(types::resolve).orElse(TensorType.TENSOR);
            Optional<DefaultValue> d = p.defaultValue().map(e -> defaultValue(e, t));
            OptionalInt size = p.annotation().map(types::broadcastSize).orElse(OptionalInt.empty());
            args.add(new Argument(p.name().name(), t, t, size, d, p.keywordOnly(), Optional.empty()));
        }
        TorchType ret;
        if (def.returns().isPresent()) {
            ret = types.resolve(def.returns().get());
        } else if (self != null || unit.functions().containsValue(def)) {
            signatures.put(key, new FunctionSchema(key, "", args, List.of(), false, false));
            Graph g = compile(key, def, self);
            ret = (TorchType) g.outputs().getFirst().type();
        } else {
            ret = LeafType.NONE;
        }
        s = new FunctionSchema(key, "", args, List.of(Argument.of("", ret)), false, false);
        signatures.put(key, s);
        return s;
    }

    FunctionSchema functionSignature(String qualifiedName) {
        return signature(qualifiedName, unit.function(qualifiedName).orElseThrow(), null);
    }

    /**
     * The signature of method {@code name} of {@code cls} without {@code self}: its arguments' names, types and
     * defaults as declared, and its return type (learned by compiling it when not annotated). Named {@code
     * Class.method}.
     */
    public FunctionSchema methodSignature(ScriptClass cls, String name) {
        return signature(cls.name() + "." + name, cls.methods().get(name), cls);
    }

    static DefaultValue defaultValue(Expr e, TorchType type) {
        Object v = ConstantValues.literal(e);
        return switch (v) {
            case null -> DefaultValue.None.INSTANCE;
            case Long l when type == LeafType.FLOAT || type.equals(new kiln.dialects.torch.types.OptionalType(
                    LeafType.FLOAT)) -> new DefaultValue.FloatValue(l);
            case Long l -> new DefaultValue.IntValue(l);
            case Double d -> new DefaultValue.FloatValue(d);
            case Boolean b -> new DefaultValue.BoolValue(b);
            case String str -> new DefaultValue.StrValue(str);
            case List<?> list when list.stream().allMatch(x -> x instanceof Long) ->
                    new DefaultValue.IntListValue(list.stream().map(x -> (Long) x).toList());
            case List<?> list when list.stream().allMatch(x -> x instanceof Double) ->
                    new DefaultValue.FloatListValue(list.stream().map(x -> (Double) x).toList());
            case List<?> list when list.stream().allMatch(x -> x instanceof Boolean) ->
                    new DefaultValue.BoolListValue(list.stream().map(x -> (Boolean) x).toList());
            default -> throw new CompileError(e.range(), "unsupported default value");
        };
    }

    static ClassType selfType(ScriptClass cls) {
        return cls.type();
    }
}
