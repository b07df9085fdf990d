package kiln.runtime.tensor.random;

/**
 * A source of random numbers with PyTorch's CPU generator semantics ({@code CPUGeneratorImpl}): an MT19937
 * stream, {@link #random()} 32 bits and {@link #random64()} two draws (first in the high half), and the cached
 * second sample of the Box-Muller transform. The same seed gives the numbers PyTorch's CPU generator gives, so
 * {@code torch.manual_seed(s)} in PyTorch and {@code Generator.defaultCpu().manualSeed(s)} in Kiln lead the
 * serial sampling kernels (uniform, normal, bernoulli, randint, randperm) to the same values.
 *
 * <p>Samplers hold the generator's lock while they draw (synchronize on it), as PyTorch's kernels hold its mutex.
 */
public final class Generator {
    /** PyTorch's {@code c10::detail::default_rng_seed_val}. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static final Generator DEFAULT_CPU = new Generator(DEFAULT_SEED);

    private MersenneTwister engine;
    private long seed;
    private Double nextDoubleNormal;

    public Generator(long seed) {
        manualSeed(seed);
    }

    /** The process-wide default generator, which ops use when they are given none. */
    public static Generator defaultCpu() {
        return DEFAULT_CPU;
    }

    /** Restarts the stream from {@code seed} and forgets any cached normal sample. */
    public synchronized Generator manualSeed(long newSeed) {
        this.seed = newSeed;
        this.engine = new MersenneTwister(newSeed);
        this.nextDoubleNormal = null;
        return this;
    }

    /** The seed the stream started from. */
    public synchronized long initialSeed() {
        return seed;
    }

    /** 32 random bits, unsigned. */
    public synchronized long random() {
        return engine.nextUnsigned();
    }

    /** 64 random bits from two draws, the first in the high half. */
    public synchronized long random64() {
        long hi = engine.nextUnsigned();
        long lo = engine.nextUnsigned();
        return (hi << 32) | lo;
    }

    /** A uniform float in {@code [0, 1)} from 24 random bits. */
    public synchronized float uniformFloat() {
        return (random() & ((1 << 24) - 1)) * 0x1p-24f;
    }

    /** A uniform double in {@code [0, 1)} from 53 random bits. */
    public synchronized double uniformDouble() {
        return (random64() & ((1L << 53) - 1)) * 0x1p-53;
    }

    /**
     * A standard normal double by Box-Muller on two uniform doubles; the transform's second sample is kept for
     * the next call, as {@code at::normal_distribution<double>} does.
     */
    public synchronized double normalDouble() {
        if (nextDoubleNormal != null) {
            double cached = nextDoubleNormal;
            nextDoubleNormal = null;
            return cached;
        }
        double u1 = uniformDouble();
        double u2 = uniformDouble();
        double r = Math.sqrt(-2.0 * Math.log1p(-u2));
        double theta = 2.0 * Math.PI * u1;
        nextDoubleNormal = r * Math.sin(theta);
        return r * Math.cos(theta);
    }
}
