package kiln.frontend.archive;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import kiln.frontend.pickle.GlobalResolver;
import kiln.frontend.pickle.PyValue;
import kiln.frontend.pickle.Unpickler;

/**
 * The zip layout both PyTorch formats share: every entry under one top folder {@code <name>/}, a {@code byteorder}
 * record (little-endian only), a {@code version} record, and pickles whose tensors live in a folder of storages.
 */
public abstract sealed class PyTorchFile implements AutoCloseable permits TorchArchive, TorchSaveFile {
    private final ZipArchive zip;
    private final String prefix;
    private final int version;

    PyTorchFile(ZipArchive zip) {
        this.zip = zip;
        this.prefix = topFolder(zip);
        String byteOrder = text("byteorder").map(String::strip).orElse("little");
        if (byteOrder.equals("big")) {
            throw new ArchiveException(zip.name() + ": big-endian archives are not supported (" + prefix
                    + "byteorder says 'big')");
        }
        if (!byteOrder.equals("little")) {
            throw new ArchiveException(zip.name() + ": unknown byte order '" + byteOrder + "' in " + prefix
                    + "byteorder");
        }
        this.version = readVersion();
    }

    /** Maps the file and reads it with {@code reader}, releasing the mapping if reading fails. */
    static <T extends PyTorchFile> T open(Path path, Function<ZipArchive, T> reader) throws IOException {
        ZipArchive zip = ZipArchive.open(path);
        try {
            return reader.apply(zip);
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static String topFolder(ZipArchive zip) {
        TreeSet<String> folders = new TreeSet<>();
        for (ArchiveEntry entry : zip.entries()) {
            int slash = entry.name().indexOf('/');
            folders.add(slash > 0 ? entry.name().substring(0, slash + 1) : entry.name());
        }
        if (folders.size() != 1 || !folders.first().endsWith("/")) {
            throw new ArchiveException(zip.name() + ": a PyTorch archive keeps all entries in one top folder, "
                    + "found " + (folders.isEmpty() ? "no entries" : folders.stream().limit(5)
                    .collect(Collectors.joining(", ")) + (folders.size() > 5 ? ", ..." : "")));
        }
        return folders.first();
    }

    private int readVersion() {
        String text = text("version").or(() -> text(".data/version")).orElseThrow(() -> new ArchiveException(
                zip.name() + ": no " + prefix + "version record")).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ArchiveException(zip.name() + ": version record '" + text + "' is not a number");
        }
    }

    /** The top folder's name, e.g. {@code resnet18} (or {@code resnet18.io} for a {@code torch.save} file). */
    public String name() {
        return prefix.substring(0, prefix.length() - 1);
    }

    /** The serialization format version: the {@code version} record, or {@code .data/version} without one. */
    public int version() {
        return version;
    }

    /** The underlying zip archive, for its entries. */
    public ZipArchive zip() {
        return zip;
    }

    /** Releases the file mapping; tensor storages must not be read after this. */
    @Override
    public void close() {
        zip.close();
    }

    /** True when {@code <name>/<relative>} exists. */
    boolean has(String relative) {
        return zip.entry(prefix + relative).isPresent();
    }

    /** A small text record under the top folder, if present. */
    Optional<String> text(String relative) {
        return zip.entry(prefix + relative).map(entry -> zip.readText(entry.name()));
    }

    /** Unpickles {@code <name>/<pickle>}, reading its tensors' storages from {@code <name>/<storageFolder>}. */
    PyValue unpickle(String pickle, String storageFolder) {
        String entry = prefix + pickle;
        MemorySegment bytes = zip.read(entry);
        if (bytes.byteSize() > Integer.MAX_VALUE) {
            throw new ArchiveException(zip.name() + ": pickle '" + entry + "' of " + bytes.byteSize()
                    + " bytes is too large");
        }
        StorageLoader storages = new StorageLoader(zip, prefix + storageFolder, entry);
        return new Unpickler(entry, GlobalResolver.pytorch(), storages, Unpickler.Limits.DEFAULT)
                .load(bytes.asByteBuffer());
    }

    /** The text of every {@code <name>/<folder>**<suffix>} entry, keyed by its path below {@code folder}. */
    SequencedMap<String, String> texts(String folder, String suffix) {
        SequencedMap<String, String> texts = new LinkedHashMap<>();
        for (ArchiveEntry entry : zip.entries()) {
            if (entry.name().startsWith(prefix + folder) && entry.name().endsWith(suffix)) {
                texts.put(entry.name().substring(prefix.length() + folder.length()), zip.readText(entry.name()));
            }
        }
        return Collections.unmodifiableSequencedMap(texts);
    }
}
