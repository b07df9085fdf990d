package kiln.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.api.Model;
import kiln.api.RuntimeValues;
import kiln.api.Target;
import kiln.api.Value;
import kiln.api.internal.PickledValues;
import kiln.executor.ExecutorOptions;
import kiln.frontend.archive.TorchSaveFile;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PySequence;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyValue;
import kiln.runtime.backend.Backend;

/**
 * The selected cases of one model ({@code models/<name>.pt} with its {@code <name>.io.pt}). Cases run in order on
 * one loaded module, as PyTorch recorded them, so every case up to the last selected one runs (state carries
 * over); each selected case must return the recorded outputs and print the recorded {@code stdout}. Models load and
 * run through the public API ({@link Model}), so that every recorded case also checks its conversions of arguments
 * and results.
 *
 * @param archive  the {@code torch.jit.save} archive
 * @param cases    the {@code torch.save} file of cases
 * @param selected case index → case id
 */
record ModelUnit(Path archive, Path cases, Map<Integer, String> selected) implements CaseUnit {
    @Override
    public String group() {
        return "models";
    }

    @Override
    public void run(Backend backend, ExecutorOptions optimization, CaseExecutor executor, Listener listener) {
        Set<String> reported = new HashSet<>();
        StringBuilder printed = new StringBuilder();
        Model[] model = new Model[1];
        Verdict loading = executor.run(() -> {
            model[0] = Model.load(archive, Model.Options.defaults().withTarget(Target.of(backend))
                    .withOptimization(optimization).withOutput(printed).withWarnings(new StringBuilder()));
            return null;
        });
        if (loading != null) {
            CaseUnit.errorRest(ids(), reported, listener, "does not load: " + loading.message());
            return;
        }
        try (Model loaded = model[0]; TorchSaveFile file = TorchSaveFile.open(cases)) {
            List<PyValue> items = ((PyList) ((PyDict) file.data()).require("cases")).items();
            int last = selected.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            PickledValues values = new PickledValues();
            for (int i = 0; i <= last && i < items.size(); i++) {
                PyDict c = (PyDict) items.get(i);
                long start = System.nanoTime();
                printed.setLength(0);
                Verdict v = executor.run(() -> runCase(c, loaded, values, printed));
                if (selected.containsKey(i)) {
                    reported.add(selected.get(i));
                    listener.done(selected.get(i), v, (System.nanoTime() - start) / 1e9);
                }
                if (executor.timedOut()) {
                    CaseUnit.errorRest(ids(), reported, listener, "not run: case " + i + " timed out");
                    return;
                }
            }
        } catch (Exception | Error e) {
            CaseUnit.errorRest(ids(), reported, listener, "cannot read " + cases.getFileName() + ": "
                    + CaseExecutor.describe(e));
            return;
        }
        CaseUnit.errorRest(ids(), reported, listener, "no such case in " + cases.getFileName());
    }

    private static Verdict runCase(PyDict c, Model model, PickledValues values, StringBuilder printed) {
        String method = c.get("method").map(m -> ((PyStr) m).value()).orElse("forward");
        List<Value> inputs = new ArrayList<>();
        for (PyValue v : ((PySequence) c.require("inputs")).items()) {
            inputs.add(RuntimeValues.fromRuntime(values.convert(v)));
        }
        Value result = model.method(method).call(inputs, Map.of());
        Verdict v = Verdict.of(FixtureComparison.compare(c.require("outputs"), RuntimeValues.toRuntime(result)));
        if (!v.passed() || !(c.get("stdout").orElse(null) instanceof PyStr stdout)) {
            return v;
        }
        String actual = printed.toString();
        return switch (FixtureComparison.printed(stdout.value(), actual)) {
            case EXACT, CLOSE -> v;
            case DIFFERENT -> new Verdict(false, false, "printed " + quote(actual) + ", expected "
                    + quote(stdout.value()), v.maxAbsErr());
        };
    }

    private static String quote(String s) {
        String one = s.replace("\n", "\\n");
        return "'" + (one.length() > 120 ? one.substring(0, 117) + "..." : one) + "'";
    }
}
