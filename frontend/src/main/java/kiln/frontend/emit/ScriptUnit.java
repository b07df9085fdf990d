package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.torch.types.ClassType;
import kiln.frontend.pickle.PyValue;
import kiln.frontend.script.Expr;
import kiln.frontend.script.Module;
import kiln.frontend.script.ScriptParser;
import kiln.frontend.script.Stmt;

/**
 * The TorchScript definitions a program consists of, by qualified name: classes (modules and user classes)
 * and free functions. Built from an archive's {@code code/} folder (each file {@code __torch__/a/b.py} defines
 * names under {@code __torch__.a.b}) or from hand-written source files.
 */
public final class ScriptUnit {
    private final Map<String, ScriptClass> classes = new LinkedHashMap<>();
    private final Map<String, Stmt.FunctionDef> functions = new LinkedHashMap<>();
    /** Overloaded functions ({@code @_overload}): qualified name → the keys of its overloads, in declaration order. */
    private final Map<String, List<String>> overloads = new LinkedHashMap<>();
    /** {@code name = boolean_dispatch(...)}: qualified name → how a call picks one of two functions. */
    private final Map<String, BooleanDispatch> dispatches = new LinkedHashMap<>();
    /** {@code threshold = _threshold}: qualified name → the qualified name it stands for. */
    private final Map<String, String> aliases = new LinkedHashMap<>();
    /** The module prefix of each standard-library definition, in whose scope its bare names resolve. */
    private final Map<Stmt.FunctionDef, String> stdlibModules = new java.util.IdentityHashMap<>();
    private final java.util.Set<String> stdlibOverloads = new java.util.HashSet<>();
    /** The archive's constants table: entry n is {@code CONSTANTS.c<n>} in its code. */
    private List<ArchiveConstants.Entry> constantTable = List.of();
    /** The standard library's classes this unit does not define itself; not listed in {@link #classes()}. */
    private final Map<String, ScriptClass> stdlibClasses = new LinkedHashMap<>();

    /** Reads an archive's code files, keyed by their path below {@code code/} (e.g. {@code __torch__/m.py}). */
    public static ScriptUnit fromArchiveCode(Map<String, String> code) {
        return fromArchiveCode(code, List.of());
    }

    /**
     * Reads an archive's code files and its constants table ({@code constants.pkl}), whose entries the code reads
     * as {@code CONSTANTS.c<n>}.
     */
    public static ScriptUnit fromArchiveCode(Map<String, String> code, List<PyValue> constants) {
        ScriptUnit unit = new ScriptUnit();
        unit.constantTable = constants.stream().map(ArchiveConstants::describe).toList();
        List<Module> modules = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (Map.Entry<String, String> e : code.entrySet()) {
            String path = e.getKey();
            if (!path.endsWith(".py")) {
                continue;
            }
            modules.add(ScriptParser.parse(e.getValue(), path));
            prefixes.add(path.substring(0, path.length() - 3).replace('/', '.'));
        }
        for (int i = 0; i < modules.size(); i++) {
            unit.declareClasses(modules.get(i), prefixes.get(i));
        }
        for (int i = 0; i < modules.size(); i++) {
            unit.define(modules.get(i), prefixes.get(i));
        }
        return unit.withStandardLibrary();
    }

    /** Reads one hand-written source file; its names are qualified by {@code prefix} (e.g. {@code __torch__}). */
    public static ScriptUnit fromSource(String source, String file, String prefix) {
        ScriptUnit unit = new ScriptUnit();
        Module m = ScriptParser.parse(source, file);
        unit.declareClasses(m, prefix);
        unit.define(m, prefix);
        return unit.withStandardLibrary();
    }

    /** Kiln's own TorchScript definitions of PyTorch's Python functions, by module: resource path → prefix. */
    static final Map<String, String> STDLIB = Map.of(
            "/kiln/frontend/stdlib/torch/nn/functional.py", "__torch__.torch.nn.functional",
            "/kiln/frontend/stdlib/torch/nn/_reduction.py", "__torch__.torch.nn._reduction",
            "/kiln/frontend/stdlib/torch/functional.py", "__torch__.torch.functional",
            "/kiln/frontend/stdlib/torch/autograd/grad_mode.py", "__torch__.torch.autograd.grad_mode");

