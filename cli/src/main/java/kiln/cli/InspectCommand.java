package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.api.internal.LoadedModel;
import kiln.api.internal.PickledValues;
import kiln.dialects.torch.Graph;
import kiln.executor.ExecutorOptions;
import kiln.frontend.archive.TorchSaveFile;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PySequence;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyValue;
import kiln.runtime.backend.Environment;
import kiln.dialects.torch.GraphPrinter;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.frontend.archive.TorchArchive;
import kiln.frontend.emit.ScriptClass;
import kiln.frontend.emit.ScriptCompiler;
import kiln.frontend.emit.ScriptUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lower inspect MODEL.pt}: compiles a TorchScript archive's code (no Python, no libtorch) and prints
 * each method of its root module as IR at the requested stage.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Compile a TorchScript archive and print its methods' IR at a stage.")
final class InspectCommand implements Callable<Integer> {
    /** The stages {@code --emit} accepts. */
    enum Stage { graph, inlined, optimized, dot }

    @Parameters(paramLabel = "MODEL.pt|SOURCE.py",
            description = "An archive written by torch.jit.save, or a TorchScript source file of functions and classes.")
    Path model;

    @Option(names = "--emit", paramLabel = "STAGE", defaultValue = "graph",
            description = "graph (each method as compiled), inlined (calls to script code inlined), optimized "
                    + "(what the profiling executor runs after the recorded calls of --inputs, as PyTorch's "
                    + "last_executed_optimized_graph), or dot: a Graphviz picture of one method (--method, default "
                    + "forward), optimized with --inputs (fusion groups green, fallback graphs orange, guards "
                    + "yellow), else inlined. Default: ${DEFAULT-VALUE}.")
    Stage stage;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.dot",
            description = "With --emit=dot: write the picture to FILE.dot, and FILE.svg beside it when Graphviz's "
                    + "dot is on the PATH (default: the DOT text to stdout).")
    Path output;

    @Option(names = "--inputs", paramLabel = "FILE.io.pt",
            description = "With --emit=optimized: the recorded cases to call the method with first (each is called "
                    + "three times, as the fixtures' optimized graphs were made).")
    Path inputs;

    @Option(names = "--print-ir-after-all", description = "With --emit=optimized: print the IR after each pass of "
            + "the executor's pipelines (to stderr).")
    boolean printAfterAll;

    @Mixin
    TargetOption target;

    @Option(names = "--method", paramLabel = "NAME", description = "Print only this method.")
    String method;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InputPaths.file(model);
        if (stage == Stage.optimized) {
            return optimized(out);
        }
        if (stage == Stage.dot) {
            return dot(out);
        }
        if (model.getFileName().toString().endsWith(".py")) {
            return source(out);
        }
        try (TorchArchive archive = TorchArchive.open(model)) {
            ScriptUnit unit = ScriptUnit.fromArchiveCode(archive.code(), archive.constants().items());
            String rootName = archive.module().className();
            ScriptClass root = unit.classNamed(rootName).orElseThrow(() -> new IllegalStateException(
                    model + ": the archive's module class " + rootName + " has no code"));
            ScriptCompiler compiler = new ScriptCompiler(unit, OperatorRegistry.standard());
            List<String> methods = method != null ? List.of(method) : List.copyOf(root.methods().keySet());
            for (String m : methods) {
                if (!root.methods().containsKey(m)) {
                    throw new IllegalArgumentException(model + ": module " + rootName + " has no method '" + m
                            + "' (it has: " + String.join(", ", root.methods().keySet()) + ")");
                }
                Graph g = stage == Stage.inlined ? compiler.inlinedMethod(root, m) : compiler.method(root, m);
                out.println("### " + m);
                out.println(GraphPrinter.print(g));
            }
        }
        out.flush();
        return 0;
    }

    /** Calls the method with the recorded cases three times over, then prints the graph its optimized calls run. */
    private Integer optimized(PrintWriter out) throws java.io.IOException {
        String m = method == null ? "forward" : method;
        Optimized run = optimizedGraph(m);
        out.println("### " + m + " (optimized after " + run.calls() + " calls; "
                + run.model().executorStats(m).map(Object::toString).orElse("") + ")");
        out.println(GraphPrinter.print(run.graph()));
        out.flush();
        return 0;
    }

    /** The graph the optimized calls of a method run, after how many calls, of which loaded model. */
    private record Optimized(Graph graph, int calls, LoadedModel model) {
    }

    private Optimized optimizedGraph(String m) throws java.io.IOException {
        if (inputs == null) {
            throw new IllegalArgumentException("--emit=optimized needs --inputs FILE.io.pt: the optimized graph is "
                    + "made from the calls it profiles");
        }
        ExecutorOptions options = target.optimization();
        if (options == null) {
            throw new IllegalArgumentException("--emit=optimized and --no-optimize contradict each other");
        }
        if (printAfterAll) {
            options = options.withIrDump(spec.commandLine().getErr());
        }
        LoadedModel loaded = LoadedModel.open(model, target.backend(), Environment.standard()
                .withOutput(new StringBuilder()).withWarnings(new StringBuilder()), options);
        int calls = 0;
        try (TorchSaveFile file = TorchSaveFile.open(InputPaths.file(inputs))) {
            if (!(file.data() instanceof PyDict data) || !(data.get("cases").orElse(null) instanceof PyList cases)) {
                throw new IllegalArgumentException(inputs + ": expected a dict with a 'cases' list");
            }
            for (int round = 0; round < 3; round++) {
                for (PyValue item : cases.items()) {
                    PyDict c = (PyDict) item;
                    if (!m.equals(c.get("method").map(v -> ((PyStr) v).value()).orElse("forward"))) {
                        continue;
                    }
                    PickledValues values = new PickledValues();
                    List<Object> args = new java.util.ArrayList<>();
                    for (PyValue v : ((PySequence) c.require("inputs")).items()) {
                        args.add(values.convert(v));
                    }
                    loaded.call(m, args);
                    calls++;
                }
            }
        }
        if (calls == 0) {
            throw new IllegalArgumentException(inputs + " records no case of method '" + m + "'");
        }
        Graph g = loaded.optimizedGraph(m).orElseThrow(() -> new IllegalStateException(
                "method '" + m + "' was not optimized (target " + target.name + " does not run the executor)"));
        return new Optimized(g, calls, loaded);
    }

    /**
     * {@code --emit=dot}: one method as a Graphviz picture, optimized when {@code --inputs} gives calls to profile,
     * else inlined; to stdout, or to {@code --output} (and an SVG beside it when {@code dot} is on the PATH).
     */
    private Integer dot(PrintWriter out) throws Exception {
        String m = method == null ? "forward" : method;
        Graph g;
        String title;
        if (inputs != null) {
            g = optimizedGraph(m).graph();
            title = m + " (optimized)";
        } else {
            LoadedModel loaded = LoadedModel.open(model, target.backend(), Environment.standard()
                    .withOutput(new StringBuilder()).withWarnings(new StringBuilder()), null);
            g = loaded.inlinedMethod(m);
            title = m + " (inlined)";
        }
        String text = OpGraphDot.of(title, g.region());
        if (output == null) {
            out.print(text);
            out.flush();
            return 0;
        }
        java.nio.file.Files.writeString(output, text);
        out.println("wrote " + output);
        out.println(GraphvizSvg.render(output).map(svg -> "wrote " + svg)
                .orElse("no SVG: Graphviz's dot is not on the PATH"));
        out.flush();
        return 0;
    }

    /** A hand-written source: every top-level function (not the standard library's), then every class method. */
    private Integer source(PrintWriter out) throws java.io.IOException {
        String text = java.nio.file.Files.readString(model);
        ScriptUnit unit = ScriptUnit.fromSource(text, model.toString(), "__torch__");
        ScriptCompiler compiler = new ScriptCompiler(unit, OperatorRegistry.standard());
        for (String q : unit.functions().keySet()) {
            if (unit.isStandardLibrary(q)) {
                continue;
            }
            String shortName = q.substring(q.lastIndexOf('.') + 1);
            if (method != null && !method.equals(shortName)) {
                continue;
            }
            out.println("### " + shortName);
            out.println(GraphPrinter.print(stage == Stage.inlined ? compiler.inlinedFunction(q) : compiler.function(q)));
        }
        for (ScriptClass cls : unit.classes().values()) {
            for (String m : cls.methods().keySet()) {
                if (method != null && !method.equals(m)) {
                    continue;
                }
                out.println("### " + cls.name().substring(cls.name().lastIndexOf('.') + 1) + "." + m);
                out.println(GraphPrinter.print(stage == Stage.inlined ? compiler.inlinedMethod(cls, m)
                        : compiler.method(cls, m)));
            }
        }
        out.flush();
        return 0;
    }
}
