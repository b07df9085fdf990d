package kiln.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.api.internal.TargetSession;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphPrinter;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.frontend.emit.ScriptCompiler;
import kiln.frontend.emit.ScriptUnit;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Environment;
import kiln.runtime.backend.Executable;
import kiln.runtime.interp.value.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lower demo}: the bundled example end to end — compile a TorchScript program (no Python, no libtorch) to
 * the torch dialect, inline and verify it, print each function as PyTorch would, then run its {@code main} on a
 * target (the reference interpreter by default) and show what it printed and returned.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Compile the bundled TorchScript example, show each step, and run it on a target.")
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE = "demo/model.py";
    private static final String MAIN = "__torch__.main";

    @Mixin
    TargetOption target;

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
            if (!isExampleFunction(q) || q.equals(MAIN)) {
                continue; // Kiln's standard library, compiled on demand; main runs below
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
        Backend backend = target.backend();
        out.println("== 3. run main() on target '" + backend.name() + "' (" + backend.description() + ")");
        out.flush();
        TargetSession session = TargetSession.open(backend, Environment.standard().withOutput(out).withWarnings(out));
        Executable main = session.compile("main", compiler.inlinedFunction(MAIN));
        for (int call = 1; call <= 2; call++) {
            long start = System.nanoTime();
            List<Object> result = main.run(List.of());
            double ms = (System.nanoTime() - start) / 1e6;
            out.printf("   call %d returned %s in %.2f ms%s%n", call, Values.typeName(result.getFirst()), ms,
                    call == 1 ? " (the first call builds plans and warms up the JVM)" : "");
        }
        out.println("== done. Next: `lower inspect MODEL.pt` compiles an archive, `lower run MODEL.pt --inputs "
                + "FILE.io.pt` runs it, `lower conformance DIR` checks a fixture folder; `lower --help` lists all.");
        out.flush();
        return 0;
    }

    private static boolean isExampleFunction(String qualifiedName) {
        return !qualifiedName.substring("__torch__.".length()).contains(".");
    }
}
