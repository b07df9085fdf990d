package kiln.runtime.interp.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.scalar.ScalarException;
import kiln.runtime.tensor.TorchException;

/**
 * An error raised while running TorchScript: a {@code raise} in the program ({@code prim::RaiseException}), or a
 * failure of an operator, with the Python exception class TorchScript reports ({@code builtins.ValueError},
 * {@code builtins.RuntimeError}, …) and the message as TorchScript words it. As the error leaves each op
 * ({@link #at}), the op's name and source location are added to its trace, innermost first.
 */
public final class ScriptException extends RuntimeException {
    private final String pythonClass;
    private final String scriptMessage;
    private final List<String> trace = new ArrayList<>();

    /**
     * @param pythonClass the qualified Python class, e.g. {@code builtins.ValueError}
     * @param message     the message, as {@code str(e)} would show it
     */
    public ScriptException(String pythonClass, String message) {
        this(pythonClass, message, null);
    }

    public ScriptException(String pythonClass, String message, Throwable cause) {
        super(message, cause);
        this.pythonClass = pythonClass;
        this.scriptMessage = message;
    }

    public static ScriptException runtimeError(String message) {
        return new ScriptException("builtins.RuntimeError", message);
    }

    public static ScriptException indexError(String message) {
        return new ScriptException("builtins.IndexError", message);
    }

    public static ScriptException valueError(String message) {
        return new ScriptException("builtins.ValueError", message);
    }

    public static ScriptException typeError(String message) {
        return new ScriptException("builtins.TypeError", message);
    }

    public static ScriptException keyError(Object key) {
        return new ScriptException("builtins.KeyError", key instanceof String s ? "'" + s + "'"
                : ValuePrinter.print(key));
    }

    public static ScriptException zeroDivision(String message) {
        return new ScriptException("builtins.ZeroDivisionError", message);
    }

    /** The qualified Python class: {@code builtins.ValueError}. */
    public String pythonClass() {
        return pythonClass;
    }

    /** The class name without its module: {@code ValueError}. */
    public String className() {
        return pythonClass.substring(pythonClass.lastIndexOf('.') + 1);
    }

    /** The message alone, as the program raised it. */
    public String scriptMessage() {
        return scriptMessage;
    }

    /** The ops the error passed through, innermost first: {@code aten::add at model.py:3:10}. */
    public List<String> trace() {
        return Collections.unmodifiableList(trace);
    }

    /**
     * The error a Java exception from a kernel stands for: a {@link TorchException} or {@link ScalarException}
     * keeps its Python class (a scalar operator's argument of the wrong kind is named as {@link Values} names it),
     * arithmetic errors are {@code ZeroDivisionError}s, index errors {@code IndexError}s, wrong value kinds
     * {@code TypeError}s, anything else a {@code RuntimeError}.
     */
    public static ScriptException from(RuntimeException e) {
        return switch (e) {
            case ScriptException s -> s;
            case TorchException t -> new ScriptException("builtins." + t.kind().pythonName(), t.getMessage(), t);
            case ScalarException s -> new ScriptException(s.kind().pythonClass(), s.mismatchedArgument()
                    .map(m -> m.prefix() + Values.typeName(m.actual())).orElse(s.getMessage()), s);
            case ArithmeticException a -> new ScriptException("builtins.ZeroDivisionError", a.getMessage(), a);
            case IndexOutOfBoundsException i -> new ScriptException("builtins.IndexError", i.getMessage(), i);
            case ClassCastException c -> new ScriptException("builtins.TypeError", c.getMessage(), c);
            default -> new ScriptException("builtins.RuntimeError", e.toString(), e);
        };
    }

    /**
     * Records that the error passed through {@code op} (control-flow ops are left out: the op inside them that
     * failed is named); returns this exception for rethrowing.
     */
    public ScriptException at(Operation op) {
        if (op.def() != TorchDialect.IF && op.def() != TorchDialect.LOOP) {
            trace.add(describe(op));
        }
        return this;
    }

    /** {@code aten::add at model.py:3:10}. */
    static String describe(Operation op) {
        String name = op.name();
        if (op.def() == TorchDialect.CALL_METHOD && op.attribute("name") instanceof StringAttr s) {
            name += " " + s.value();
        }
        return name + " at " + op.location();
    }

    @Override
    public String getMessage() {
        StringBuilder out = new StringBuilder(className()).append(": ").append(scriptMessage);
        for (String frame : trace) {
            out.append("\n  in ").append(frame);
        }
        return out.toString();
    }
}
