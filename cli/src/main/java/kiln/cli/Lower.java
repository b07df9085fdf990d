package kiln.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Backends;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lower}: Kiln's command-line driver. With no subcommand it runs the bundled demo. */
@Command(name = "lower", mixinStandardHelpOptions = true, version = "kiln 0.1.0",
        description = "Kiln: TorchScript programs on the JVM, lowered through MLIR-style dialects.",
        subcommands = {DemoCommand.class, RunCommand.class, InspectCommand.class, OptCommand.class,
                ConformanceCommand.class, OpsCommand.class, BenchModuleCommands.Bench.class,
                BenchModuleCommands.Jmh.class, CommandLine.HelpCommand.class})
public final class Lower implements Runnable {

    @Option(names = "--verbose", description = "Show stack traces and source context for errors.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getSubcommands().get("demo").execute();
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The help's list of targets: every backend found on the class path ({@link Backends}). */
    private static String[] targets() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Targets (--target), found on the class path:");
        for (Backend b : Backends.available()) {
            lines.add(String.format("  %-10s %s", b.name(), b.description()));
        }
        return lines.toArray(String[]::new);
    }

    /** Runs the CLI with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Lower());
        cl.getCommandSpec().usageMessage().footer(targets());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorReporter());
        return cl.execute(args);
    }
}
