package kiln.frontend.archive;

import java.io.IOException;
import java.nio.file.Path;

import kiln.frontend.pickle.PyValue;

/**
 * A file written by {@code torch.save} in the zip format: one pickled object ({@code data.pkl}) whose tensors live
 * in {@code data/<key>}. The pickle is read when opened; tensor bytes on first use.
 */
public final class TorchSaveFile extends PyTorchFile {
    private final PyValue data;

    private TorchSaveFile(ZipArchive zip) {
        super(zip);
        this.data = unpickle("data.pkl", "data/");
    }

    /** Opens a file (memory-mapped until {@link #close()}). */
    public static TorchSaveFile open(Path path) throws IOException {
        return open(path, TorchSaveFile::new);
    }

    /** Reads a file held in memory; {@code name} is used in messages. */
    public static TorchSaveFile of(byte[] bytes, String name) {
        return new TorchSaveFile(ZipArchive.of(bytes, name));
    }

    public static TorchSaveFile of(ZipArchive zip) {
        return new TorchSaveFile(zip);
    }

    /** The saved object. */
    public PyValue data() {
        return data;
    }
}
