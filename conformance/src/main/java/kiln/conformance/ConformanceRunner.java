package kiln.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import kiln.executor.ExecutorOptions;
import kiln.runtime.backend.Backend;

/**
 * Runs every case of a fixture-shaped folder ({@link CasePlan}) on one target and judges each against the
 * expected failures.
 *
 * <pre>{@code
 * ConformanceReport r = new ConformanceRunner(Backends.named("interp"), ExpectedFailures.none(), 60)
 *         .run(Path.of("../shared/fixtures"), id -> true, Progress.to(err, false));
 * }</pre>
 */
public final class ConformanceRunner {
    private final Backend backend;
    private final ExecutorOptions optimization;
    private final ExpectedFailures expected;
    private final double timeoutSeconds;

    /**
     * @param backend        the target
     * @param expected       the cases it is known to fail
     * @param timeoutSeconds how long one case may run before it counts as an error
     */
    public ConformanceRunner(Backend backend, ExpectedFailures expected, double timeoutSeconds) {
        this(backend, ExecutorOptions.DEFAULT, expected, timeoutSeconds);
    }

    /**
     * @param optimization how the reference interpreter optimizes (the profiling executor's options), or null to run
     *                     every method as compiled
     */
    public ConformanceRunner(Backend backend, ExecutorOptions optimization, ExpectedFailures expected,
                             double timeoutSeconds) {
        this.backend = backend;
        this.optimization = optimization;
        this.expected = expected;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Runs the cases of {@code dir} that {@code filter} selects, showing progress; the report of the run. */
    public ConformanceReport run(Path dir, Predicate<String> filter, Progress progress) throws IOException {
        long start = System.nanoTime();
        List<CaseUnit> units = CasePlan.of(dir, filter);
        Set<String> planned = new HashSet<>();
        units.forEach(u -> planned.addAll(u.ids()));
        progress.start(planned.size());
        List<CaseResult> results = new ArrayList<>(planned.size());
        try (CaseExecutor executor = new CaseExecutor(timeoutSeconds)) {
            for (CaseUnit unit : units) {
                unit.run(backend, optimization, executor, (id, verdict, seconds) -> {
                    CaseResult r = judge(new CaseResult(id, unit.group(), verdict.passed() ? CaseResult.Status.PASSED
                            : verdict.errored() ? CaseResult.Status.ERRORED : CaseResult.Status.FAILED,
                            verdict.message(), verdict.maxAbsErr(), seconds));
                    results.add(r);
                    progress.caseDone(r);
                });
            }
        }
        progress.finish();
        List<String> stale = expected.ids().stream().filter(id -> filter.test(id) && !planned.contains(id)).toList();
        return new ConformanceReport(backend.name(), dir, results, stale, (System.nanoTime() - start) / 1e9);
    }

    /** Applies the expected failures: a listed case that fails is expected, one that passes is not. */
    private CaseResult judge(CaseResult r) {
        if (!expected.contains(r.id())) {
            return r;
        }
        return r.status() == CaseResult.Status.PASSED
                ? r.with(CaseResult.Status.UNEXPECTED_PASS, "passes, but is listed as an expected failure ("
                        + expected.reason(r.id()) + "): remove it from the list")
                : r.with(CaseResult.Status.EXPECTED_FAILURE, r.message());
    }
}
