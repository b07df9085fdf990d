package kiln.cli.spi;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import kiln.dialects.ir.Operation;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Capabilities;
import kiln.runtime.backend.Environment;
import kiln.runtime.backend.Executable;
import kiln.runtime.interp.InterpreterBackend;

/**
 * A third-party backend as a user would write one, known to Kiln only through
 * {@code META-INF/services/kiln.runtime.backend.Backend} on the test class path: it takes what the interpreter takes
 * (the torch dialect, no lowering pipeline), counts the functions it compiles and the calls it runs, and delegates the
 * work to the interpreter.
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
    public Set<String> inputDialects() {
        return delegate.inputDialects();
    }

    @Override
    public String loweringPipeline() {
        return delegate.loweringPipeline();
    }

    @Override
    public Session open(Environment environment) {
        Session inner = delegate.open(environment);
        return new Session() {
            @Override
            public Executable compile(Operation module, String function) {
                COMPILED.incrementAndGet();
                Executable e = inner.compile(module, function);
                return args -> {
                    CALLS.incrementAndGet();
                    return e.run(args);
                };
            }

            @Override
            public List<String> unsupportedOps(Operation module, String function) {
                return inner.unsupportedOps(module, function);
            }
        };
    }
}
