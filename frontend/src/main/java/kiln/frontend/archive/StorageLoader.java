package kiln.frontend.archive;

import java.util.HashMap;
import java.util.Map;

import kiln.frontend.pickle.PyInt;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyTuple;
import kiln.frontend.pickle.PyValue;
import kiln.frontend.pickle.Storage;
import kiln.frontend.pickle.StorageClass;
import kiln.frontend.pickle.Unpickler;

/**
 * Resolves the persistent ids {@code ('storage', torch.<Type>Storage, key, location, numel)} of one pickle to
 * {@link Storage}s over the entries {@code <folder><key>}. The entry's size must be exactly {@code numel} elements;
 * its bytes are read on first use. Every id with the same key gets the same {@code Storage}.
 */
final class StorageLoader implements Unpickler.PersistentLoader {
    private final ZipArchive zip;
    private final String folder;
    private final String pickle;
    private final Map<String, Storage> loaded = new HashMap<>();

    /**
     * @param folder the entry folder of the storages, e.g. {@code resnet18/data/}
     * @param pickle the pickle's entry, for messages
     */
    StorageLoader(ZipArchive zip, String folder, String pickle) {
        this.zip = zip;
        this.folder = folder;
        this.pickle = pickle;
    }

    @Override
    public PyValue load(PyValue persistentId) {
        if (!(persistentId instanceof PyTuple id) || id.size() != 5 || !(id.get(0) instanceof PyStr(var kind))
                || !kind.equals("storage") || !(id.get(1) instanceof StorageClass type)
                || !(id.get(2) instanceof PyStr(var key)) || !(id.get(3) instanceof PyStr(var location))
                || !(id.get(4) instanceof PyInt(var numel))) {
            throw new IllegalArgumentException("persistent id " + persistentId
                    + " is not ('storage', <storage class>, key, location, numel)");
        }
        Storage known = loaded.get(key);
        if (known != null) {
            if (known.dtype() != type.dtype() || known.numel() != numel) {
                throw new IllegalArgumentException("storage '" + key + "' seen as " + known.numel() + " of "
                        + known.dtype() + " and as " + numel + " of " + type.dtype());
            }
            return known;
        }
        String entryName = folder + key;
        ArchiveEntry entry = zip.entry(entryName).orElseThrow(() -> new ArchiveException(zip.name() + ": "
                + pickle + " refers to storage '" + key + "' but there is no entry '" + entryName + "'"));
        long bytes = Storage.byteSize(numel, type.dtype());
        if (entry.size() != bytes) {
            throw new ArchiveException(zip.name() + ": storage entry '" + entryName + "' holds " + entry.size()
                    + " bytes, but " + pickle + " declares " + numel + " elements of " + type.dtype() + " ("
                    + bytes + " bytes)");
        }
        Storage storage = new Storage(key, type.dtype(), numel, location, () -> zip.read(entry));
        loaded.put(key, storage);
        return storage;
    }
}
