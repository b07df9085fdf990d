package kiln.cli;

import kiln.executor.ExecutorOptions;
import kiln.executor.FusionStrategy;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Backends;
import picocli.CommandLine.Option;

/**
 * {@code --target T}: where a command runs, one of the backends found on the class path; and how the reference
 * interpreter optimizes ({@code --no-optimize}, {@code --fusion-strategy}).
 */
final class TargetOption {
    @Option(names = "--target", paramLabel = "T", defaultValue = Backends.DEFAULT,
            description = "The target to run on (default: ${DEFAULT-VALUE}; `lower --help` lists them).")
    String name;

    @Option(names = "--no-optimize", description = {"Run methods as compiled: no profiling executor, no guarded",
            "specialization, no optimization passes."})
    boolean noOptimize;

    @Option(names = "--fusion-strategy", paramLabel = "S", defaultValue = "STATIC:2,DYNAMIC:10",
            description = {"How many specializations of each kind the profiling executor makes, as",
                    "torch.jit.set_fusion_strategy (default: ${DEFAULT-VALUE})."})
    String strategy;

    /** The backend named; an error naming the available targets when there is none by that name. */
    Backend backend() {
        return Backends.named(name);
    }

    /** The profiling executor's options, or null with {@code --no-optimize}. */
    ExecutorOptions optimization() {
        return noOptimize ? null : ExecutorOptions.DEFAULT.withStrategy(FusionStrategy.parse(strategy));
    }
}
