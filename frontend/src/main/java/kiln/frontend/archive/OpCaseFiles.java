package kiln.frontend.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyValue;

/**
 * Single-operator cases laid out like the fixtures' {@code ops/}: each {@code <op>.pt} is a {@code torch.save}
 * dict whose {@code cases} list holds one dict per case ({@code src}, {@code fn}, {@code inputs},
 * {@code expected}, {@code graph}, …).
 */
public final class OpCaseFiles {
    private OpCaseFiles() {
    }

    /**
     * One case.
     *
     * @param id     {@code <file>#<index>}, e.g. {@code add.pt#2}
     * @param file   the file's name
     * @param fields the case's dict
     */
    public record OpCase(String id, String file, PyDict fields) {
        /** A string field, such as {@code src}, {@code fn} or {@code graph}. */
        public String string(String key) {
            return ((PyStr) fields.require(key)).value();
        }

        public PyValue field(String key) {
            return fields.require(key);
        }
    }

    /** Visits one case; may throw anything a test or a runner needs to report. */
    @FunctionalInterface
    public interface Visitor {
        void visit(OpCase c) throws Exception;
    }

    /** The {@code .pt} files of {@code dir}, sorted by name. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".pt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every case of every file of {@code dir}, files by name and cases in file order. */
    public static void forEach(Path dir, Visitor visitor) throws Exception {
        for (Path p : files(dir)) {
            forEachIn(p, visitor);
        }
    }

    /** Every case of one file, in order; visited while the file is open (tensor data is read lazily). */
    public static void forEachIn(Path file, Visitor visitor) throws Exception {
        String name = file.getFileName().toString();
        try (TorchSaveFile f = TorchSaveFile.open(file)) {
            if (!(f.data() instanceof PyDict d) || !(d.get("cases").orElse(null) instanceof PyList list)) {
                throw new IllegalArgumentException(file + ": expected a dict with a 'cases' list");
            }
            int i = 0;
            for (PyValue item : list.items()) {
                if (!(item instanceof PyDict fields)) {
                    throw new IllegalArgumentException(file + ": case " + i + " is not a dict");
                }
                visitor.visit(new OpCase(name + "#" + i++, name, fields));
            }
        }
    }
}