    /** How {@code torch._jit_internal.boolean_dispatch} picks a function by a constant bool argument. */
    record BooleanDispatch(String argName, int argIndex, boolean defaultValue, String ifTrue, String ifFalse) {
    }

    /**
     * Adds Kiln's TorchScript definitions of PyTorch's Python functions ({@code torch.nn.functional.pad}, …) and
     * classes ({@code torch.no_grad}) for every name this unit does not define itself (an archive carries the
     * versions it was saved with). Each unit gets its own classes, since compiling a class completes it.
     */
    private ScriptUnit withStandardLibrary() {
        for (Map.Entry<String, String> e : STDLIB.entrySet()) {
            String prefix = e.getValue();
            Module module = LIBRARIES.computeIfAbsent(e.getKey(),
                    resource -> ScriptParser.parse(standardLibrarySource(resource), "kiln-stdlib" + resource));
            ScriptUnit lib = new ScriptUnit();
            lib.declareClasses(module, prefix);
            lib.define(module, prefix);
            Map<String, String> overloadOf = new java.util.HashMap<>();
            lib.overloads.forEach((q, keys) -> keys.forEach(k -> overloadOf.put(k, q)));
            lib.functions.forEach((q, f) -> {
                if (!defines(overloadOf.getOrDefault(q, q))) {
                    functions.put(q, f);
                    stdlibModules.put(f, prefix);
                }
            });
            lib.overloads.forEach((q, keys) -> {
                if (!defines(q)) {
                    overloads.put(q, keys);
                    stdlibOverloads.add(q);
                }
            });
            lib.dispatches.forEach((q, d) -> {
                if (!defines(q)) {
                    dispatches.put(q, d);
                }
            });
            lib.aliases.forEach((q, target) -> {
                if (!defines(q)) {
                    aliases.put(q, target);
                }
            });
            lib.classes.forEach((q, c) -> {
                if (!defines(q)) {
                    stdlibClasses.put(q, c);
                    c.methods().values().forEach(m -> stdlibModules.put(m, prefix));
                }
            });
        }
        return this;
    }

