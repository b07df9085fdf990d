package kiln.api;

import kiln.runtime.backend.Outputs;

/**
 * What one call returned, with the memory the call made for it: {@link #close()} hands that memory back to Kiln's
 * buffer pool at once, as closing ONNX Runtime's {@code OrtSession.Result} frees its tensors, instead of when the
 * garbage collector finds the tensors unreachable. Copy what you keep ({@link Tensor#toFloatArray()}, {@link
 * Tensor#copy()}) before closing: afterwards the result's tensors refuse every access. Use one in a
 * try-with-resources block when calling in a loop; {@link Method#call} returns values the collector reclaims.
 */
public final class Result implements AutoCloseable {
    private final Value value;
    private final Outputs outputs;
    private final Scope scope;

    Result(Value value, Outputs outputs, Scope scope) {
        this.value = value;
        this.outputs = outputs;
        this.scope = scope;
    }

    /** The value the method returned (a {@link Value.Tuple} for a method returning several values). */
    public Value value() {
        if (scope.isClosed()) {
            throw new IllegalStateException("this Result was closed");
        }
        return value;
    }

    /** Hands the call's own memory back; closing twice does nothing. */
    @Override
    public void close() {
        if (!scope.isClosed()) {
            scope.close();
            outputs.close();
        }
    }
}
