package kiln.runtime.tensor.random;

/**
 * The 32-bit Mersenne Twister MT19937, seeded as PyTorch's {@code at::mt19937} does (the low 32 bits of the seed,
 * Knuth's initialisation), so that the same seed gives the same stream of numbers as PyTorch's CPU generator.
 * Not thread-safe: {@link Generator} guards it.
 */
final class MersenneTwister {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int left;
    private int next;

    MersenneTwister(long seed) {
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            state[j] = 1812433253 * (state[j - 1] ^ (state[j - 1] >>> 30)) + j;
        }
        left = 1;
        next = 0;
    }

    /** The next 32 random bits, as an unsigned value in {@code [0, 2^32)}. */
    long nextUnsigned() {
        if (--left == 0) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        left = N;
        next = 0;
        for (int i = 0; i < N; i++) {
            int u = state[i];
            int v = state[(i + 1) % N];
            int mixed = (u & UPPER_MASK) | (v & LOWER_MASK);
            state[i] = state[(i + M) % N] ^ (mixed >>> 1) ^ ((v & 1) != 0 ? MATRIX_A : 0);
        }
    }
}
