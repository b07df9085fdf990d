package kiln.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kiln.frontend.archive.TorchSaveFile;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PySequence;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyValue;
import kiln.runtime.interp.Interpreter;
import kiln.runtime.interp.value.ScriptException;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every fixture model whose methods the interpreter can run (every op reachable from them has a kernel) is run
 * on its recorded cases, in order on one loaded module; outputs and printed text must match PyTorch's. The
 * models that cannot run yet are listed with the first missing op. {@link #RUNNING} may only grow.
 */
class ModelRunTest {
    /** Models that must run and match. */
    static final Set<String> RUNNING = Set.of("beam_decoder", "containers", "control_flow", "fork_join",
            "full_basic_model", "inplace_views", "linear_layer", "lstm_cell", "lstm_seq", "mlp", "mobilenet_v3_small",
            "my_module_state", "pointwise", "resnet18", "resnet_small", "rnn_print", "text_classifier",
            "tiny_attention", "tree_mm", "with_export");

    @Test
    void modelsRunLikePyTorch() throws Exception {
        Map<String, String> status = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Path io : Fixtures.list(Fixtures.models(), ".io.pt")) {
            String name = io.getFileName().toString().replace(".io.pt", "");
            String result = run(name, io, io.resolveSibling(name + ".pt"));
            boolean ok = result == null || result.equals(CLOSE);
            status.put(name, result == null ? "runs and matches" : result);
            if (RUNNING.contains(name) && !ok) {
                failures.add(name + ": " + result);
            }
        }
        System.out.println("models on the interpreter:");
        status.forEach((k, v) -> System.out.printf("  %-20s %s%n", k, v));
        assertEquals(List.of(), failures, "models that ran before fail now");
    }

    /** The result of a model whose printed floats match PyTorch's within tolerance, not to the last digit. */
    private static final String CLOSE = "runs and matches (printed float32 values within tolerance)";

    /** Null when every case matches, else why not. */
    private static String run(String name, Path io, Path archive) throws Exception {
        StringBuilder out = new StringBuilder();
        LoadedModel model;
        try {
            model = LoadedModel.open(archive, Interpreter.builder().output(out).warnings(new StringBuilder()));
        } catch (RuntimeException e) {
            return "does not load: " + e.getMessage().lines().findFirst().orElse("");
        }
        try (TorchSaveFile file = TorchSaveFile.open(io)) {
            PyList cases = (PyList) ((PyDict) file.data()).require("cases");
            Set<String> methods = new LinkedHashSet<>();
            cases.items().forEach(c -> methods.add(((PyStr) ((PyDict) c).require("method")).value()));
            Map<String, List<String>> missing = new LinkedHashMap<>();
            for (String m : methods) {
                try {
                    List<String> ops = model.unsupportedOps(m);
                    if (!ops.isEmpty()) {
                        missing.put(m, ops);
                    }
                } catch (RuntimeException e) {
                    return "does not compile: " + e.getMessage().lines().findFirst().orElse("");
                }
            }
            if (!missing.isEmpty()) {
                Set<String> names = new LinkedHashSet<>();
                missing.values().forEach(l -> l.forEach(s -> names.add(s.replaceAll(" at .*", ""))));
                return "missing " + String.join(", ", names);
            }
            PickledValues values = new PickledValues();
            boolean printedClose = false;
            int i = 0;
            for (PyValue item : cases.items()) {
                PyDict c = (PyDict) item;
                String method = ((PyStr) c.require("method")).value();
                List<Object> inputs = new ArrayList<>();
                for (PyValue v : ((PySequence) c.require("inputs")).items()) {
                    inputs.add(values.convert(v));
                }
                out.setLength(0);
                List<Object> result;
                try {
                    result = model.call(method, inputs);
                } catch (ScriptException e) {
                    return "case " + i + " fails: " + e.getMessage().lines().findFirst().orElse("");
                }
                String m = FixtureComparison.mismatch(c.require("outputs"), result.getFirst());
                if (m != null) {
                    return "case " + i + " " + m;
                }
                String stdout = ((PyStr) c.require("stdout")).value();
                switch (FixtureComparison.printed(stdout, out.toString())) {
                    case EXACT -> { }
                    case CLOSE -> printedClose = true;
                    case DIFFERENT -> {
                        return "case " + i + " printed " + quote(out.toString()) + ", expected " + quote(stdout);
                    }
                }
                i++;
            }
            return printedClose ? CLOSE : null;
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("\n", "\\n") + "'";
    }
}
