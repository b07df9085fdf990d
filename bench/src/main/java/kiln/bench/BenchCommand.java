package kiln.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lower bench WORKLOAD|MODEL.pt ...}: runs each workload in Kiln, libtorch and ONNX Runtime, interleaved,
 * and prints median and minimum milliseconds per call, the Kiln/libtorch and Kiln/ORT ratios and how far the
 * outputs are apart; results go to {@code bench/results/DATE-WORKLOAD.json}. {@code bin/lower} routes here (cli
 * cannot depend on this module, which holds libtorch and ONNX Runtime).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time workloads in Kiln, libtorch (TorchScript) and ONNX Runtime, interleaved.")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "WORKLOAD|MODEL.pt", arity = "1..*",
            description = "A name in the fixtures' bench/ folder (e.g. lstm_cell_b64_h512), MODEL_bN for a fixture "
                    + "model at batch N (e.g. resnet18_b8), 'all', or a torch.jit.save archive.")
    List<String> workloads;

    @Option(names = "--inputs", paramLabel = "FILE",
            description = "Input shapes: an .inputs.json, or an .io.pt whose first case's shapes are used.")
    Path inputs;

    @Option(names = "--target", paramLabel = "T", defaultValue = "interp",
            description = "Where Kiln runs: a target `lower --help` lists (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "20",
            description = "Timed calls per engine and workload (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--block", paramLabel = "N", defaultValue = "5",
            description = "Consecutive calls of one engine in each interleaved round (default ${DEFAULT-VALUE}).")
    int block;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
            description = "Untimed calls of each engine alone first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "3",
            description = "Keep warming each engine up alone until this long is spent (default ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--settle-ms", paramLabel = "MS", defaultValue = "500",
            description = "Quiet before each block, for the previous engine's threads to park (default ${DEFAULT-VALUE}).")
    double settleMs;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "60",
            description = "Stop timing a workload after this long (at least 2 timed rounds run; default ${DEFAULT-VALUE}).")
    double budgetSeconds;

    @Option(names = "--engines", paramLabel = "LIST", split = ",", defaultValue = "kiln,libtorch,ort",
            description = "Engines to run (default ${DEFAULT-VALUE}).")
    List<String> engines;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write all results to FILE instead of bench/results/DATE-WORKLOAD.json.")
    Path json;

    @Option(names = "--results", paramLabel = "DIR", description = "Folder for the per-workload JSON files.")
    Path resultsDir;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "The fixtures folder (default ../shared/fixtures).")
    Path fixtures;

    @Option(names = "--limits", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Measure the machine's limits (STREAM-like bandwidth, OpenBLAS sgemm) first (default on).")
    boolean limits;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = Workload.repositoryRoot();
        Path fixturesDir = fixtures != null ? fixtures.toAbsolutePath().normalize() : Workload.defaultFixtures();
        List<String> names = new ArrayList<>();
        for (String w : workloads) {
            names.addAll(w.equals("all") ? Workload.all(fixturesDir) : List.of(w));
        }
        Map<String, Object> machine = Machine.describe();
        if (limits) {
            out.println("machine limits (" + machine.get("cpu") + ", " + machine.get("cpus") + " CPUs):");
            Map<String, Object> measured = MachineLimits.measure();
            measured.forEach((k, v) -> out.println("  " + k + ": " + v));
            machine.put("limits", measured);
        }
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        String command = "bin/lower bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        List<Map<String, Object>> all = new ArrayList<>();
        for (String name : names) {
            Workload w = Workload.resolve(name, inputs, fixturesDir);
            out.println();
            out.println(w.name() + "  inputs " + Inputs.describe(w.shapes()));
            out.flush();
            WorkloadRun.Plan plan = new WorkloadRun.Plan(iterations, Math.max(1, block), warmup,
                    warmupSeconds * 1000, settleMs, budgetSeconds * 1000, 1500);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("date", date);
            result.put("command", command);
            result.put("machine", machine);
            result.put("load_average_before", Machine.loadAverage());
            result.putAll(new WorkloadRun(w, target, plan, out).run(engines));
            result.put("load_average_after", Machine.loadAverage());
            Table.print(result, out);
            all.add(result);
            if (json == null) {
                write((resultsDir != null ? resultsDir : root.resolve("bench/results"))
                        .resolve(date + "-" + w.name() + ".json"), result, out);
            }
        }
        if (json != null) {
            write(json, all.size() == 1 ? all.getFirst() : all, out);
        }
        if (all.size() > 1) {
            out.println();
            Table.markdown(all, out);
        }
        out.flush();
        return 0;
    }

    private static void write(Path file, Object value, PrintWriter out) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, Json.write(value));
        out.println("  wrote " + file);
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(System.out, true));
        System.exit(cl.execute(args));
    }
}
