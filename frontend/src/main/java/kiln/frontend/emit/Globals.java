package kiln.frontend.emit;

import java.util.Optional;
import java.util.Set;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.torch.types.LeafType;
import kiln.frontend.script.SourceRange;

/**
 * Names that are not local variables: builtins ({@code print}, {@code len}, {@code range}, …), the
 * {@code torch}, {@code math} and {@code ops} namespaces, {@code __torch__} qualified names of the unit's
 * classes and functions, and the unit's definitions by short name (hand-written sources).
 */
final class Globals {
    private static final Set<String> SPECIALS = Set.of("print", "len", "range", "enumerate", "zip", "annotate",
            "uninitialized", "unchecked_cast", "isinstance", "getattr", "hasattr", "int", "float", "bool", "str",
            "list", "tuple", "min", "max", "abs", "sum", "any", "all", "round", "divmod", "sorted", "ord", "chr",
            "hex", "oct", "bin", "pow", "fork", "wait", "interface", "dict");

    private Globals() {
    }

    static Sugared resolve(String name, FunctionEmitter f, SourceRange where) {
        switch (name) {
            case "torch", "math", "ops", "__torch__", "typing", "CONSTANTS", "Tensor", "List", "Dict", "Optional",
                 "Tuple", "Union", "Future", "Any" -> {
                return new Sugared.Namespace(name);
            }
            default -> {
            }
        }
        if (name.equals("inf") || name.equals("nan")) {
            // serialized code writes float infinities and NaNs as bare names
            return new Sugared.Simple(f.exprs.constant(LeafType.FLOAT,
                    new FloatAttr(name.equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN), where));
        }
        if (SPECIALS.contains(name)) {
            return new Sugared.Special(name);
        }
        if (name.endsWith("Error") || name.equals("Exception") || name.equals("StopIteration")) {
            return new Sugared.Special("exception:" + name);
        }
        if (name.equals("warnings")) {
            return new Sugared.Namespace(name);
        }
        // a standard-library definition sees the other definitions of its module by their bare names
        Optional<String> module = f.compiler.unit().standardLibraryModule(f.def);
        if (module.isPresent()) {
            Optional<Sugared> local = qualified(module.get() + "." + name, f);
            if (local.isPresent()) {
                return local.get();
            }
        }
        Optional<String> q = f.compiler.unit().qualify(name);
        if (q.isPresent()) {
            return qualified(q.get(), f).orElseThrow();
        }
        throw new CompileError(where, "undefined value " + name);
    }

    /** A qualified name of the unit: class, function, overloaded function, boolean dispatch or alias. */
    static Optional<Sugared> qualified(String path, FunctionEmitter f) {
        ScriptUnit unit = f.compiler.unit();
        if (unit.classNamed(path).isPresent()) {
            return Optional.of(new Sugared.ClassRef(unit.classNamed(path).get()));
        }
        if (unit.function(path).isPresent() || unit.overloads(path).isPresent()) {
            return Optional.of(new Sugared.Function(path));
        }
        if (unit.dispatch(path).isPresent()) {
            return Optional.of(new Sugared.BooleanDispatch(unit.dispatch(path).get()));
        }
        return unit.alias(path).flatMap(target -> qualified(target, f));
    }

    /**
     * {@code torch.X} / {@code torch.nn.functional.X} as TorchScript resolves it: the operator it is a builtin for;
     * a Python function PyTorch compiles from source is reported as such (Kiln does not bundle those sources).
     */
    private static Sugared tableEntry(String full, String name, FunctionEmitter f, SourceRange where) {
        String entry = PythonBuiltins.lookup(full).orElse("aten::" + name);
        if (!entry.equals(PythonBuiltins.PYTHON)) {
            return new Sugared.Builtin(entry, null);
        }
        // compiled from source: the unit's own definition, or Kiln's standard library's
        String module = full.equals("torch." + name) ? "__torch__.torch.functional." + name : "__torch__." + full;
        return qualified(module, f).orElseThrow(() -> new CompileError(where, full
                + " is a Python function in PyTorch, compiled from its source; Kiln has no TorchScript definition "
                + "of it yet"));
    }

    /** {@code torch.contiguous_format} and the other memory formats (and the strided layout), as graphs hold them. */
    private static Optional<Integer> memoryFormat(String name) {
        return Optional.ofNullable(switch (name) {
            case "contiguous_format", "legacy_contiguous_format", "strided" -> 0;
            case "preserve_format" -> 1;
            case "channels_last" -> 2;
            case "channels_last_3d" -> 3;
            default -> null;
        });
    }

