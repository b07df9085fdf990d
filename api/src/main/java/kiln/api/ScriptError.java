package kiln.api;

import java.util.List;
import kiln.runtime.interp.value.ScriptException;

/**
 * An error the TorchScript program raised while a method ran, as PyTorch's {@code torch.jit.Error}: a {@code raise}
 * in its code, or an operator refusing its arguments (a shape mismatch, an index out of range). It carries the
 * Python exception class ({@link #pythonType()}: {@code ValueError}, {@code RuntimeError}), the message as
 * TorchScript words it, and the ops it passed through with their source locations. Its message is one line: the
 * class, the message's first line and the innermost op ({@code ValueError: n must be non-negative (in
 * prim::RaiseException at model.py:16:7)}). The model stays usable.
 */
public final class ScriptError extends RuntimeException {
    private final String pythonClass;
    private final String scriptMessage;
    private final List<String> trace;

    ScriptError(ScriptException cause) {
        super(cause.className() + ": " + cause.scriptMessage().lines().findFirst().orElse("")
                + cause.trace().stream().findFirst().map(op -> " (in " + op + ")").orElse(""), cause);
        this.pythonClass = cause.pythonClass();
        this.scriptMessage = cause.scriptMessage();
        this.trace = cause.trace();
    }

    /** The exception class without its module: {@code ValueError}. */
    public String pythonType() {
        return pythonClass.substring(pythonClass.lastIndexOf('.') + 1);
    }

    /** The qualified exception class: {@code builtins.ValueError}. */
    public String pythonClass() {
        return pythonClass;
    }

    /** The message alone, as the program raised it. */
    public String scriptMessage() {
        return scriptMessage;
    }

    /** The ops the error passed through, innermost first: {@code aten::add at model.py:3:10}. */
    public List<String> trace() {
        return trace;
    }
}