    /** Each standard-library module, parsed once: resource path → its syntax tree (never changed). */
    private static final Map<String, Module> LIBRARIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String standardLibrarySource(String resource) {
        try (var in = ScriptUnit.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the frontend jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Whether this unit itself defines {@code q} (as a function, overload set, dispatch, alias or class). */
    private boolean defines(String q) {
        return functions.containsKey(q) || overloads.containsKey(q) || dispatches.containsKey(q)
                || aliases.containsKey(q) || classes.containsKey(q);
    }

    /** The unit's own classes (the standard library's are found by {@link #classNamed} only). */
    public Map<String, ScriptClass> classes() {
        return Collections.unmodifiableMap(classes);
    }

    /** Every free function by qualified name, the standard library's included (see {@link #isStandardLibrary}). */
    public Map<String, Stmt.FunctionDef> functions() {
        return Collections.unmodifiableMap(functions);
    }

    /** Whether function {@code qualifiedName} is one of Kiln's standard-library definitions, not the unit's own. */
    public boolean isStandardLibrary(String qualifiedName) {
        Stmt.FunctionDef def = functions.get(qualifiedName);
        return def != null && stdlibModules.containsKey(def);
    }

    /** A class of this unit or, failing that, of the standard library. */
    public Optional<ScriptClass> classNamed(String qualifiedName) {
        ScriptClass own = classes.get(qualifiedName);
        return Optional.ofNullable(own != null ? own : stdlibClasses.get(qualifiedName));
    }

    /** Entry {@code index} of the archive's constants table ({@code CONSTANTS.c<index>}), if there is one. */
    Optional<ArchiveConstants.Entry> constant(int index) {
        return index >= 0 && index < constantTable.size() ? Optional.of(constantTable.get(index)) : Optional.empty();
    }

    int constantCount() {
        return constantTable.size();
    }

    public Optional<Stmt.FunctionDef> function(String qualifiedName) {
        return Optional.ofNullable(functions.get(qualifiedName));
    }

    /** The keys of an overloaded function's overloads (each a {@link #function}), in declaration order. */
    Optional<List<String>> overloads(String qualifiedName) {
        return Optional.ofNullable(overloads.get(qualifiedName));
    }

    Optional<BooleanDispatch> dispatch(String qualifiedName) {
        return Optional.ofNullable(dispatches.get(qualifiedName));
    }

    Optional<String> alias(String qualifiedName) {
        return Optional.ofNullable(aliases.get(qualifiedName));
    }

    /** The module a standard-library definition belongs to ({@code __torch__.torch.nn.functional}), if it is one. */
    Optional<String> standardLibraryModule(Stmt.FunctionDef def) {
        return Optional.ofNullable(stdlibModules.get(def));
    }

    /**
     * A class or function by its short name, for hand-written sources that refer to them unqualified. The
     * standard library's definitions are not found this way: they are reached as {@code torch.…} / {@code F.…}.
     */
    Optional<String> qualify(String shortName) {
        for (String q : classes.keySet()) {
            if (q.endsWith("." + shortName)) {
                return Optional.of(q);
            }
        }
        for (Map.Entry<String, Stmt.FunctionDef> e : functions.entrySet()) {
            if (e.getKey().endsWith("." + shortName) && !stdlibModules.containsKey(e.getValue())) {
                return Optional.of(e.getKey());
            }
        }
        for (String q : overloads.keySet()) {
            if (q.endsWith("." + shortName) && !stdlibOverloads.contains(q)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    private void declareClasses(Module m, String prefix) {
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.ClassDef c) {
                boolean module = c.bases().stream().anyMatch(b -> b.range().text().endsWith("Module"));
                String q = prefix + "." + c.name().name();
                classes.put(q, new ScriptClass(ClassType.of(q), module));
            }
        }
    }

    private void define(Module m, String prefix) {
        TypeAnnotations types = new TypeAnnotations(this);
        defineFunctions(m, prefix);
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.ClassDef c) {
                defineClass(classes.get(prefix + "." + c.name().name()), c, types);
            }
        }
    }

    /**
     * The module's free functions. A function declared with {@code @_overload} signatures (PyTorch's
     * {@code torch.jit._overload}) becomes one function per signature, each with the implementation's body; the
     * overloads' keys are {@code prefix.__overload_<i>.name}, so that each still has the short name {@code name}.
     * Module-level {@code name = boolean_dispatch(...)} and {@code name = other} define dispatches and aliases.
     */
    private void defineFunctions(Module m, String prefix) {
        Map<String, List<Stmt.FunctionDef>> declared = new LinkedHashMap<>();
        for (Stmt s : m.body()) {
            switch (s) {
                case Stmt.FunctionDef f when isOverloadDeclaration(f) ->
                        declared.computeIfAbsent(f.name().name(), k -> new ArrayList<>()).add(f);
                case Stmt.FunctionDef f when declared.containsKey(f.name().name()) -> {
                    List<String> keys = new ArrayList<>();
                    List<Stmt.FunctionDef> decls = declared.remove(f.name().name());
                    for (int i = 0; i < decls.size(); i++) {
                        Stmt.FunctionDef d = decls.get(i);
                        String key = prefix + ".__overload_" + i + "." + f.name().name();
                        functions.put(key, new Stmt.FunctionDef(d.name(), d.params(), d.returns(), f.body(),
                                List.of(), f.range()));
                        keys.add(key);
                    }
                    overloads.put(prefix + "." + f.name().name(), List.copyOf(keys));
                }
                case Stmt.FunctionDef f -> functions.put(prefix + "." + f.name().name(), f);
                case Stmt.Assign a when a.targets().size() == 1 && a.targets().getFirst() instanceof Expr.Name n ->
                        moduleAssignment(prefix, n.id(), a.value());
                default -> { }
            }
        }
        if (!declared.isEmpty()) {
            Stmt.FunctionDef d = declared.values().iterator().next().getFirst();
            throw new CompileError(d.range(), "overloaded function '" + d.name().name()
                    + "' has no implementation after its @_overload declarations");
        }
    }

    private static boolean isOverloadDeclaration(Stmt.FunctionDef f) {
        for (Expr d : f.decorators()) {
            String text = d.range().text().strip();
            if (text.equals("_overload") || text.endsWith("._overload") || text.equals("overload")
                    || text.endsWith(".overload")) {
                return true;
            }
        }
        return false;
    }

    private void moduleAssignment(String prefix, String name, Expr value) {
        if (value instanceof Expr.Name target) {
            aliases.put(prefix + "." + name, prefix + "." + target.id());
        } else if (value instanceof Expr.Call call && call.func() instanceof Expr.Name fn
                && fn.id().equals("boolean_dispatch")) {
            dispatches.put(prefix + "." + name, booleanDispatch(prefix, call));
        }
    }

    /** {@code boolean_dispatch(arg_name=..., arg_index=..., default=..., if_true=..., if_false=...)}. */
    private static BooleanDispatch booleanDispatch(String prefix, Expr.Call call) {
        Map<String, Expr> kw = new LinkedHashMap<>();
        List<String> order = List.of("arg_name", "arg_index", "default", "if_true", "if_false");
        for (int i = 0; i < call.args().size() && i < order.size(); i++) {
            kw.put(order.get(i), call.args().get(i));
        }
        for (kiln.frontend.script.Keyword k : call.keywords()) {
            kw.put(k.name().name(), k.value());
        }
        for (String key : order) {
            if (!kw.containsKey(key)) {
                throw new CompileError(call.range(), "boolean_dispatch needs '" + key + "'");
            }
        }
        if (!(kw.get("if_true") instanceof Expr.Name t) || !(kw.get("if_false") instanceof Expr.Name f)) {
            throw new CompileError(call.range(), "boolean_dispatch's if_true and if_false must name functions");
        }
        Object argName = ConstantValues.literal(kw.get("arg_name"));
        Object index = ConstantValues.literal(kw.get("arg_index"));
        Object dflt = ConstantValues.literal(kw.get("default"));
        if (!(argName instanceof String a) || !(index instanceof Long i) || !(dflt instanceof Boolean b)) {
            throw new CompileError(call.range(), "boolean_dispatch takes a str arg_name, an int arg_index and a "
                    + "bool default");
        }
        return new BooleanDispatch(a, (int) (long) i, b, prefix + "." + t.id(), prefix + "." + f.id());
    }

    private static void defineClass(ScriptClass cls, Stmt.ClassDef def, TypeAnnotations types) {
        for (Stmt s : def.body()) {
            switch (s) {
                case Stmt.FunctionDef f -> cls.addMethod(f.name().name(), f);
                case Stmt.AnnAssign a when a.target() instanceof Expr.Name n -> {
                    String text = a.annotation().range().text();
                    if (text.startsWith("Final[")) {
                        a.value().ifPresent(v -> cls.addConstant(n.id(), ConstantValues.literal(v)));
                    } else {
                        cls.declareAttribute(n.id(), types.resolve(a.annotation()));
                    }
                }
                case Stmt.Assign a when a.targets().size() == 1 -> classAssign(cls, a, types);
                default -> { }
            }
        }
    }

    private static void classAssign(ScriptClass cls, Stmt.Assign a, TypeAnnotations types) {
        Expr target = a.targets().getFirst();
        if (target instanceof Expr.Name n && n.id().equals("__parameters__")) {
            cls.setParameters(stringList(a.value()));
        } else if (target instanceof Expr.Name n && n.id().equals("__buffers__")) {
            cls.setBuffers(stringList(a.value()));
        } else if (target instanceof Expr.Subscript sub && sub.value() instanceof Expr.Name n
                && n.id().equals("__annotations__") && sub.indices().size() == 1
                && sub.indices().getFirst() instanceof Expr.StringLiteral key) {
            cls.declareAttribute(key.value(), types.resolve(a.value()));
        }
    }

    private static List<String> stringList(Expr e) {
        List<String> out = new ArrayList<>();
        if (e instanceof Expr.ListLiteral l) {
            for (Expr x : l.elements()) {
                if (x instanceof Expr.StringLiteral s) {
                    out.add(s.value());
                }
            }
        }
        return out;
    }
}
