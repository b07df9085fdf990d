package kiln.api.internal;

import java.io.IOException;
import java.nio.file.Path;
import kiln.api.spi.ModelFormat;
import kiln.api.spi.Program;
import kiln.executor.ExecutorOptions;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Environment;

/**
 * TorchScript archives as {@code torch.jit.save} writes them: any zip archive, asked last ({@linkplain #priority()
 * priority} 0), loaded as a {@link LoadedModel}. A zip that is not such an archive fails to load with the archive
 * reader's message naming what is missing.
 */
public final class TorchScriptFormat implements ModelFormat {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    @Override
    public String name() {
        return "TorchScript archive (torch.jit.save)";
    }

    @Override
    public boolean recognizes(Path file, byte[] head) {
        if (head.length < ZIP_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ZIP_MAGIC.length; i++) {
            if (head[i] != ZIP_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Program open(Path file, Backend backend, Environment environment, ExecutorOptions optimization)
            throws IOException {
        return LoadedModel.open(file, backend, environment, optimization);
    }
}
