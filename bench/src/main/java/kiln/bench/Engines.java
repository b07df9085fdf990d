package kiln.bench;

import java.util.List;
import kiln.runtime.backend.Backends;

/** Opens the engines by name, for the bench command and the JMH benchmarks alike. */
final class Engines {
    /** Every engine, in the order tables list them; {@code kiln} first, the other two are its peers. */
    static final List<String> NAMES = List.of("kiln", "libtorch", "ort");

    private Engines() {
    }

    /**
     * Engine {@code name} prepared to run {@code workload} on {@code inputs}; {@code target} is where Kiln runs
     * (a backend found on the class path, {@code interp} by default).
     */
    static Engine open(String name, Workload workload, List<Inputs.Arg> inputs, String target) throws Exception {
        return switch (name) {
            case "kiln" -> new KilnEngine(workload.archive(), inputs, Backends.named(target));
            case "libtorch" -> new TorchEngine(workload.archive(), inputs);
            case "ort" -> new OrtEngine(workload.onnx().orElseThrow(() -> new IllegalArgumentException(
                    "no ONNX export beside " + workload.archive().getFileName())), inputs);
            default -> throw new IllegalArgumentException("unknown engine '" + name + "' (available: " + NAMES + ")");
        };
    }
}
