package kiln.cli;

import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Backends;
import picocli.CommandLine.Option;

/** {@code --target T}: where a command runs, one of the backends found on the class path. */
final class TargetOption {
    @Option(names = "--target", paramLabel = "T", defaultValue = Backends.DEFAULT,
            description = "The target to run on (default: ${DEFAULT-VALUE}; `lower --help` lists them).")
    String name;

    /** The backend named; an error naming the available targets when there is none by that name. */
    Backend backend() {
        return Backends.named(name);
    }
}
