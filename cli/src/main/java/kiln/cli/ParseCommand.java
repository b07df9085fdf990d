package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.dialects.torch.GraphParseException;
import kiln.dialects.torch.GraphText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lower parse FILE}: read graph text, verify every graph, print it back in canonical form. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Parse TorchScript graph text (one or more graphs, '### name' headers allowed),",
                "verify each graph and print it back in canonical form."})
final class ParseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Graph text file, or - for standard input.")
    String file;

    @Option(names = "--split-input-file", description = {"Treat each chunk between lines '# -----' as a separate",
            "input: report each chunk's errors and go on (as mlir-opt does)."})
    boolean split;

    @Option(names = "--allow-unregistered", description = {"Accept ops no dialect knows and operators PyTorch has",
            "no schema for (as mlir-opt's --allow-unregistered-dialect); known operators are still checked."})
    boolean allowUnregistered;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String name = file.equals("-") ? "<stdin>" : file;
        String text = file.equals("-") ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                : Files.readString(Path.of(file));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!split) {
            return chunk(text, name, out, err) ? 0 : 1;
        }
        boolean ok = true;
        List<String> chunks = SplitInput.split(text);
        for (int i = 0; i < chunks.size(); i++) {
            if (i > 0) {
                out.println("# -----");
            }
            ok &= chunk(chunks.get(i), name, out, err);
        }
        return ok ? 0 : 1;
    }

    /**
     * Parses, verifies and prints one input; reports the first problem (one line, followed by any detail lines
     * the problem carries, such as the candidate schemas of a call no overload accepts) and returns false.
     */
    private boolean chunk(String text, String name, PrintWriter out, PrintWriter err) {
        List<GraphText.Section> sections;
        try {
            sections = GraphText.parse(text, name, allowUnregistered);
        } catch (GraphParseException e) {
            err.println("lower: " + e.getMessage());
            err.flush();
            return false;
        }
        List<String> problems = GraphText.verify(sections);
        if (!problems.isEmpty()) {
            err.println("lower: " + GraphText.afterFirstLine(problems.getFirst(),
                    problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            err.flush();
            return false;
        }
        out.print(GraphText.print(sections));
        out.flush();
        return true;
    }
}
