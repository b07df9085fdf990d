package kiln.runtime.tensor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The intra-op thread pool (ATen's {@code at::parallel_for}): one worker per core less the caller, which takes
 * part. Work splits only where it pays, and never from a pool worker or from a virtual thread (the
 * interpreter's {@code fork} branches), so that forked branches and intra-op work together do not put more
 * threads on the cores than there are cores. The system property {@code kiln.threads} sets the thread count.
 */
final class Parallel {
    /** Threads an op may use, the caller included. */
    static final int THREADS = Math.max(1, Integer.getInteger("kiln.threads",
            Runtime.getRuntime().availableProcessors()));
    private static final ThreadLocal<Boolean> WORKER = ThreadLocal.withInitial(() -> false);
    private static final ExecutorService POOL = THREADS == 1 ? null : Executors.newFixedThreadPool(THREADS - 1,
            r -> {
                Thread t = new Thread(() -> {
                    WORKER.set(true);
                    r.run();
                }, "kiln-intra-op");
                t.setDaemon(true);
                return t;
            });

    private Parallel() {
    }

    /** The threads to use for {@code work} units of cost (about one multiply-add each): 1 below a threshold. */
    static int threadsFor(long work, long minimumPerThread) {
        if (THREADS == 1 || work < 2 * minimumPerThread || WORKER.get() || Thread.currentThread().isVirtual()) {
            return 1;
        }
        return (int) Math.min(THREADS, work / minimumPerThread);
    }

    /** Runs {@code body} for each task index in {@code [0, tasks)}, on up to {@code threads} threads. */
    static void forEach(int tasks, int threads, IntConsumer body) {
        int helpers = Math.min(threads, tasks) - 1;
        if (helpers <= 0) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable runner = () -> {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                try {
                    body.accept(t);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int h = 0; h < helpers; h++) {
            POOL.execute(runner);
        }
        runner.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for intra-op work", e);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
    }
}
