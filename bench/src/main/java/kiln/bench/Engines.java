package kiln.bench;

import java.util.List;

/** Opens the engines by name, for the bench command and the JMH benchmarks alike. */
final class Engines {
    /** Every engine, in the order tables list them; {@code kiln} first, the other two are its peers. */
    static final List<String> NAMES = List.of("kiln", "libtorch", "ort");

    private Engines() {
    }

    /**
     * Engine {@code name} prepared to run {@code workload} on {@code inputs}; {@code target} is where Kiln runs
     * (only {@code interp}, the reference interpreter, exists so far).
     */
    static Engine open(String name, Workload workload, List<Inputs.Arg> inputs, String target) throws Exception {
        return switch (name) {
            case "kiln" -> {
                if (!target.equals("interp")) {
                    throw new IllegalArgumentException("unknown target '" + target + "' (available: interp)");
                }
                yield new KilnEngine(workload.archive(), inputs);
            }
            case "libtorch" -> new TorchEngine(workload.archive(), inputs);
            case "ort" -> new OrtEngine(workload.onnx().orElseThrow(() -> new IllegalArgumentException(
                    "no ONNX export beside " + workload.archive().getFileName())), inputs);
            default -> throw new IllegalArgumentException("unknown engine '" + name + "' (available: " + NAMES + ")");
        };
    }
}
