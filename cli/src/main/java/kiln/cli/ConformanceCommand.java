package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.conformance.CaseFilter;
import kiln.conformance.ConformanceReport;
import kiln.conformance.ConformanceRunner;
import kiln.conformance.ExpectedFailures;
import kiln.conformance.Progress;
import kiln.runtime.backend.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lower conformance DIR}: runs every case of a folder laid out like PyTorch's conformance fixtures on a
 * target and says what passes.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Run every case of a fixture folder (models/ and/or ops/) on a target and compare with what "
                + "PyTorch recorded.",
                "Exit status 0 when every case passes or is listed as an expected failure."})
final class ConformanceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A folder holding models/ (NAME.pt + NAME.io.pt) and/or ops/ "
            + "(OP.pt case files).")
    Path dir;

    @Mixin
    TargetOption target;

    @Option(names = "--filter", paramLabel = "GLOB", description = "Run only cases whose id matches (e.g. "
            + "'ops/nn.functional.*', 'models/mlp#*'; * matches any text). Repeatable: any of them.")
    List<String> filters;

    @Option(names = "--expected-failures", paramLabel = "FILE",
            description = "Cases known to fail, one a line: ID  # reason.")
    Path expectedFailures;

    @Option(names = "--json", paramLabel = "FILE", description = "Write per-case results and totals as JSON.")
    Path json;

    @Option(names = "--write-expected-failures", paramLabel = "FILE", description = "Write the cases that did not "
            + "pass as an expected-failures file (keeping the reasons --expected-failures gave).")
    Path writeExpected;

    @Option(names = "--readme", paramLabel = "FILE", description = "Update this target's table of pass counts in "
            + "FILE, between <!-- conformance:T --> and <!-- /conformance:T -->.")
    Path readme;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long one case may run before it counts as an error (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Backend backend = target.backend();
        InputPaths.folder(dir);
        ExpectedFailures expected = expectedFailures == null ? ExpectedFailures.none()
                : ExpectedFailures.read(InputPaths.file(expectedFailures));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null && System.console().isTerminal();
        ConformanceReport report = new ConformanceRunner(backend, target.optimization(), expected, timeout)
                .run(dir, CaseFilter.globs(filters), Progress.to(err, terminal));
        out.print(report.summary());
        out.flush();
        if (json != null) {
            Files.writeString(json, report.json());
        }
        if (writeExpected != null) {
            Files.writeString(writeExpected, expected.rewrite(report.results(), target.name));
        }
        if (readme != null) {
            String command = "bin/lower conformance " + dir + " --target " + target.name
                    + (expectedFailures == null ? "" : " --expected-failures " + expectedFailures);
            Files.writeString(readme, report.updateReadme(Files.readString(InputPaths.file(readme)), command));
        }
        return report.ok() ? 0 : 1;
    }
}
