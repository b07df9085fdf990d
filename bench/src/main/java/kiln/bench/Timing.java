package kiln.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wall-clock timing of engine calls: alone (to choose settings) and interleaved (the comparison itself). */
final class Timing {
    private Timing() {
    }

    /** Median and minimum milliseconds per call over {@code calls} timed calls. */
    record Stats(double medianMs, double minMs, int calls) {
        static Stats of(List<Double> ms) {
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Stats(median, sorted[0], n);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("median_ms", round(medianMs));
            m.put("min_ms", round(minMs));
            m.put("calls", calls);
            return m;
        }
    }

    /** One call's milliseconds. */
    static double once(Engine e) {
        long t0 = System.nanoTime();
        e.call();
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * Times {@code e} alone: one untimed call, then at least {@code minCalls} and at most {@code maxCalls} calls,
     * stopping once {@code budgetMs} is spent.
     */
    static Stats alone(Engine e, int minCalls, int maxCalls, double budgetMs) {
        e.call();
        List<Double> ms = new ArrayList<>();
        double spent = 0;
        while (ms.size() < minCalls || (ms.size() < maxCalls && spent < budgetMs)) {
            double t = once(e);
            ms.add(t);
            spent += t;
        }
        return Stats.of(ms);
    }

    /**
     * Warms each engine up alone ({@code warmupCalls} calls and at least {@code warmupMs} of calls, so that the
     * JIT-compiled engine has reached its steady state and the native ones have their pools and caches), then
     * times up to {@code iterations} calls of each in rounds: a round calls every engine {@code block} times in a
     * row, each round starting with the next engine, so that no engine always follows the same one and slow drift
     * of the machine hits all alike, while one engine's worker threads winding down do not land on every call of
     * the next: before each block the machine gets {@code settleMs} of quiet (not timed) for the previous engine's
     * spinning threads to park. Stops once {@code budgetMs} is spent (at least 2 rounds run).
     */
    static Map<Engine, Stats> interleaved(List<Engine> engines, int warmupCalls, double warmupMs, int iterations,
            int block, double settleMs, double budgetMs) {
        Map<Engine, List<Double>> ms = new LinkedHashMap<>();
        engines.forEach(e -> ms.put(e, new ArrayList<>()));
        for (Engine e : engines) {
            double spent = 0;
            for (int i = 0; i < warmupCalls || spent < warmupMs; i++) {
                spent += once(e);
            }
        }
        int rounds = Math.ceilDiv(iterations, block);
        double spent = 0;
        for (int round = 0; round < rounds && (round < 2 || spent < budgetMs); round++) {
            for (int k = 0; k < engines.size(); k++) {
                Engine e = engines.get((round + k) % engines.size());
                settle(settleMs);
                for (int i = 0; i < block; i++) {
                    double t = once(e);
                    ms.get(e).add(t);
                    spent += t;
                }
            }
        }
        Map<Engine, Stats> out = new LinkedHashMap<>();
        ms.forEach((e, l) -> out.put(e, Stats.of(l)));
        return out;
    }

    private static void settle(double ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(Math.round(ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code v} to three significant decimals (enough for milliseconds and ratios). */
    static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        double scale = Math.pow(10, Math.max(0, 3 - (int) Math.floor(Math.log10(Math.abs(v)))));
        return Math.round(v * scale) / scale;
    }

    /** The largest absolute difference between two engines' outputs (infinite when their shapes differ). */
    static double maxAbsDiff(List<float[]> a, List<float[]> b) {
        if (a.size() != b.size()) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            float[] x = a.get(i);
            float[] y = b.get(i);
            if (x.length != y.length) {
                return Double.POSITIVE_INFINITY;
            }
            for (int j = 0; j < x.length; j++) {
                double d = Math.abs((double) x[j] - y[j]);
                if (!(d <= max)) {
                    max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                }
            }
        }
        return max;
    }

    /** The largest magnitude in a set of outputs (the scale agreement is judged against). */
    static double maxAbs(List<float[]> a) {
        return a.stream().mapToDouble(x -> {
            double m = 0;
            for (float v : x) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }).max().orElse(0);
    }
}
