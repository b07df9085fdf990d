package kiln.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kiln.dialects.ir.AsmNames;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.SymbolTable;
import kiln.dialects.ir.Verifier;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.dialects.ir.text.ParseException;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphPrinter;
import kiln.dialects.torch.GraphText;
import kiln.lowering.PassContext;
import kiln.lowering.PassFailure;
import kiln.lowering.PassManager;
import kiln.lowering.PassOption;
import kiln.lowering.PassPipeline;
import kiln.lowering.PassRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lower opt FILE} (alias {@code parse}), Kiln's mlir-opt: read IR — a module in MLIR's text form (any
 * registered dialect, ops in their custom or generic syntax), or PyTorch's graph text (one or more graphs, the
 * fixtures' {@code ### name} headers allowed) —, verify it, run a pass pipeline, and print the result in the form it
 * came in (graph text as PyTorch prints it; a module with each op's custom syntax, or every op generic with
 * {@code --print-op-generic}). With no pipeline it parses, verifies and prints.
 */
@Command(name = "opt", aliases = "parse", mixinStandardHelpOptions = true,
        description = {"Parse IR (a module, or PyTorch graph text), verify it, run passes and print the result.",
                "Without passes it parses, verifies and prints; the alias 'parse' reads better then."})
final class OptCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "IR text file, or - for standard input.")
    String file;

    @Option(names = "--pass-pipeline", paramLabel = "PIPELINE",
            description = {"Passes to run, e.g. 'canonicalize,cse' or 'builtin.module(func(canonicalize,cse))'.",
                    "See --list-passes."})
    String pipeline;

    @Option(names = "--list-passes", description = "List the known passes with their options and exit.")
    boolean listPasses;

    @Option(names = "--split-input-file", description = {"Treat each chunk between lines '// -----' (or '# -----')",
            "as a separate input: report each chunk's errors and go on (as mlir-opt does)."})
    boolean split;

    @Option(names = "--allow-unregistered", description = {"Accept ops no dialect knows and operators PyTorch has",
            "no schema for (as mlir-opt's --allow-unregistered-dialect); known operators are still checked."})
    boolean allowUnregistered;

    @Option(names = "--no-verify", description = {"Verify neither the input nor the IR after each pass: for IR that",
            "is not valid yet, like the frontend's form before its conversion to SSA (mlir-opt's --verify-each=false",
            "and --mlir-very-unsafe-disable-verifier-on-parsing)."})
    boolean noVerify;

    @Option(names = "--print-op-generic", description = {"Print every op in MLIR's generic form (graph text comes",
            "out as a module of one function per graph)."})
    boolean printGeneric;

    @Option(names = "--print-ir-after-all", description = "Print the IR after every pass (to stderr).")
    boolean printAfterAll;

    @Option(names = "--print-ir-after-change", description = "Print the IR after each pass that changed it (to stderr).")
    boolean printAfterChange;

    @Option(names = "--timing", description = "Report the time each pass took (to stderr).")
    boolean timing;

    @Spec
    CommandSpec spec;

    private DialectRegistry registry;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PassRegistry passes = PassRegistry.discover();
        if (listPasses) {
            for (PassRegistry.Entry e : passes.entries()) {
                out.printf("  %-28s %s%n", e.name(), e.summary());
                if (e.options() != null) {
                    for (PassOption<?> o : e.options()) {
                        out.printf("  %-28s   %s%n", "", o.describe());
                    }
                }
            }
            out.flush();
            return 0;
        }
        if (file == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        PassPipeline parsed = PassPipeline.parse(pipeline == null ? "" : pipeline, passes);
        registry = DialectRegistry.discover(allowUnregistered);
        String name = file.equals("-") ? "<stdin>" : file;
        String text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(InputPaths.file(Path.of(file)));
        if (!split) {
            return chunk(text, name, parsed, out, err) ? 0 : 1;
        }
        boolean ok = true;
        List<String> chunks = SplitInput.split(text);
        for (int i = 0; i < chunks.size(); i++) {
            if (i > 0) {
                out.println(isGraphText(chunks.get(i - 1)) ? "# -----" : "// -----");
            }
            ok &= chunk(chunks.get(i), name, parsed, out, err);
        }
        return ok ? 0 : 1;
    }

    /** Whether the input is PyTorch's graph text (its first word, past comments, is {@code graph} or a header). */
    static boolean isGraphText(String text) {
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("### ")) {
                return true;
            }
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("//")) {
                continue;
            }
            return t.startsWith("graph(") || t.startsWith("graph (");
        }
        return false;
    }

    /** Parses, verifies, transforms and prints one input; reports problems as one line each. */
    private boolean chunk(String text, String name, PassPipeline passes, PrintWriter out, PrintWriter err) {
        try {
            return isGraphText(text) ? graphText(text, name, passes, out, err) : module(text, name, passes, out, err);
        } catch (ParseException e) {
            err.println("lower: " + e.getMessage());
            err.flush();
            return false;
        }
    }

    private boolean module(String text, String name, PassPipeline passes, PrintWriter out, PrintWriter err) {
        AsmParser.Parsed parsed = AsmParser.parse(text, name, registry);
        Operation module = parsed.module();
        if (!noVerify && !report(Verifier.verify(module), parsed.positions(), err)) {
            return false;
        }
        if (!run(passes, module, parsed.positions(), err)) {
            return false;
        }
        out.print(AsmPrinter.print(module, registry, printGeneric ? AsmPrinter.Options.GENERIC
                : AsmPrinter.Options.DEFAULT));
        out.flush();
        return true;
    }

    /** Graph text: each graph runs as a function of one module, and prints back as graph text. */
    private boolean graphText(String text, String name, PassPipeline passes, PrintWriter out, PrintWriter err) {
        List<GraphText.Section> sections = GraphText.parse(text, name, allowUnregistered);
        List<String> problems = noVerify ? List.of() : GraphText.verify(sections);
        if (!problems.isEmpty()) {
            err.println("lower: " + GraphText.afterFirstLine(problems.getFirst(),
                    problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            err.flush();
            return false;
        }
        if (passes.isEmpty() && !printGeneric) {
            out.print(GraphText.print(sections));
            out.flush();
            return true;
        }
        Operation module = BuiltinDialect.module();
        Map<Operation, Location> positions = new java.util.IdentityHashMap<>();
        List<Operation> functions = new ArrayList<>();
        for (GraphText.Section s : sections) {
            if (!s.isGraph()) {
                functions.add(null);
                continue;
            }
            Operation fn = BuiltinDialect.func(functionName(s, functions.size()), List.of());
            fn.region(0).eraseBlock(fn.region(0).entry());
            fn.region(0).takeBody(s.graph().region());
            SymbolTable.insert(module, fn);
            functions.add(fn);
            positions.putAll(s.positions());
        }
        if (!run(passes, module, positions, err)) {
            return false;
        }
        if (printGeneric) {
            out.print(AsmPrinter.print(module, registry, AsmPrinter.Options.GENERIC));
        } else {
            List<GraphText.Section> after = new ArrayList<>();
            for (int i = 0; i < sections.size(); i++) {
                GraphText.Section s = sections.get(i);
                after.add(s.isGraph() ? new GraphText.Section(s.name(), s.line(),
                        Graph.of(functions.get(i).region(0)), null, s.positions()) : s);
            }
            out.print(GraphText.print(after));
        }
        out.flush();
        return true;
    }

    private static String functionName(GraphText.Section s, int index) {
        return s.name() != null && AsmNames.isBareIdentifier(s.name()) ? s.name() : "graph" + index;
    }

    /** Runs the pipeline on a module; reports a failure (every diagnostic, located) and returns false. */
    private boolean run(PassPipeline passes, Operation module, Map<Operation, Location> positions, PrintWriter err) {
        if (passes.isEmpty()) {
            return true;
        }
        PassManager pm = new PassManager(passes, this::printRegion).verifyEach(!noVerify)
                .printIr(printAfterAll, printAfterChange, err);
        PassContext context = new PassContext(registry);
        try {
            pm.run(module, context);
        } catch (PassFailure f) {
            return report(f.diagnostics(), positions, err);
        }
        if (timing) {
            pm.totals().forEach((pass, nanos) -> err.printf("  %-28s %10.3f ms%n", pass, nanos / 1e6));
            context.statistics().forEach((k, v) -> err.printf("  %-44s %d%n", k, v));
        }
        err.flush();
        return true;
    }

    /** The op a pass ran on, for the IR dumps: a function of graph text as graph text. */
    private String printRegion(Region r) {
        Operation on = r.parentOp();
        if (on == null) {
            return GraphPrinter.print(Graph.of(r));
        }
        return AsmPrinter.print(on, registry, printGeneric ? AsmPrinter.Options.GENERIC : AsmPrinter.Options.DEFAULT);
    }

    /** Prints every diagnostic as one line, placed in the input when its op has no location; false if any. */
    private static boolean report(List<Diagnostic> diagnostics, Map<Operation, Location> positions, PrintWriter err) {
        for (Diagnostic d : diagnostics) {
            err.println("lower: " + d.locatedBy(positions));
        }
        err.flush();
        return diagnostics.isEmpty();
    }
}
