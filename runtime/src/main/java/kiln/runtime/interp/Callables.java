package kiln.runtime.interp;

import kiln.dialects.torch.Graph;
import kiln.runtime.interp.value.ScriptException;

/**
 * Where the interpreter finds the code that {@code prim::CallMethod} and {@code prim::CallFunction} call. The
 * embedder supplies it (compiling methods on demand, for example); the interpreter builds a plan for each graph
 * it is given once and keeps it, so an implementation should return the same graph for the same name.
 */
public interface Callables {
    /** The graph of method {@code method} of class {@code className}; its first input is {@code self}. */
    Graph method(String className, String method);

    /** The graph of the script function a {@code Function} constant names ({@code prim::Constant[name="f"]}). */
    Graph function(String name);

    /** No callable code: every call is an error. */
    Callables NONE = new Callables() {
        @Override
        public Graph method(String className, String method) {
            throw ScriptException.runtimeError("no method " + className + "." + method + ": the interpreter was "
                    + "given no callable code");
        }

        @Override
        public Graph function(String name) {
            throw ScriptException.runtimeError("no function " + name + ": the interpreter was given no callable "
                    + "code");
        }
    };
}
