package kiln.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import kiln.frontend.archive.OpCaseFiles;
import kiln.frontend.archive.TorchSaveFile;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyList;

/**
 * Finds the cases of a folder laid out like PyTorch's conformance fixtures: {@code models/<name>.pt} with
 * {@code <name>.io.pt} (cases {@code models/<name>#<i>}) and {@code ops/<op>.pt} (cases {@code ops/<op>#<i>});
 * either sub-folder may be absent. A file that cannot be read becomes one case ({@code models/<name>} or
 * {@code ops/<op>}) that errors, so a broken file is reported, not skipped.
 */
final class CasePlan {
    private CasePlan() {
    }

    /** The units to run, models first, each with the cases {@code filter} selects; empty units are left out. */
    static List<CaseUnit> of(Path dir, Predicate<String> filter) throws IOException {
        Path models = dir.resolve("models");
        Path ops = dir.resolve("ops");
        if (!Files.isDirectory(models) && !Files.isDirectory(ops)) {
            throw new IllegalArgumentException(dir + ": no models/ or ops/ folder to run");
        }
        List<CaseUnit> units = new ArrayList<>();
        if (Files.isDirectory(models)) {
            for (Path io : list(models, ".io.pt")) {
                String name = io.getFileName().toString().replace(".io.pt", "");
                Map<Integer, String> selected = select("models/" + name, caseCount(io), filter);
                if (!selected.isEmpty()) {
                    units.add(new ModelUnit(io.resolveSibling(name + ".pt"), io, selected));
                }
            }
        }
        if (Files.isDirectory(ops)) {
            for (Path file : OpCaseFiles.files(ops)) {
                String name = file.getFileName().toString().replaceFirst("\\.pt$", "");
                Map<Integer, String> selected = select("ops/" + name, caseCount(file), filter);
                if (!selected.isEmpty()) {
                    units.add(new OpFileUnit(file, selected));
                }
            }
        }
        return units;
    }

    /** Case index → id for the selected cases of a file of {@code count} cases (-1: unreadable). */
    private static Map<Integer, String> select(String prefix, int count, Predicate<String> filter) {
        Map<Integer, String> selected = new LinkedHashMap<>();
        if (count < 0) {
            if (filter.test(prefix)) {
                selected.put(0, prefix);
            }
            return selected;
        }
        for (int i = 0; i < count; i++) {
            String id = prefix + "#" + i;
            if (filter.test(id)) {
                selected.put(i, id);
            }
        }
        return selected;
    }

    /** How many cases a {@code torch.save} file of cases holds; -1 when it cannot be read as one. */
    private static int caseCount(Path file) {
        try (TorchSaveFile f = TorchSaveFile.open(file)) {
            return f.data() instanceof PyDict d && d.get("cases").orElse(null) instanceof PyList cases
                    ? cases.items().size() : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
