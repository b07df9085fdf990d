package kiln.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.dialects.ir.Region;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParseException;
import kiln.dialects.torch.GraphPrinter;
import kiln.dialects.torch.GraphText;
import kiln.dialects.torch.TorchDialect;
import kiln.lowering.PassContext;
import kiln.lowering.PassManager;
import kiln.lowering.PassPipeline;
import kiln.lowering.PassRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lower opt FILE} (alias {@code parse}), Kiln's mlir-opt: read graph text (one or more graphs, the
 * fixtures' {@code ### name} headers allowed), verify, run a pass pipeline, print the result in canonical form.
 * With no pipeline it parses, verifies and prints.
 */
@Command(name = "opt", aliases = "parse", mixinStandardHelpOptions = true,
        description = {"Parse graph text, verify it, run passes and print the result.",
                "Without passes it parses, verifies and prints; the alias 'parse' reads better then."})
final class OptCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Graph text file, or - for standard input.")
    String file;

    @Option(names = "--pass-pipeline", paramLabel = "PIPELINE",
            description = "Passes to run, e.g. 'constant-pooling'. See --list-passes.")
    String pipeline;

    @Option(names = "--list-passes", description = "List the known passes and exit.")
    boolean listPasses;

    @Option(names = "--split-input-file", description = {"Treat each chunk between lines '# -----' as a separate",
            "input: report each chunk's errors and go on (as mlir-opt does)."})
    boolean split;

    @Option(names = "--allow-unregistered", description = {"Accept ops no dialect knows and operators PyTorch has",
            "no schema for (as mlir-opt's --allow-unregistered-dialect); known operators are still checked."})
    boolean allowUnregistered;

    @Option(names = "--no-verify", description = {"Verify neither the input nor the IR after each pass: for IR that",
            "is not valid yet, like the frontend's form before its conversion to SSA (mlir-opt's --verify-each=false",
            "and --mlir-very-unsafe-disable-verifier-on-parsing)."})
    boolean noVerify;

    @Option(names = "--print-ir-after-all", description = "Print the IR after every pass (to stderr).")
    boolean printAfterAll;

    @Option(names = "--print-ir-after-change", description = "Print the IR after each pass that changed it (to stderr).")
    boolean printAfterChange;

    @Option(names = "--timing", description = "Report the time each pass took (to stderr).")
    boolean timing;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PassRegistry registry = PassRegistry.discover();
        if (listPasses) {
            registry.entries().forEach(e -> out.printf("  %-24s %s%n", e.name(), e.summary()));
            out.flush();
            return 0;
        }
        if (file == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        PassPipeline passes = PassPipeline.parse(pipeline == null ? "" : pipeline, registry);
        String name = file.equals("-") ? "<stdin>" : file;
        String text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(file));
        if (!split) {
            return chunk(text, name, passes, out, err) ? 0 : 1;
        }
        boolean ok = true;
        List<String> chunks = SplitInput.split(text);
        for (int i = 0; i < chunks.size(); i++) {
            if (i > 0) {
                out.println("# -----");
            }
            ok &= chunk(chunks.get(i), name, passes, out, err);
        }
        return ok ? 0 : 1;
    }

    /** Parses, verifies, transforms and prints one input; reports the first problem as one line. */
    private boolean chunk(String text, String name, PassPipeline passes, PrintWriter out, PrintWriter err) {
        List<GraphText.Section> sections;
        try {
            sections = GraphText.parse(text, name, allowUnregistered);
        } catch (GraphParseException e) {
            err.println("lower: " + e.getMessage());
            err.flush();
            return false;
        }
        List<String> problems = noVerify ? List.of() : GraphText.verify(sections);
        if (!problems.isEmpty()) {
            err.println("lower: " + GraphText.afterFirstLine(problems.getFirst(),
                    problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            err.flush();
            return false;
        }
        for (GraphText.Section s : sections) {
            if (s.isGraph() && !passes.passes().isEmpty()) {
                PassManager pm = new PassManager(passes, (Region r) -> GraphPrinter.print(Graph.of(r)))
                        .verifyEach(!noVerify).printIr(printAfterAll, printAfterChange, err);
                PassContext context = new PassContext(TorchDialect.registry());
                pm.run(s.graph().region(), context);
                if (timing) {
                    pm.timings().forEach(t -> err.printf("  %-24s %10.3f ms%s%n", t.pass(), t.nanos() / 1e6,
                            t.changed() ? "" : "  (no change)"));
                    context.statistics().forEach((k, v) -> err.printf("  %-40s %d%n", k, v));
                }
            }
        }
        out.print(GraphText.print(sections));
        out.flush();
        return true;
    }
}
