package kiln.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases a target is known to fail, each with a one-line reason. The file holds one case a line, {@code ID  #
 * reason}; blank lines and lines starting with {@code #} are comments. A case listed here that fails is an
 * expected failure; one that passes is an unexpected pass, which fails the run until its line is removed, so
 * the list only shrinks.
 */
public final class ExpectedFailures {
    private final Map<String, String> reasons;

    private ExpectedFailures(Map<String, String> reasons) {
        this.reasons = Collections.unmodifiableMap(reasons);
    }

    public static ExpectedFailures none() {
        return new ExpectedFailures(new LinkedHashMap<>());
    }

    /**
     * Reads a file.
     *
     * @throws IllegalArgumentException naming the file and line of an entry without a reason, or a duplicate
     */
    public static ExpectedFailures read(Path file) throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int hash = line.indexOf(" #");
            String reason = hash < 0 ? "" : line.substring(hash + 2).strip();
            if (reason.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": an expected failure needs a reason: "
                        + "'ID  # why it fails'");
            }
            String id = line.substring(0, hash).strip();
            if (reasons.putIfAbsent(id, reason) != null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + id + " is listed twice");
            }
        }
        return new ExpectedFailures(reasons);
    }

    public boolean contains(String id) {
        return reasons.containsKey(id);
    }

    /** The reason given for {@code id}, or null. */
    public String reason(String id) {
        return reasons.get(id);
    }

    /** The listed ids, in file order. */
    public List<String> ids() {
        return new ArrayList<>(reasons.keySet());
    }

    /**
     * The file that lists exactly the cases of {@code results} that did not pass: a reason already given in this
     * list is kept, a new entry gets the case's message (shortened to one line).
     */
    public String rewrite(List<CaseResult> results, String target) {
        StringBuilder out = new StringBuilder();
        out.append("# Cases expected to fail on target '").append(target).append("', one a line: ID  # reason.\n");
        out.append("# Written by `lower conformance --write-expected-failures`; this list may only shrink.\n");
        for (CaseResult r : results) {
            boolean failing = r.status() == CaseResult.Status.FAILED || r.status() == CaseResult.Status.ERRORED
                    || r.status() == CaseResult.Status.EXPECTED_FAILURE;
            if (failing) {
                String reason = reasons.getOrDefault(r.id(), r.message());
                out.append(r.id()).append("  # ").append(oneLine(reason)).append('\n');
            }
        }
        return out.toString();
    }

    private static String oneLine(String s) {
        String line = s == null || s.isBlank() ? "fails" : s.lines().findFirst().orElse("").strip();
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
