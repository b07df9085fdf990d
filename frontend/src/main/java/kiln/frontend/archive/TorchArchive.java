package kiln.frontend.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SequencedMap;

import kiln.frontend.pickle.PyObject;
import kiln.frontend.pickle.PyTuple;
import kiln.frontend.pickle.PyValue;

/**
 * A TorchScript archive written by {@code torch.jit.save}: the module object tree ({@code data.pkl}, tensors from
 * {@code data/}), the constants table ({@code constants.pkl}, tensors from {@code constants/}), the TorchScript
 * sources ({@code code/**.py}) and the format version. Pickles and sources are read when opened; tensor bytes on
 * first use.
 */
public final class TorchArchive extends PyTorchFile {
    private final PyValue data;
    private final PyTuple constants;
    private final SequencedMap<String, String> code;

    private TorchArchive(ZipArchive zip) {
        super(zip);
        this.data = unpickle("data.pkl", "data/");
        PyValue constantTable = has("constants.pkl") ? unpickle("constants.pkl", "constants/") : PyTuple.EMPTY;
        if (!(constantTable instanceof PyTuple tuple)) {
            throw new ArchiveException(zip.name() + ": constants.pkl holds a " + constantTable.typeName()
                    + ", expected a tuple");
        }
        this.constants = tuple;
        this.code = texts("code/", ".py");
    }

    /** Opens a {@code .pt} file (memory-mapped until {@link #close()}). */
    public static TorchArchive open(Path path) throws IOException {
        return open(path, TorchArchive::new);
    }

    /** Reads an archive held in memory; {@code name} is used in messages. */
    public static TorchArchive of(byte[] bytes, String name) {
        return new TorchArchive(ZipArchive.of(bytes, name));
    }

    public static TorchArchive of(ZipArchive zip) {
        return new TorchArchive(zip);
    }

    /** The root module object and everything it holds. */
    public PyValue data() {
        return data;
    }

    /** The root module, when {@code data.pkl} holds one (it does for every scripted module). */
    public PyObject module() {
        if (!(data instanceof PyObject module)) {
            throw new ArchiveException(zip().name() + ": data.pkl holds a " + data.typeName()
                    + ", not a module object");
        }
        return module;
    }

    /** The constants table that {@code CONSTANTS.c<n>} in the sources refers to. */
    public PyTuple constants() {
        return constants;
    }

    /** The TorchScript sources, keyed by path below {@code code/}, e.g. {@code __torch__/corpus_public.py}. */
    public SequencedMap<String, String> code() {
        return code;
    }
}
