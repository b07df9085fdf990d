package kiln.api.spi;

import java.io.IOException;
import java.nio.file.Path;
import kiln.executor.ExecutorOptions;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Environment;

/**
 * A kind of model file the API can load, found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/kiln.api.spi.ModelFormat}). {@code Model.load} reads the first bytes of a file and asks each
 * format, highest {@link #priority()} first, whether it {@linkplain #recognizes recognizes} them; the first that
 * does opens it. Kiln's own: TorchScript archives as {@code torch.jit.save} writes them (priority 0, any zip
 * archive). A format for compiled artifacts, which are zip archives too, recognizes its own manifest with a higher
 * priority.
 */
public interface ModelFormat {
    /** How many leading bytes {@link #recognizes} sees at most (fewer for a shorter file). */
    int HEAD_BYTES = 4096;

    /** A short name for messages: {@code TorchScript archive}. */
    String name();

    /** Formats with a higher priority are asked first; TorchScript archives, the fallback for zip files, have 0. */
    default int priority() {
        return 0;
    }

    /**
     * Whether {@code file}, whose first bytes are {@code head}, is of this format. May read the file further (a zip
     * archive's directory); must not fail for a file of another format.
     */
    boolean recognizes(Path file, byte[] head) throws IOException;

    /**
     * Loads {@code file} for {@code backend}: the program's {@code print} writes to {@code environment}'s output,
     * warnings to its warnings; the format supplies the program's callables and constants.
     *
     * @param optimization how the profiling executor optimizes methods that the format compiles for the
     *                     interpreter, or null to run them as compiled (a format of precompiled code may ignore it)
     * @throws IOException when the file cannot be read or is malformed
     */
    Program open(Path file, Backend backend, Environment environment, ExecutorOptions optimization)
            throws IOException;
}
