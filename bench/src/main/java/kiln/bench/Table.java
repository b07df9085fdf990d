package kiln.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints results: one workload as a small table (a row per engine, then the ratios), or all as Markdown. */
final class Table {
    private Table() {
    }

    static void print(Map<String, Object> result, PrintWriter out) {
        out.printf("  %-9s %-24s %10s %10s %6s  %s%n", "engine", "setting", "median ms", "min ms", "calls",
                "outputs");
        Map<?, ?> engines = (Map<?, ?>) result.get("engines");
        engines.forEach((name, v) -> {
            Map<?, ?> e = (Map<?, ?>) v;
            if (e.containsKey("unavailable")) {
                out.printf("  %-9s unavailable: %s%n", name, e.get("unavailable"));
                return;
            }
            out.printf("  %-9s %-24s %10s %10s %6s  %s%n", name, e.get("setting"), e.get("median_ms"), e.get("min_ms"),
                    e.get("calls"), agreement(e));
        });
        Map<?, ?> ratios = (Map<?, ?>) result.get("ratios");
        StringBuilder line = new StringBuilder("  ");
        ratios.forEach((k, v) -> line.append(k.toString().replace("kiln", "Kiln").replace("ort", "ORT"))
                .append(" = ").append(v).append("x   "));
        out.println(line.toString().stripTrailing());
        out.flush();
    }

    /**
     * All results as one Markdown table (the form docs/performance.md keeps): per workload each engine's median and
     * min ms with its chosen setting, the two ratios and the largest output difference.
     */
    static void markdown(List<Map<String, Object>> results, PrintWriter out) {
        out.println("| workload | inputs | Kiln ms median (min) | libtorch ms median (min), setting "
                + "| ORT ms median (min), setting | Kiln/libtorch | Kiln/ORT | max abs diff vs Kiln |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Map<String, Object> r : results) {
            Map<?, ?> engines = (Map<?, ?>) r.get("engines");
            Map<?, ?> ratios = (Map<?, ?>) r.get("ratios");
            StringBuilder diffs = new StringBuilder();
            List<String> cells = new ArrayList<>();
            for (String name : Engines.NAMES) {
                Map<?, ?> e = (Map<?, ?>) engines.get(name);
                cells.add(e == null ? "not run" : cell(e, !name.equals("kiln")));
                if (e != null && e.get("max_abs_diff_vs_kiln") instanceof Double d) {
                    diffs.append(diffs.isEmpty() ? "" : ", ").append(name).append(' ')
                            .append(String.format("%.1e", d));
                }
            }
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %s |%n", r.get("workload"), r.get("inputs"),
                    cells.get(0), cells.get(1), cells.get(2), orDash(ratios.get("kiln/libtorch")),
                    orDash(ratios.get("kiln/ort")), diffs.isEmpty() ? "–" : diffs);
        }
        out.flush();
    }

    private static Object orDash(Object v) {
        return v == null ? "–" : v;
    }

    private static String cell(Map<?, ?> e, boolean withSetting) {
        if (e.containsKey("unavailable")) {
            return "n/a: " + e.get("unavailable");
        }
        String s = e.get("median_ms") + " (" + e.get("min_ms") + ")";
        return withSetting ? s + ", " + e.get("setting") : s;
    }

    private static String agreement(Map<?, ?> e) {
        for (Map.Entry<?, ?> x : e.entrySet()) {
            if (x.getKey().toString().startsWith("max_abs_diff_vs_")) {
                String vs = x.getKey().toString().substring("max_abs_diff_vs_".length());
                return (Boolean.TRUE.equals(e.get("agrees")) ? "agree" : "DIFFER") + " with " + vs
                        + " (max abs diff " + String.format("%.3g", (Double) x.getValue()) + ")";
            }
        }
        return "reference";
    }
}
