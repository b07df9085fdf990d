package kiln.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kiln.api.internal.LoadedModel;
import kiln.api.internal.PickledValues;
import kiln.executor.ExecutorOptions;
import kiln.executor.ExecutorStats;
import kiln.frontend.archive.TorchSaveFile;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PySequence;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyValue;
import kiln.runtime.backend.Backends;
import kiln.runtime.backend.Environment;
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.tensor.Tensor;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every fixture model's recorded cases, run three times over on one loaded module with the profiling executor
 * (profiled, then specialized under guards and optimized) and without it: the two give bit-identical results and
 * print the same text, call after call.
 */
class OptimizationDifferentialTest {
    private static final int ROUNDS = 3;

    @Test
    void everyModelGivesTheSameResultsOptimizedOrNot() throws Exception {
        List<String> problems = new ArrayList<>();
        long optimizedRuns = 0;
        for (Path io : Fixtures.list(Fixtures.models(), ".io.pt")) {
            String name = io.getFileName().toString().replace(".io.pt", "");
            Path archive = io.resolveSibling(name + ".pt");
            StringBuilder printedOpt = new StringBuilder();
            StringBuilder printedPlain = new StringBuilder();
            LoadedModel optimized = LoadedModel.open(archive, Backends.named("interp"),
                    Environment.standard().withOutput(printedOpt), ExecutorOptions.DEFAULT);
            LoadedModel plain = LoadedModel.open(archive, Backends.named("interp"),
                    Environment.standard().withOutput(printedPlain), null);
            List<String> methods = new ArrayList<>();
            try (TorchSaveFile file = TorchSaveFile.open(io)) {
                PyList cases = (PyList) ((PyDict) file.data()).require("cases");
                for (int round = 0; round < ROUNDS; round++) {
                    int index = 0;
                    for (PyValue item : cases.items()) {
                        PyDict c = (PyDict) item;
                        String method = c.get("method").map(v -> ((PyStr) v).value()).orElse("forward");
                        if (!methods.contains(method)) {
                            methods.add(method);
                        }
                        // each side gets its own copy of the inputs: a method may change them in place
                        List<Object> a = inputs(c);
                        List<Object> b = inputs(c);
                        String where = name + " round " + round + " case " + index++;
                        List<Object> ra = optimized.call(method, a);
                        List<Object> rb = plain.call(method, b);
                        String diff = difference(ra, rb, "");
                        if (diff != null) {
                            problems.add(where + ": " + diff);
                        }
                        if (!printedOpt.toString().equals(printedPlain.toString())) {
                            problems.add(where + ": printed text differs");
                        }
                    }
                }
            }
            for (String m : methods) {
                ExecutorStats s = optimized.executorStats(m).orElseThrow();
                optimizedRuns += s.optimizedRuns();
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(optimizedRuns > 0, "no specialized graph ran");
    }

    private static List<Object> inputs(PyDict c) {
        PickledValues values = new PickledValues();
        List<Object> args = new ArrayList<>();
        for (PyValue v : ((PySequence) c.require("inputs")).items()) {
            args.add(values.convert(v));
        }
        return args;
    }

    /** Where {@code a} and {@code b} differ, or null: tensors by dtype, shape and every bit, containers deeply. */
    static String difference(Object a, Object b, String path) {
        switch (a) {
            case Tensor x when b instanceof Tensor y -> {
                if (x.dtype() != y.dtype() || !Arrays.equals(x.sizes(), y.sizes())) {
                    return path + ": " + x.dtype() + Arrays.toString(x.sizes()) + " vs " + y.dtype()
                            + Arrays.toString(y.sizes());
                }
                double[] p = x.toDoubleArray();
                double[] q = y.toDoubleArray();
                for (int i = 0; i < p.length; i++) {
                    if (Double.doubleToLongBits(p[i]) != Double.doubleToLongBits(q[i])) {
                        return path + "[" + i + "]: " + p[i] + " vs " + q[i];
                    }
                }
                return null;
            }
            case List<?> x when b instanceof List<?> y -> {
                return elements(x, y, path);
            }
            case ScriptTuple x when b instanceof ScriptTuple y -> {
                return elements(x.elements(), y.elements(), path);
            }
            case ScriptList x when b instanceof ScriptList y -> {
                return elements(x.items(), y.items(), path);
            }
            case ScriptDict x when b instanceof ScriptDict y -> {
                if (!x.entries().keySet().equals(y.entries().keySet())) {
                    return path + ": keys " + x.entries().keySet() + " vs " + y.entries().keySet();
                }
                for (Map.Entry<Object, Object> e : x.entries().entrySet()) {
                    String d = difference(e.getValue(), y.get(e.getKey()), path + "[" + e.getKey() + "]");
                    if (d != null) {
                        return d;
                    }
                }
                return null;
            }
            case null -> {
                return b == null ? null : path + ": None vs " + b;
            }
            default -> {
                return a.equals(b) ? null : path + ": " + a + " vs " + b;
            }
        }
    }

    private static String elements(List<?> x, List<?> y, String path) {
        if (x.size() != y.size()) {
            return path + ": " + x.size() + " vs " + y.size() + " elements";
        }
        for (int i = 0; i < x.size(); i++) {
            String d = difference(x.get(i), y.get(i), path + "[" + i + "]");
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
