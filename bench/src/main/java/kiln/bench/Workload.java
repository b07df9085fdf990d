package kiln.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kiln.api.internal.PickledValues;
import kiln.frontend.archive.TorchSaveFile;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PySequence;
import kiln.frontend.pickle.PyValue;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.tensor.Tensor;

/**
 * One program to time: a TorchScript archive, its ONNX export when there is one, and the shapes of its inputs
 * (nested lists are tuples, as in {@code .inputs.json}).
 *
 * @param name      how results are labelled
 * @param archive   the {@code torch.jit.save} archive, run by Kiln and libtorch
 * @param onnx      the same program as ONNX, run by ONNX Runtime (empty when there is none)
 * @param shapes    the input shapes
 */
record Workload(String name, Path archive, Optional<Path> onnx, List<Object> shapes) {

    /** The workloads of issue 7, run by {@code bench all}: every fixtures/bench program, then these models. */
    static final List<String> MODEL_WORKLOADS = List.of("resnet18_b1", "resnet18_b8", "mobilenet_v3_small_b1");

    private static final Pattern MODEL_AT_BATCH = Pattern.compile("(.+)_b(\\d+)");

    /** The repository root: the {@code kiln.root} system property (bin/lower sets it), else the working folder. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("kiln.root", ".")).toAbsolutePath().normalize();
    }

    /** The {@code kiln.fixtures} system property, else {@code ../shared/fixtures} beside the repository. */
    static Path defaultFixtures() {
        String configured = System.getProperty("kiln.fixtures");
        return (configured != null ? Path.of(configured) : repositoryRoot().resolve("../shared/fixtures"))
                .toAbsolutePath().normalize();
    }

    /** Every workload name {@code all} stands for, given the fixtures folder. */
    static List<String> all(Path fixtures) throws IOException {
        List<String> names = new ArrayList<>();
        try (var files = Files.list(fixtures.resolve("bench"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pt")).sorted()
                    .forEach(n -> names.add(n.substring(0, n.length() - 3)));
        }
        names.addAll(MODEL_WORKLOADS);
        return names;
    }

    /**
     * A workload by name ({@code fixtures/bench/NAME.pt} with {@code NAME.inputs.json}, or {@code MODEL_bN}: the
     * model {@code fixtures/models/MODEL.pt} at batch N, its inputs shaped as its recorded case's with the first
     * dimension N and its export {@code fixtures/exports/MODEL.onnx}), or an archive path with {@code inputs}: an
     * {@code .inputs.json} of shapes or an {@code .io.pt} of recorded cases (the first case's shapes).
     */
    static Workload resolve(String spec, Path inputs, Path fixtures) throws IOException {
        Path asFile = Path.of(spec);
        if (spec.endsWith(".pt") && Files.isRegularFile(asFile)) {
            String name = asFile.getFileName().toString().replaceFirst("\\.pt$", "");
            Path in = inputs != null ? inputs : sibling(asFile, ".inputs.json").orElseGet(
                    () -> sibling(asFile, ".io.pt").orElseThrow(() -> new IllegalArgumentException(
                            "no inputs for " + spec + ": give --inputs FILE (.inputs.json or .io.pt)")));
            return new Workload(name, asFile, sibling(asFile, ".onnx"), shapes(in, 0));
        }
        Path bench = fixtures.resolve("bench");
        if (Files.isRegularFile(bench.resolve(spec + ".pt"))) {
            Path in = inputs != null ? inputs : bench.resolve(spec + ".inputs.json");
            return new Workload(spec, bench.resolve(spec + ".pt"), existing(bench.resolve(spec + ".onnx")),
                    shapes(in, 0));
        }
        Matcher m = MODEL_AT_BATCH.matcher(spec);
        if (m.matches() && Files.isRegularFile(fixtures.resolve("models", m.group(1) + ".pt"))) {
            Path archive = fixtures.resolve("models", m.group(1) + ".pt");
            Path in = inputs != null ? inputs : fixtures.resolve("models", m.group(1) + ".io.pt");
            return new Workload(spec, archive, existing(fixtures.resolve("exports", m.group(1) + ".onnx")),
                    shapes(in, Integer.parseInt(m.group(2))));
        }
        throw new IllegalArgumentException("unknown workload '" + spec + "': not an archive, not in "
                + bench + " and not MODEL_bN for a model in " + fixtures.resolve("models"));
    }

    private static Optional<Path> sibling(Path archive, String suffix) {
        String name = archive.getFileName().toString().replaceFirst("\\.pt$", suffix);
        return existing(archive.resolveSibling(name));
    }

    private static Optional<Path> existing(Path p) {
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Input shapes from a file; {@code batch > 0} replaces every top-level tensor's first dimension. */
    static List<Object> shapes(Path file, int batch) throws IOException {
        List<Object> shapes = file.toString().endsWith(".json") ? Inputs.shapesFromJson(file) : recordedShapes(file);
        return batch > 0 ? shapes.stream().map(s -> withBatch(s, batch)).toList() : shapes;
    }

    private static Object withBatch(Object shape, int batch) {
        List<?> dims = (List<?>) shape;
        if (dims.isEmpty() || dims.getFirst() instanceof List<?>) {
            return shape;
        }
        List<Object> out = new ArrayList<>(dims);
        out.set(0, (double) batch);
        return out;
    }

    /** The shapes of the first recorded case's inputs in an {@code .io.pt} file. */
    private static List<Object> recordedShapes(Path io) throws IOException {
        try (TorchSaveFile file = TorchSaveFile.open(io)) {
            if (!(file.data() instanceof PyDict data) || !(data.get("cases").orElse(null) instanceof PyList cases)
                    || cases.items().isEmpty()) {
                throw new IllegalArgumentException(io + ": expected a dict with a non-empty 'cases' list");
            }
            PickledValues values = new PickledValues();
            List<Object> shapes = new ArrayList<>();
            for (PyValue v : ((PySequence) ((PyDict) cases.items().getFirst()).require("inputs")).items()) {
                shapes.add(shapeOf(values.convert(v), io));
            }
            return shapes;
        }
    }

    private static Object shapeOf(Object value, Path io) {
        return switch (value) {
            case Tensor t -> java.util.Arrays.stream(t.sizes()).mapToObj(d -> (Object) (double) d).toList();
            case ScriptTuple t -> t.elements().stream().map(e -> shapeOf(e, io)).toList();
            default -> throw new IllegalArgumentException(io + ": the bench takes tensor inputs only, not " + value);
        };
    }
}
