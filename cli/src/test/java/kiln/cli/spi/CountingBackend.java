package kiln.cli.spi;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kiln.dialects.torch.Graph;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Capabilities;
import kiln.runtime.backend.Environment;
import kiln.runtime.backend.Executable;
import kiln.runtime.interp.InterpreterBackend;

/**
 * A third-party backend as a user would write one, known to Kiln only through
 * {@code META-INF/services/kiln.runtime.backend.Backend} on the test class path: it counts the graphs it compiles
 * and the calls it runs, and delegates the work to the interpreter.
 */
public final class CountingBackend implements Backend {
    public static final AtomicInteger COMPILED = new AtomicInteger();
    public static final AtomicInteger CALLS = new AtomicInteger();

    private final Backend delegate = new InterpreterBackend();

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public String description() {
        return "a test backend: counts graphs and calls, runs the interpreter";
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Session open(Environment environment) {
        Session inner = delegate.open(environment);
        return new Session() {
            @Override
            public Executable compile(String name, Graph graph) {
                COMPILED.incrementAndGet();
                Executable e = inner.compile(name, graph);
                return args -> {
                    CALLS.incrementAndGet();
                    return e.run(args);
                };
            }

            @Override
            public List<String> unsupportedOps(String name, Graph graph) {
                return inner.unsupportedOps(name, graph);
            }
        };
    }
}
