package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.torch.types.ClassType;
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

    /** Reads an archive's code files, keyed by their path below {@code code/} (e.g. {@code __torch__/m.py}). */
    public static ScriptUnit fromArchiveCode(Map<String, String> code) {
        ScriptUnit unit = new ScriptUnit();
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
            "/kiln/frontend/stdlib/torch/functional.py", "__torch__.torch.functional");

    /**
     * Adds Kiln's TorchScript definitions of PyTorch's Python functions ({@code torch.nn.functional.pad}, …) for
     * every name this unit does not define itself (an archive carries the versions it was saved with).
     */
    private ScriptUnit withStandardLibrary() {
        for (Map.Entry<String, String> e : STDLIB.entrySet()) {
            String text;
            try (var in = ScriptUnit.class.getResourceAsStream(e.getKey())) {
                if (in == null) {
                    continue;
                }
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            Module m = ScriptParser.parse(text, "kiln-stdlib" + e.getKey());
            for (Stmt s : m.body()) {
                if (s instanceof Stmt.FunctionDef f) {
                    functions.putIfAbsent(e.getValue() + "." + f.name().name(), f);
                }
            }
        }
        return this;
    }

    public Map<String, ScriptClass> classes() {
        return Collections.unmodifiableMap(classes);
    }

    public Map<String, Stmt.FunctionDef> functions() {
        return Collections.unmodifiableMap(functions);
    }

    public Optional<ScriptClass> classNamed(String qualifiedName) {
        return Optional.ofNullable(classes.get(qualifiedName));
    }

    public Optional<Stmt.FunctionDef> function(String qualifiedName) {
        return Optional.ofNullable(functions.get(qualifiedName));
    }

    /** A class or function by its short name, for hand-written sources that refer to them unqualified. */
    Optional<String> qualify(String shortName) {
        for (String q : classes.keySet()) {
            if (q.endsWith("." + shortName)) {
                return Optional.of(q);
            }
        }
        for (String q : functions.keySet()) {
            if (q.endsWith("." + shortName)) {
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
        for (Stmt s : m.body()) {
            switch (s) {
                case Stmt.FunctionDef f -> functions.put(prefix + "." + f.name().name(), f);
                case Stmt.ClassDef c -> defineClass(classes.get(prefix + "." + c.name().name()), c, types);
                default -> { }
            }
        }
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
