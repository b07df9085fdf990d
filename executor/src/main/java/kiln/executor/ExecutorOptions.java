package kiln.executor;

import java.util.Objects;

/**
 * How the profiling executor optimizes a method.
 *
 * @param profilingRuns     calls that run the profiled graph before the executor specializes (PyTorch: 1)
 * @param strategy          how many specializations of each kind to make
 * @param preparePipeline   passes run once on the method before profiling, in {@code lower opt} syntax
 * @param optimizePipeline  passes run on each specialized graph
 * @param irDump            where to print the IR after each pass of those pipelines ({@code --print-ir-after-all}),
 *                          or null
 */
public record ExecutorOptions(int profilingRuns, FusionStrategy strategy, String preparePipeline,
                              String optimizePipeline, java.io.PrintWriter irDump) {
    /** What the interpreter target runs by default. */
    public static final ExecutorOptions DEFAULT = new ExecutorOptions(1, FusionStrategy.DEFAULT, "",
            "canonicalize,cse,dce", null);

    public ExecutorOptions {
        if (profilingRuns < 1) {
            throw new IllegalArgumentException("at least one profiling run, got " + profilingRuns);
        }
        Objects.requireNonNull(strategy);
        Objects.requireNonNull(preparePipeline);
        Objects.requireNonNull(optimizePipeline);
    }

    public ExecutorOptions withProfilingRuns(int n) {
        return new ExecutorOptions(n, strategy, preparePipeline, optimizePipeline, irDump);
    }

    public ExecutorOptions withStrategy(FusionStrategy s) {
        return new ExecutorOptions(profilingRuns, s, preparePipeline, optimizePipeline, irDump);
    }

    public ExecutorOptions withPreparePipeline(String p) {
        return new ExecutorOptions(profilingRuns, strategy, p, optimizePipeline, irDump);
    }

    /** These options, printing the IR after each pass to {@code out}. */
    public ExecutorOptions withIrDump(java.io.PrintWriter out) {
        return new ExecutorOptions(profilingRuns, strategy, preparePipeline, optimizePipeline, out);
    }

    public ExecutorOptions withOptimizePipeline(String p) {
        return new ExecutorOptions(profilingRuns, strategy, preparePipeline, p, irDump);
    }
}
