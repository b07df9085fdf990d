package kiln.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import kiln.api.spi.ModelFormat;
import kiln.api.spi.Program;
import kiln.executor.ExecutorOptions;
import kiln.runtime.backend.Environment;

/**
 * A loaded model, as {@code torch::jit::load} returns a {@code torch::jit::Module}: a TorchScript archive written by
 * {@code torch.jit.save} (no Python, no libtorch), ready to run on a {@link Target}.
 *
 * <pre>{@code
 * try (Model model = Model.load(Path.of("model.pt"))) {
 *     Value out = model.forward(Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2));
 *     float[] y = out.toTensor().toFloatArray();
 * }
 * }</pre>
 *
 * <p>{@link #forward} and {@link #call} run a method of the root module; {@link #method} gives one to call
 * repeatedly, with keyword arguments, or with a {@link Result} to close. Methods compile on their first call.
 *
 * <p><b>Threads.</b> A model is safe to call from many threads at once: each call runs on the calling thread with
 * its own temporaries, and calls of the same method share its compiled code. What the program does to its own
 * state is not ordered between threads (a method that appends to a list attribute sees the other threads'
 * appends, in no set order), as in PyTorch; methods that read their module's state and write only their results
 * give the same results called concurrently as called one after another.
 *
 * <p><b>Closing.</b> {@link #close()} drops the compiled code; later calls throw {@link IllegalStateException}.
 * Values already returned stay usable.
 */
public final class Model implements AutoCloseable {
    private final Program program;
    private final Target target;
    private final Path source;
    private final Map<String, Method> methods = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private Model(Program program, Target target, Path source) {
        this.program = program;
        this.target = target;
        this.source = source;
    }

    /**
     * How to load a model.
     *
     * @param target       where it runs (default: the {@linkplain Target#interpreter() interpreter})
     * @param output       where the program's {@code print} writes (default: {@code System.out})
     * @param warnings     where its warnings go (default: {@code System.err})
     * @param optimization how the profiling executor optimizes the interpreter's methods (profiled, specialized
     *                     under guards, optimized: {@link ExecutorOptions#DEFAULT}), or null to run them as compiled
     */
    public record Options(Target target, Appendable output, Appendable warnings, ExecutorOptions optimization) {
        public Options {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(warnings, "warnings");
        }

        /** The interpreter under the profiling executor, printing to {@code System.out}, warnings to {@code System.err}. */
        public static Options defaults() {
            return new Options(Target.interpreter(), System.out, System.err, ExecutorOptions.DEFAULT);
        }

        public Options withTarget(Target value) {
            return new Options(value, output, warnings, optimization);
        }

        /** {@link #withTarget(Target)} by name ({@code --target} on the command line). */
        public Options withTarget(String name) {
            return withTarget(Target.named(name));
        }

        public Options withOutput(Appendable value) {
            return new Options(target, value, warnings, optimization);
        }

        public Options withWarnings(Appendable value) {
            return new Options(target, output, value, optimization);
        }

        /** These options with the executor's {@code value} (null: methods run as compiled, {@code --no-optimize}). */
        public Options withOptimization(ExecutorOptions value) {
            return new Options(target, output, warnings, value);
        }
    }

    /** {@link #load(Path, Options)} on the interpreter, printing to {@code System.out}. */
    public static Model load(Path file) throws IOException {
        return load(file, Options.defaults());
    }

    /** {@link #load(Path, Options)} on {@code target}. */
    public static Model load(Path file, Target target) throws IOException {
        return load(file, Options.defaults().withTarget(target));
    }

    /**
     * Loads a model file: a TorchScript archive ({@code torch.jit.save}), or a file of any other {@link ModelFormat}
     * on the class path. The archive's module tree is restored as {@code torch.jit.load} restores it ({@code
     * __setstate__} runs); its tensors are copied out, so the file is closed on return.
     *
     * @throws NoSuchFileException   when there is no such file
     * @throws AccessDeniedException when it cannot be read
     * @throws IOException           when it is a directory, of no known format, or malformed (one line saying so)
     */
    public static Model load(Path file, Options options) throws IOException {
        ModelFormat format = formatOf(file);
        Environment environment = Environment.standard().withOutput(options.output())
                .withWarnings(options.warnings());
        Program program = format.open(file, options.target().backend(), environment, options.optimization());
        return new Model(program, options.target(), file);
    }

    /** The format that recognizes {@code file}, after checking it is a readable regular file. */
    private static ModelFormat formatOf(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not a model file (give the archive torch.jit.save wrote)");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString());
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(ModelFormat.HEAD_BYTES);
        }
        List<ModelFormat> formats = ServiceLoader.load(ModelFormat.class, Model.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(ModelFormat::priority).reversed()).toList();
        for (ModelFormat f : formats) {
            if (f.recognizes(file, head)) {
                return f;
            }
        }
        throw new IOException(file + ": not a model file Kiln can read (known: "
                + String.join(", ", formats.stream().map(ModelFormat::name).toList()) + ")");
    }

    /** Calls {@code forward} with positional arguments (see {@link Method#call(Object...)}). */
    public Value forward(Object... args) {
        return method("forward").call(args);
    }

    /** Calls method {@code name} of the root module with positional arguments (see {@link Method#call(Object...)}). */
    public Value call(String name, Object... args) {
        return method(name).call(args);
    }

    /**
     * Method {@code name} of the root module.
     *
     * @throws IllegalArgumentException naming the model's methods when it has none by that name
     */
    public Method method(String name) {
        requireOpen();
        return methods.computeIfAbsent(name, n -> new Method(this, program, program.signature(n)));
    }

    /** Whether the root module has method {@code name}. */
    public boolean hasMethod(String name) {
        return program.methodNames().contains(name);
    }

    /** The root module's methods, in the order the model defines them. */
    public List<String> methodNames() {
        return program.methodNames();
    }

    /**
     * The root module's attribute {@code name} (a parameter, buffer, submodule, or other attribute) as it is now,
     * as {@code module.attr(name)} in C++; tensors are the module's own (writes show in the module).
     *
     * @throws IllegalArgumentException naming the attributes when there is none by that name
     */
    public Value attribute(String name) {
        return RuntimeValues.fromRuntime(program.attribute(name));
    }

    /** The root module's attribute names, in declaration order. */
    public List<String> attributeNames() {
        return program.attributeNames();
    }

    /** The root module's qualified class name, e.g. {@code __torch__.MyModule}. */
    public String className() {
        return program.className();
    }

    /** The target the model runs on. */
    public Target target() {
        return target;
    }

    /** Drops the compiled code; later calls throw {@link IllegalStateException}. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            program.close();
        }
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the model loaded from " + source + " was closed");
        }
    }

    @Override
    public String toString() {
        return "Model(" + source + ": " + className() + " on " + target + ")";
    }
}
