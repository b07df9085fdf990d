package kiln.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import kiln.api.internal.LoadedModel;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.backend.Environment;
import kiln.runtime.interp.Interpreter;
import kiln.runtime.interp.InterpreterBackend;
import kiln.runtime.tensor.Tensor;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code fork_join} forks two branches and waits for both: each runs on a thread of its own, away from the caller,
 * and the two run at the same time (each branch waits, inside the executor, until both have started).
 */
class ForkThreadsTest {

    @Test
    void forkJoinRunsItsBranchesOnTwoThreadsAtOnce() throws Exception {
        Set<Thread> branchThreads = ConcurrentHashMap.newKeySet();
        CountDownLatch bothStarted = new CountDownLatch(2);
        boolean[] overlapped = {true};
        Executor twoAtOnce = task -> Thread.ofPlatform().name("fork-branch").start(() -> {
            branchThreads.add(Thread.currentThread());
            bothStarted.countDown();
            try {
                // a branch that could only run after the other finished would wait here in vain
                overlapped[0] &= bothStarted.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        });
        LoadedModel model = LoadedModel.open(Fixtures.models().resolve("fork_join.pt"),
                new InterpreterBackend(() -> Interpreter.builder().forkExecutor(twoAtOnce)), Environment.standard());
        Tensor x = Tensor.zeros(ScalarType.Float, 3, 8);
        List<Object> out = model.call("forward", List.of(x));
        assertTrue(out.getFirst() instanceof Tensor);
        assertEquals(2, branchThreads.size(), "one thread per branch");
        assertFalse(branchThreads.contains(Thread.currentThread()), "the branches leave the caller's thread");
        assertTrue(overlapped[0], "both branches were running at the same time");
    }
}
