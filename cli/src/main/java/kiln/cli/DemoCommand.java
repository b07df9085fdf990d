package kiln.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphPrinter;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.frontend.emit.ScriptCompiler;
import kiln.frontend.emit.ScriptUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lower demo}: the bundled example, end to end as far as Kiln goes today — compile a TorchScript program
 * (no Python, no libtorch) to the torch dialect, verify it, and print each function as PyTorch would.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Compile the bundled TorchScript example and show each step.")
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE = "demo/model.py";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String text;
        try (InputStream in = DemoCommand.class.getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IOException("bundled example " + EXAMPLE + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        out.println("== 1. parse " + EXAMPLE + " (TorchScript source) and read PyTorch's operator schemas");
        ScriptUnit unit = ScriptUnit.fromSource(text, EXAMPLE, "__torch__");
        OperatorRegistry operators = OperatorRegistry.standard();
        long own = unit.functions().keySet().stream().filter(DemoCommand::isExampleFunction).count();
        out.printf("   %d functions; %d operator schemas%n", own, operators.all().size());
        ScriptCompiler compiler = new ScriptCompiler(unit, operators);
        for (String q : unit.functions().keySet()) {
            if (!isExampleFunction(q)) {
                continue; // Kiln's standard library, compiled on demand
            }
            out.println("== 2. compile " + q.substring("__torch__.".length())
                    + ": emit, match schemas, convert to SSA, clean up; then inline and verify");
            Graph g = compiler.inlinedFunction(q);
            var problems = Verifier.verify(g.region());
            if (!problems.isEmpty()) {
                problems.forEach(p -> out.println("   " + p));
                return 1;
            }
            out.print(GraphPrinter.print(g));
        }
        out.println("== done. Running graphs comes with the interpreter (issue 5); `lower inspect MODEL.pt` compiles "
                + "archives.");
        out.flush();
        return 0;
    }

    private static boolean isExampleFunction(String qualifiedName) {
        return !qualifiedName.substring("__torch__.".length()).contains(".");
    }
}
