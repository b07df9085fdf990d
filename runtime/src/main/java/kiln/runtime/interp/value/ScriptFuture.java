package kiln.runtime.interp.value;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A TorchScript {@code Future[T]}: the result of {@code fork}, read with {@code wait}. */
public final class ScriptFuture {
    private final CompletableFuture<Object> result;

    public ScriptFuture(CompletableFuture<Object> result) {
        this.result = result;
    }

    /** A future that already holds {@code value}. */
    public static ScriptFuture completed(Object value) {
        return new ScriptFuture(CompletableFuture.completedFuture(value));
    }

    /** Waits for the value; an error in the forked code is rethrown as it was raised. */
    public Object await() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public String toString() {
        return "Future";
    }
}
