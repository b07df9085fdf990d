package kiln.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmarks one workload: opens the three engines on the same inputs, checks that their outputs agree, picks
 * each peer's fastest thread setting, then times all of them interleaved. The result is a JSON-ready map.
 */
final class WorkloadRun {
    /** Outputs agree when their largest difference is within this fraction of the largest output magnitude (≥ 1). */
    static final double TOLERANCE = 1e-3;

    /**
     * How long to run: timed calls per engine, consecutive calls per engine in a round, warm-up calls and
     * milliseconds per engine, the quiet before each block, and the time budgets (milliseconds).
     */
    record Plan(int iterations, int block, int warmup, double warmupMs, double settleMs, double budgetMs,
            double settingBudgetMs) {
        /** One call per engine and nothing more: what the CI smoke test runs. */
        static Plan smoke() {
            return new Plan(1, 1, 0, 0, 0, 0, 0);
        }
    }

    private final Workload workload;
    private final String target;
    private final Plan plan;
    private final PrintWriter log;

    WorkloadRun(Workload workload, String target, Plan plan, PrintWriter log) {
        this.workload = workload;
        this.target = target;
        this.plan = plan;
        this.log = log;
    }

    /** Runs the workload with every engine in {@code engineNames} that opens. */
    Map<String, Object> run(List<String> engineNames) {
        List<Inputs.Arg> inputs = Inputs.randomNormal(workload.shapes(), Inputs.SEED);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", workload.name());
        result.put("archive", workload.archive().toString());
        result.put("onnx", workload.onnx().map(Object::toString).orElse(null));
        result.put("inputs", Inputs.describe(workload.shapes()));
        result.put("input_seed", Inputs.SEED);
        result.put("target", target);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("calls_per_engine", plan.iterations());
        timing.put("block", plan.block());
        timing.put("warmup_calls", plan.warmup());
        timing.put("warmup_ms", plan.warmupMs());
        timing.put("settle_ms", plan.settleMs());
        result.put("timing", timing);
        Map<String, Map<String, Object>> byEngine = new LinkedHashMap<>();
        List<Engine> engines = new ArrayList<>();
        try {
            for (String name : engineNames) {
                Map<String, Object> entry = new LinkedHashMap<>();
                byEngine.put(name, entry);
                try {
                    Engine e = Engines.open(name, workload, inputs, target);
                    engines.add(e);
                    e.call();
                } catch (Exception | LinkageError e) {
                    engines.removeIf(x -> x.name().equals(name));
                    entry.put("unavailable", firstLine(e));
                }
            }
            checkAgreement(engines, byEngine);
            for (Engine e : engines) {
                chooseSetting(e, byEngine.get(e.name()));
            }
            if (plan.iterations() > 1 || plan.warmup() > 0) {
                Timing.interleaved(engines, plan.warmup(), plan.warmupMs(), plan.iterations(), plan.block(),
                        plan.settleMs(), plan.budgetMs())
                        .forEach((e, s) -> byEngine.get(e.name()).putAll(s.json()));
            } else {
                engines.forEach(e -> byEngine.get(e.name()).putAll(Timing.Stats.of(List.of(Timing.once(e))).json()));
            }
        } finally {
            engines.forEach(Engine::close);
        }
        result.put("engines", byEngine);
        result.put("ratios", ratios(byEngine));
        return result;
    }

    /**
     * Compares every engine's first outputs with Kiln's (or, without Kiln, libtorch's). libtorch is retried
     * without oneDNN when it alone disagrees (its oneDNN LSTM is wrong under no_grad on this CPU).
     */
    private void checkAgreement(List<Engine> engines, Map<String, Map<String, Object>> byEngine) {
        if (engines.size() < 2) {
            return;
        }
        Engine reference = engines.getFirst();
        List<float[]> ref = reference.outputs();
        double scale = Math.max(1, Timing.maxAbs(ref));
        for (Engine e : engines.subList(1, engines.size())) {
            double diff = Timing.maxAbsDiff(ref, e.outputs());
            if (diff > TOLERANCE * scale && e instanceof TorchEngine torch) {
                torch.disableOneDnn();
                torch.call();
                double without = Timing.maxAbsDiff(ref, e.outputs());
                log.printf("  libtorch differs by %.3g with oneDNN; without oneDNN: %.3g%n", diff, without);
                byEngine.get(e.name()).put("onednn", without < diff ? "off (its result was wrong)" : "off");
                diff = without;
            }
            Map<String, Object> entry = byEngine.get(e.name());
            entry.put("max_abs_diff_vs_" + reference.name(), diff);
            entry.put("agrees", diff <= TOLERANCE * scale);
            if (diff > TOLERANCE * scale) {
                log.printf("  WARNING: %s's outputs differ from %s's by %.3g (scale %.3g)%n", e.name(),
                        reference.name(), diff, scale);
            }
        }
    }

    /** Times each setting of {@code e} alone and keeps the fastest; the figures go into {@code entry}. */
    private void chooseSetting(Engine e, Map<String, Object> entry) {
        List<String> settings = e.settings();
        if (settings.size() > 1 && plan.settingBudgetMs() > 0) {
            Map<String, Object> tried = new LinkedHashMap<>();
            String best = settings.getFirst();
            double bestMs = Double.MAX_VALUE;
            for (String s : settings) {
                e.use(s);
                Timing.Stats stats = Timing.alone(e, 2, 7, plan.settingBudgetMs());
                tried.put(s, stats.json());
                if (stats.medianMs() < bestMs) {
                    bestMs = stats.medianMs();
                    best = s;
                }
            }
            entry.put("settings_tried", tried);
            settings = List.of(best);
        }
        e.use(settings.getFirst());
        entry.put("setting", settings.getFirst());
    }

    /** Kiln's time over each peer's, of the medians ({@code kiln/libtorch}) and of the minimums ({@code ... (min)}). */
    private static Map<String, Object> ratios(Map<String, Map<String, Object>> byEngine) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (String stat : List.of("median_ms", "min_ms")) {
            Object kiln = byEngine.getOrDefault("kiln", Map.of()).get(stat);
            for (String peer : List.of("libtorch", "ort")) {
                Object other = byEngine.getOrDefault(peer, Map.of()).get(stat);
                if (kiln instanceof Double k && other instanceof Double o) {
                    r.put("kiln/" + peer + (stat.equals("min_ms") ? " (min)" : ""), Timing.round(k / o));
                }
            }
        }
        return r;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
