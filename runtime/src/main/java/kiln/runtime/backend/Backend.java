package kiln.runtime.backend;

import java.util.List;
import java.util.Set;
import kiln.dialects.ir.Operation;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphModule;

/**
 * A place where programs run: the reference interpreter, a JIT compiler for CPUs, a GPU compiler. Backends are found
 * with {@link java.util.ServiceLoader}: a jar on the class path that lists an implementation in {@code
 * META-INF/services/kiln.runtime.backend.Backend} adds a target, with no change to Kiln ({@link Backends}). Its
 * {@link #name()} is the value users give to {@code --target}.
 *
 * <p>A backend says what it consumes: the dialects its compiler takes ({@link #inputDialects()}) and the passes, in
 * {@code lower opt --pass-pipeline} syntax, that bring a torch module into them ({@link #loweringPipeline()}). The
 * caller runs that pipeline on a module (a {@code builtin.module} of {@code builtin.func}s) and gives the module to
 * {@link Session#compile(Operation, String)}.
 *
 * <p>A backend is stateless and shared; {@link #open} binds it to one program (where calls find their code, where
 * {@code print} writes) and returns a {@link Session} that compiles that program's functions. Implementations must
 * have a public no-argument constructor.
 */
public interface Backend {
    /** The target name, e.g. {@code interp}: lower-case letters, digits and dashes. */
    String name();

    /** One line for {@code lower --help}. */
    String description();

    /** What the backend can run. */
    Capabilities capabilities();

    /**
     * The dialects whose ops it compiles, by {@link kiln.dialects.ir.Dialect#name()} ({@code torch}); the builtin
     * module, function and return are always accepted. A function holding an op of another dialect is refused
     * ({@link InputDialects}).
     */
    Set<String> inputDialects();

    /**
     * The passes to run on a module before {@link Session#compile}, as {@code lower opt --pass-pipeline} writes them
     * ({@code ""} for none: the interpreter runs the torch dialect as the frontend leaves it).
     */
    String loweringPipeline();

    /** A session compiling functions of one program. */
    Session open(Environment environment);

    /** Compiles functions of one program; a session may be used from several threads. */
    interface Session {
        /**
         * Compiles function {@code function} of {@code module} (a method's function takes {@code self} first); its
         * name is the function's in errors. Compiling the same function of the same module twice may return the same
         * executable.
         *
         * @throws UnsupportedGraphException when the function holds ops outside the backend's input dialects (each
         *                                   named with its location), or something else the backend cannot run
         * @throws IllegalArgumentException  when the module has no such function with a body
         */
        Executable compile(Operation module, String function);

        /**
         * What in function {@code function} of {@code module} this backend cannot run, each with its location and
         * reason; empty when it can run all of it. Give an inlined function to learn about the code it calls too.
         */
        List<String> unsupportedOps(Operation module, String function);

        /** Compiles a standalone graph: a copy of it as function {@code name} of a module of its own. */
        default Executable compile(String name, Graph graph) {
            return compile(GraphModule.of(name, graph), name);
        }

        /** {@link #unsupportedOps(Operation, String)} of a copy of {@code graph} as function {@code name}. */
        default List<String> unsupportedOps(String name, Graph graph) {
            return unsupportedOps(GraphModule.of(name, graph), name);
        }
    }
}
