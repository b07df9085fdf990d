package kiln.runtime.interp.kernels;

import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptObject;

/** What the running interpreter offers kernels: its output streams and method calls. */
public interface KernelContext {
    /** Writes program output (what TorchScript's {@code print} writes). */
    void print(String text);

    /** Reports a Python warning ({@code warnings.warn}); the text is the message alone. */
    void warn(String message);

    /** Calls method {@code method} of a script object ({@code __lt__} for sorting lists of objects). */
    Object callMethod(ScriptObject self, String method, Object... args);

    /** A context that drops output and has no methods to call (for tests of single kernels). */
    KernelContext SILENT = new KernelContext() {
        @Override
        public void print(String text) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public Object callMethod(ScriptObject self, String method, Object... args) {
            throw ScriptException.runtimeError("no method " + self.className() + "." + method);
        }
    };
}
