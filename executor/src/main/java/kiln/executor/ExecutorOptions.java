package kiln.executor;

import java.util.Objects;

/**
 * How the profiling executor optimizes a method.
 *
 * @param profilingRuns     calls that run the profiled graph before the executor specializes (PyTorch: 1)
 * @param strategy          how many specializations of each kind to make
 * @param preparePipeline   passes run once on the method before profiling, in {@code lower opt} syntax
 * @param optimizePipeline  passes run on each specialized graph
 */
public record ExecutorOptions(int profilingRuns, FusionStrategy strategy, String preparePipeline,
                              String optimizePipeline) {
    /** What the interpreter target runs by default. */
    public static final ExecutorOptions DEFAULT = new ExecutorOptions(1, FusionStrategy.DEFAULT, "",
            "canonicalize,cse,dce");

    public ExecutorOptions {
        if (profilingRuns < 1) {
            throw new IllegalArgumentException("at least one profiling run, got " + profilingRuns);
        }
        Objects.requireNonNull(strategy);
        Objects.requireNonNull(preparePipeline);
        Objects.requireNonNull(optimizePipeline);
    }

    public ExecutorOptions withProfilingRuns(int n) {
        return new ExecutorOptions(n, strategy, preparePipeline, optimizePipeline);
    }

    public ExecutorOptions withStrategy(FusionStrategy s) {
        return new ExecutorOptions(profilingRuns, s, preparePipeline, optimizePipeline);
    }

    public ExecutorOptions withPreparePipeline(String p) {
        return new ExecutorOptions(profilingRuns, strategy, p, optimizePipeline);
    }

    public ExecutorOptions withOptimizePipeline(String p) {
        return new ExecutorOptions(profilingRuns, strategy, preparePipeline, p);
    }
}
