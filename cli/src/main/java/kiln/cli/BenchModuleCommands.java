package kiln.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code bench} and {@code jmh} as {@code lower --help} lists them. They live in the bench module, the only one
 * that holds libtorch and ONNX Runtime: {@code bin/lower bench …} and {@code bin/lower jmh …} build and run that
 * module. Run on this command line's class path instead, they say so.
 */
final class BenchModuleCommands {
    private BenchModuleCommands() {
    }

    @Command(name = "bench", description = {"Time a workload or model in Kiln, libtorch (TorchScript) and ONNX "
            + "Runtime, interleaved (the bench module: bin/lower bench WORKLOAD|MODEL.pt|all; bin/lower bench "
            + "--help lists its options)."})
    static final class Bench implements Callable<Integer> {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            throw elsewhere("bench", args);
        }
    }

    @Command(name = "jmh", description = "Run the JMH benchmarks of the bench module (bin/lower jmh [JMH OPTIONS]).")
    static final class Jmh implements Callable<Integer> {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            throw elsewhere("jmh", args);
        }
    }

    private static IllegalStateException elsewhere(String command, List<String> args) {
        return new IllegalStateException("lower " + command + " runs from the bench module (libtorch, ONNX Runtime), "
                + "which this class path does not hold: run it as bin/lower " + command
                + (args.isEmpty() ? "" : " " + String.join(" ", args)));
    }
}