    static Sugared member(String path, String name, FunctionEmitter f, SourceRange where) {
        String full = path + "." + name;
        if (name.equals("no_grad") && (path.equals("torch") || path.equals("torch.autograd"))) {
            // torch.no_grad is the class torch.autograd.grad_mode.no_grad
            return qualified("__torch__.torch.autograd.grad_mode.no_grad", f).orElseThrow();
        }
        if (path.startsWith("__torch__")) {
            return qualified(full, f).orElse(new Sugared.Namespace(full));
        }
        switch (path) {
            case "ops" -> {
                return new Sugared.Namespace(full);
            }
            case "math" -> {
                return switch (name) {
                    case "pi" -> new Sugared.Simple(f.exprs.constant(LeafType.FLOAT, new FloatAttr(Math.PI), where));
                    case "e" -> new Sugared.Simple(f.exprs.constant(LeafType.FLOAT, new FloatAttr(Math.E), where));
                    case "inf" -> new Sugared.Simple(f.exprs.constant(LeafType.FLOAT,
                            new FloatAttr(Double.POSITIVE_INFINITY), where));
                    case "nan" -> new Sugared.Simple(f.exprs.constant(LeafType.FLOAT, new FloatAttr(Double.NaN), where));
                    default -> new Sugared.Builtin("aten::" + name, null);
                };
            }
            case "warnings" -> {
                if (name.equals("warn")) {
                    return new Sugared.Builtin("aten::warn", null);
                }
                throw new CompileError(where, "warnings." + name + " is not supported");
            }
            case "CONSTANTS" -> {
                return new Sugared.Simple(ArchiveConstants.emit(f, name, where));
            }
            default -> {
            }
        }
        if (path.startsWith("ops.")) {
            return new Sugared.Builtin(path.substring(4) + "::" + name, null);
        }
        if (path.equals("torch")) {
            Optional<Integer> dtype = ExprEmitter.dtypeCode(name);
            if (dtype.isPresent()) {
                return new Sugared.Simple(f.exprs.constantInt(dtype.get(), where));
            }
            Optional<Integer> format = memoryFormat(name);
            if (format.isPresent()) {
                return new Sugared.Simple(f.exprs.constantInt(format.get(), where));
            }
            return switch (name) {
                case "nn", "jit", "_C", "functional", "linalg", "fft", "special", "autograd", "testing", "cuda" ->
                        new Sugared.Namespace(full);
                case "Tensor" -> new Sugared.Namespace(full);
                default -> tableEntry(full, name, f, where);
            };
        }
        if (path.equals("torch.jit")) {
            return switch (name) {
                case "annotate" -> new Sugared.Special("annotate");
                case "_fork", "fork" -> new Sugared.Special("fork");
                case "wait", "_wait" -> new Sugared.Special("wait");
                case "is_scripting" -> new Sugared.Simple(f.exprs.constantBool(true, where));
                case "is_tracing" -> new Sugared.Simple(f.exprs.constantBool(false, where));
                default -> throw new CompileError(where, "torch.jit." + name + " is not supported");
            };
        }
        if (path.startsWith("torch.")) {
            String q = "__torch__." + full;
            Optional<Sugared> script = qualified(q, f);
            if (script.isPresent()) {
                return script.get();
            }
            Optional<String> known = PythonBuiltins.lookup(full);
            if (known.isPresent()) {
                return tableEntry(full, name, f, where);
            }
            // torch.linalg.det is torch._C._linalg.linalg_det, and so on: the submodule's prefix comes first
            String prefixed = switch (path) {
                case "torch.linalg" -> "aten::linalg_" + name;
                case "torch.fft" -> "aten::fft_" + name;
                case "torch.special" -> "aten::special_" + name;
                default -> null;
            };
            if (prefixed != null && !f.compiler.operators().overloads(prefixed).isEmpty()) {
                return new Sugared.Builtin(prefixed, null);
            }
            if (!f.compiler.operators().overloads("aten::" + name).isEmpty()) {
                return new Sugared.Builtin("aten::" + name, null);
            }
            return new Sugared.Namespace(full);
        }
        throw new CompileError(where, "module '" + path + "' has no attribute '" + name + "'");
    }
}
