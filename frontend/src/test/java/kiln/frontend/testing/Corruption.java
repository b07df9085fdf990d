package kiln.frontend.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Random byte corruption for robustness tests: a read either succeeds or fails with an expected exception. */
public final class Corruption {
    private Corruption() {
    }

    /**
     * Reads {@code trials} copies of {@code original}, each with one to {@code maxFlips} bytes replaced at random,
     * and fails the test if any read throws something other than the {@code expected} exception types.
     */
    public static void fuzz(byte[] original, long seed, int trials, int maxFlips, Consumer<byte[]> read,
                            List<Class<? extends RuntimeException>> expected) {
        Random random = new Random(seed);
        for (int trial = 0; trial < trials; trial++) {
            byte[] corrupt = original.clone();
            for (int flips = 1 + random.nextInt(maxFlips); flips > 0; flips--) {
                corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            }
            try {
                read.accept(corrupt);
            } catch (RuntimeException | Error e) {
                if (expected.stream().noneMatch(type -> type.isInstance(e))) {
                    fail("trial " + trial + " (seed " + seed + ") escaped as " + e, e);
                }
            }
        }
    }
}
