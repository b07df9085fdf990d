package kiln.api.internal;

import java.util.List;
import kiln.dialects.torch.Graph;
import kiln.frontend.emit.ScriptClass;
import kiln.frontend.emit.ScriptCompiler;
import kiln.runtime.interp.Callables;
import kiln.runtime.interp.value.ScriptException;

/**
 * The interpreter's {@link Callables} over a {@link ScriptCompiler}: methods and functions are compiled on first
 * call (the compiler keeps each graph). A {@code Function} constant carries only the function's short name, so
 * a function is found by its qualified name or, failing that, by a unique short name.
 */
public final class CompiledCallables implements Callables {
    private final ScriptCompiler compiler;

    public CompiledCallables(ScriptCompiler compiler) {
        this.compiler = compiler;
    }

    @Override
    public synchronized Graph method(String className, String method) {
        ScriptClass cls = compiler.unit().classNamed(className).orElseThrow(
                () -> ScriptException.runtimeError("no code for class " + className));
        return compiler.method(cls, method);
    }

    @Override
    public synchronized Graph function(String name) {
        if (compiler.unit().function(name).isPresent()) {
            return compiler.function(name);
        }
        List<String> matches = compiler.unit().functions().keySet().stream()
                .filter(q -> q.endsWith("." + name)).toList();
        if (matches.size() != 1) {
            throw ScriptException.runtimeError(matches.isEmpty() ? "no script function named " + name
                    : "the function name " + name + " is ambiguous: " + matches);
        }
        return compiler.function(matches.getFirst());
    }
}
