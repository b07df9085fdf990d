package kiln.api;

import kiln.runtime.tensor.random.Generator;

/** Process-wide settings, as PyTorch's {@code torch.*} functions of the same names. */
public final class Kiln {
    private Kiln() {
    }

    /**
     * Seeds the default random generator, as {@code torch.manual_seed(seed)}: {@code rand}, {@code randn}, {@code
     * randint}, {@code randperm}, {@code bernoulli} and dropout in training then draw PyTorch's own samples.
     */
    public static void manualSeed(long seed) {
        Generator.defaultCpu().manualSeed(seed);
    }
}
