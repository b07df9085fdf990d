package kiln.runtime.backend;

import java.util.List;
import kiln.dialects.torch.Graph;

/**
 * A place where torch-dialect graphs run: the reference interpreter, a JIT compiler for CPUs, a GPU compiler.
 * Backends are found with {@link java.util.ServiceLoader}: a jar on the class path that lists an implementation
 * in {@code META-INF/services/kiln.runtime.backend.Backend} adds a target, with no change to Kiln ({@link
 * Backends}). Its {@link #name()} is the value users give to {@code --target}.
 *
 * <p>A backend is stateless and shared; {@link #open} binds it to one program (where calls find their code,
 * where {@code print} writes) and returns a {@link Session} that compiles that program's graphs. Implementations
 * must have a public no-argument constructor.
 */
public interface Backend {
    /** The target name, e.g. {@code interp}: lower-case letters, digits and dashes. */
    String name();

    /** One line for {@code lower --help}. */
    String description();

    /** What the backend can run. */
    Capabilities capabilities();

    /** A session compiling graphs of one program. */
    Session open(Environment environment);

    /** Compiles graphs of one program; a session may be used from several threads. */
    interface Session {
        /**
         * Compiles {@code graph} (a method's graph takes {@code self} first), named {@code name} in errors.
         * Compiling the same graph twice may return the same executable.
         *
         * @throws UnsupportedGraphException when the graph holds something the backend cannot run
         */
        Executable compile(String name, Graph graph);

        /**
         * What in {@code graph} this backend cannot run, each with its location and reason; empty when it can
         * run all of it. Give an inlined graph to learn about the code it calls too.
         */
        List<String> unsupportedOps(String name, Graph graph);
    }
}
