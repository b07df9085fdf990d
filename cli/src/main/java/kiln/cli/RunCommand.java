package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kiln.api.Kiln;
import kiln.api.Model;
import kiln.api.RuntimeValues;
import kiln.api.Target;
import kiln.api.Value;
import kiln.api.internal.PickledValues;
import kiln.cli.run.ArgumentExpressions;
import kiln.conformance.FixtureComparison;
import kiln.frontend.archive.TorchSaveFile;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PySequence;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyValue;
import kiln.runtime.interp.value.ValuePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lower run MODEL.pt --inputs FILE.io.pt [--method NAME] [--target T]}: loads an archive, runs each recorded
 * case on the target, the reference interpreter by default (what TorchScript prints goes to stdout), prints each
 * result, and, where the inputs file records outputs, says whether they match. A client of the public API: the
 * model loads and runs as an application's would ({@link Model}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a TorchScript archive's recorded cases on a target (the reference interpreter by default).")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MODEL.pt", description = "An archive written by torch.jit.save.")
    Path model;

    @Option(names = "--inputs", paramLabel = "FILE.io.pt",
            description = "A torch.save file of cases: a dict with 'cases', each {'method', 'inputs'[, 'outputs']}.")
    Path inputs;

    @Option(names = "--arg", paramLabel = "EXPR", description = "Without --inputs: an argument of the method, as a "
            + "TorchScript expression (3, [1, 2], 'text', torch.ones(1, 3, 8, 8)); repeat for each argument.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--method", paramLabel = "NAME", description = "The method to run (with --inputs: only its "
            + "cases; default: forward, or every method with recorded cases).")
    String method;

    @Mixin
    TargetOption target;

    @Option(names = "--seed", paramLabel = "N", description = "Seed the default random generator first, as "
            + "torch.manual_seed(N) does (the same seed gives PyTorch's samples).")
    Long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Model.Options options = Model.Options.defaults().withTarget(Target.of(target.backend()))
                .withOptimization(target.optimization());
        InputPaths.file(model);
        if (inputs != null) {
            InputPaths.file(inputs);
        }
        if (seed != null) {
            Kiln.manualSeed(seed);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (inputs == null) {
            return callOnce(options.withOutput(out), out);
        }
        if (!arguments.isEmpty()) {
            throw new IllegalArgumentException("give the arguments either as --inputs FILE or as --arg, not both");
        }
        StringBuilder printed = new StringBuilder();
        int ran = 0;
        int mismatched = 0;
        try (Model loaded = Model.load(model, options.withOutput(printed));
             TorchSaveFile file = TorchSaveFile.open(inputs)) {
            if (!(file.data() instanceof PyDict data) || !(data.get("cases").orElse(null) instanceof PyList cases)) {
                throw new IllegalArgumentException(inputs + ": expected a dict with a 'cases' list");
            }
            PickledValues values = new PickledValues();
            int i = 0;
            for (PyValue item : cases.items()) {
                PyDict c = (PyDict) item;
                String m = c.get("method").map(v -> ((PyStr) v).value()).orElse("forward");
                int index = i++;
                if (method != null && !method.equals(m)) {
                    continue;
                }
                List<Value> args = new ArrayList<>();
                for (PyValue v : ((PySequence) c.require("inputs")).items()) {
                    args.add(RuntimeValues.fromRuntime(values.convert(v)));
                }
                printed.setLength(0);
                Object result = RuntimeValues.toRuntime(loaded.method(m).call(args, Map.of()));
                out.print(printed);
                out.print("case " + index + " " + m + " -> " + ValuePrinter.printLine(List.of(result)));
                if (c.get("outputs").isPresent()) {
                    String diff = FixtureComparison.mismatch(c.require("outputs"), result);
                    out.println("  " + (diff == null ? "matches the recorded output" : "differs: " + diff));
                    mismatched += diff == null ? 0 : 1;
                }
                ran++;
            }
        }
        out.println(ran + " case(s) run" + (mismatched > 0 ? ", " + mismatched + " differ" : ""));
        out.flush();
        return mismatched == 0 ? 0 : 1;
    }

    /** Without recorded cases: one call of the method on the {@code --arg} values; prints what it returns. */
    private int callOnce(Model.Options options, PrintWriter out) throws Exception {
        List<Value> args = ArgumentExpressions.evaluate(arguments).stream().map(RuntimeValues::fromRuntime).toList();
        try (Model loaded = Model.load(model, options)) {
            Value result = loaded.method(method == null ? "forward" : method).call(args, Map.of());
            out.print(ValuePrinter.printLine(List.of(RuntimeValues.toRuntime(result))));
        }
        out.flush();
        return 0;
    }
}
