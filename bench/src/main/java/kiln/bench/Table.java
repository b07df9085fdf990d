package kiln.bench;

import java.io.PrintWriter;
import java.util.Map;

/** Prints one workload's result as a small table: one row per engine, then the ratios. */
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
