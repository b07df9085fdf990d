package kiln.conformance;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import kiln.conformance.CaseResult.Status;

/**
 * The outcome of a conformance run: every case's result, counts per group, and the renderings of it (a summary
 * for people, JSON for tools, the README's table).
 *
 * @param target  the target's name
 * @param dir     the folder run
 * @param results each case's result, in run order
 * @param stale   expected failures that name no case of the run (the file names cases that are gone)
 * @param seconds the run's wall-clock time
 */
public record ConformanceReport(String target, Path dir, List<CaseResult> results, List<String> stale,
        double seconds) {
    /** How many reasons the summary lists. */
    private static final int REASONS = 12;

    /** Whether every case passed or is an expected failure: the run's exit status is 0. */
    public boolean ok() {
        return results.stream().allMatch(r -> r.status().acceptable());
    }

    /** Counts per status for each group ({@code models}, {@code ops}), groups sorted by name. */
    public Map<String, Map<Status, Integer>> counts() {
        Map<String, Map<Status, Integer>> out = new TreeMap<>();
        for (CaseResult r : results) {
            out.computeIfAbsent(r.group(), g -> emptyCounts()).merge(r.status(), 1, Integer::sum);
        }
        return out;
    }

    /** Counts per status over every group. */
    public Map<Status, Integer> totals() {
        Map<Status, Integer> out = emptyCounts();
        results.forEach(r -> out.merge(r.status(), 1, Integer::sum));
        return out;
    }

    private static Map<Status, Integer> emptyCounts() {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            m.put(s, 0);
        }
        return m;
    }

    /** The summary printed at the end of a run: counts per group, then each case that fails the run. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "conformance of %s on target %s: %d case(s) in %.1f s%n", dir, target,
                results.size(), seconds));
        String header = String.format(Locale.ROOT, "  %-8s %7s %7s %8s %9s %11s%n", "group", "passed", "failed",
                "errored", "expected", "unexpected");
        out.append(header).append(String.format(Locale.ROOT, "  %-8s %7s %7s %8s %9s %11s%n", "", "", "", "",
                "failures", "passes"));
        counts().forEach((group, c) -> out.append(row(group, c)));
        out.append(row("total", totals()));
        out.append(reasons());
        List<CaseResult> bad = results.stream().filter(r -> !r.status().acceptable()).toList();
        if (!bad.isEmpty()) {
            out.append("not passing:\n");
            for (CaseResult r : bad) {
                out.append("  ").append(r.status().label()).append(": ").append(r.id()).append(": ")
                        .append(r.message()).append('\n');
            }
        }
        if (!stale.isEmpty()) {
            out.append("expected failures that name no case here: ").append(String.join(", ", stale)).append('\n');
        }
        out.append(ok() ? "OK: every case passed or is an expected failure\n"
                : bad.size() + " case(s) fail the run\n");
        return out.toString();
    }

    /** The most common reasons among the cases that did not pass, expected failures included. */
    private String reasons() {
        Map<String, Integer> byReason = new TreeMap<>();
        results.stream().filter(r -> r.status() != Status.PASSED && r.status() != Status.UNEXPECTED_PASS)
                .forEach(r -> byReason.merge(r.message(), 1, Integer::sum));
        if (byReason.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("most common reasons for the cases that do not pass:\n");
        byReason.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(REASONS)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %4d  %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }

    private static String row(String group, Map<Status, Integer> c) {
        return String.format(Locale.ROOT, "  %-8s %7d %7d %8d %9d %11d%n", group, c.get(Status.PASSED),
                c.get(Status.FAILED), c.get(Status.ERRORED), c.get(Status.EXPECTED_FAILURE),
                c.get(Status.UNEXPECTED_PASS));
    }

    /** Per-case results and totals as JSON (NaN errors as null). */
    public String json() {
        Json j = new Json();
        j.open('{');
        j.field("target").string(target);
        j.field("dir").string(dir.toString());
        j.field("seconds").number(seconds);
        j.field("ok").bool(ok());
        j.field("totals");
        counts(j, totals());
        j.field("groups").open('{');
        counts().forEach((group, c) -> {
            j.field(group);
            counts(j, c);
        });
        j.close('}');
        j.field("stale_expected_failures").open('[');
        stale.forEach(j::string);
        j.close(']');
        j.field("cases").open('[');
        for (CaseResult r : results) {
            j.open('{');
            j.field("id").string(r.id());
            j.field("group").string(r.group());
            j.field("status").string(r.status().key());
            j.field("message").string(r.message());
            j.field("max_abs_err").number(r.maxAbsErr());
            j.field("seconds").number(r.seconds());
            j.close('}');
        }
        j.close(']');
        j.close('}');
        return j + "\n";
    }

    private static void counts(Json j, Map<Status, Integer> c) {
        j.open('{');
        c.forEach((s, n) -> j.field(s.key()).number(n));
        j.close('}');
    }

    /**
     * The README's table of pass counts for this target, between the markers {@code <!-- conformance:TARGET -->}
     * and {@code <!-- /conformance:TARGET -->} (markers included).
     */
    public String readmeBlock(String command) {
        StringBuilder out = new StringBuilder();
        out.append("<!-- conformance:").append(target).append(" -->\n");
        out.append("| target | group | cases | passed | expected failures | failing otherwise |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: |\n");
        counts().forEach((group, c) -> out.append(tableRow(group, c)));
        out.append(tableRow("all", totals()));
        out.append("\nGenerated by `").append(command).append("`.\n");
        out.append("<!-- /conformance:").append(target).append(" -->");
        return out.toString();
    }

    private String tableRow(String group, Map<Status, Integer> c) {
        int all = c.values().stream().mapToInt(Integer::intValue).sum();
        int other = c.get(Status.FAILED) + c.get(Status.ERRORED) + c.get(Status.UNEXPECTED_PASS);
        return "| `" + target + "` | " + group + " | " + all + " | " + c.get(Status.PASSED) + " | "
                + c.get(Status.EXPECTED_FAILURE) + " | " + other + " |\n";
    }

    /**
     * {@code readme} with this target's block replaced by {@link #readmeBlock}.
     *
     * @throws IllegalArgumentException when the README has no block for this target
     */
    public String updateReadme(String readme, String command) {
        String begin = "<!-- conformance:" + target + " -->";
        String end = "<!-- /conformance:" + target + " -->";
        int b = readme.indexOf(begin);
        int e = readme.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("the README has no '" + begin + "' … '" + end + "' block to update");
        }
        return readme.substring(0, b) + readmeBlock(command) + readme.substring(e + end.length());
    }
}
