package kiln.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.GraphPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lower demo}: the bundled example, end to end as far as Kiln goes today — read a TorchScript graph
 * (a small MLP as PyTorch printed it), verify it, report what it holds and print it back.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the bundled example end to end and show each step.")
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE = "demo/mlp.graph.txt";

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
        out.println("== 1. parse: " + EXAMPLE + " (TorchScript graph text, as torch.jit printed it)");
        Graph g = GraphParser.parse(text, EXAMPLE);
        int[] ops = {0};
        g.region().walk(op -> ops[0]++);
        out.printf("   %d inputs, %d ops (nested included), %d outputs%n", g.inputs().size(), ops[0],
                g.outputs().size());
        out.println("== 2. verify: SSA dominance, terminators, op declarations");
        var problems = Verifier.verify(g.region());
        if (!problems.isEmpty()) {
            problems.forEach(p -> out.println("   " + p));
            return 1;
        }
        out.println("   ok");
        out.println("== 3. the torch dialect, printed back in PyTorch's form");
        out.print(GraphPrinter.print(g));
        long aten = countPrefix(g, "aten::");
        out.printf("== done: %d aten ops, %d prim ops. Running graphs comes with the interpreter (issue 5).%n",
                aten, ops[0] - aten);
        out.flush();
        return 0;
    }

    private static long countPrefix(Graph g, String prefix) {
        long[] n = {0};
        g.region().walk((Operation op) -> {
            if (op.name().startsWith(prefix)) {
                n[0]++;
            }
        });
        return n[0];
    }
}
