package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphPrinter;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.frontend.archive.TorchArchive;
import kiln.frontend.emit.ScriptClass;
import kiln.frontend.emit.ScriptCompiler;
import kiln.frontend.emit.ScriptUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
    enum Stage { graph, inlined }

    @Parameters(paramLabel = "MODEL.pt|SOURCE.py",
            description = "An archive written by torch.jit.save, or a TorchScript source file of functions and classes.")
    Path model;

    @Option(names = "--emit", paramLabel = "STAGE", defaultValue = "graph",
            description = "graph (each method as compiled) or inlined (calls to script code inlined). "
                    + "Default: ${DEFAULT-VALUE}.")
    Stage stage;

    @Option(names = "--method", paramLabel = "NAME", description = "Print only this method.")
    String method;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InputPaths.file(model);
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
