package kiln.conformance;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kiln.frontend.emit.CompileError;
import kiln.runtime.interp.value.ScriptException;

/**
 * Runs one case at a time on a worker thread, so that a case that throws anything (a Java error from a kernel,
 * a stack overflow) or runs past the time limit ends as an error of that case and the run goes on. A case that
 * times out cannot be stopped safely: its thread is abandoned (a daemon) and the next case gets a new one.
 */
final class CaseExecutor implements AutoCloseable {
    /** Deeply recursive programs need more stack than a platform thread's default. */
    private static final long STACK_BYTES = 64L << 20;

    private final double timeoutSeconds;
    private ExecutorService worker = newWorker();
    private boolean timedOut;

    CaseExecutor(double timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(null, task, "kiln-conformance-case", STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether the last {@link #run} timed out (its thread may still be running). */
    boolean timedOut() {
        return timedOut;
    }

    /** Runs {@code body}; any exception or a time-out becomes an error verdict. */
    Verdict run(Callable<Verdict> body) {
        timedOut = false;
        Future<Verdict> f = worker.submit(body);
        try {
            return f.get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            timedOut = true;
            return Verdict.error("timed out after " + timeoutSeconds + " s");
        } catch (ExecutionException e) {
            return Verdict.error(describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.error("interrupted");
        }
    }

    /** One line for an error: the TorchScript error class and message, or the Java exception. */
    static String describe(Throwable t) {
        String text = switch (t) {
            // a missing kernel names its op already; other errors say where they happened
            case ScriptException s when s.className().equals("NotImplementedError") -> s.className() + ": "
                    + s.scriptMessage();
            case ScriptException s -> s.className() + ": " + s.scriptMessage()
                    + s.trace().stream().findFirst().map(f -> " (in " + f + ")").orElse("");
            case CompileError c -> "does not compile: " + c.oneLine();
            case StackOverflowError s -> "stack overflow";
            case OutOfMemoryError o -> "out of memory";
            default -> "internal error: " + t;
        };
        return text.lines().findFirst().orElse("").strip();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
