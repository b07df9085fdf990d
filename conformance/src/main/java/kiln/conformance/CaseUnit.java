package kiln.conformance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.executor.ExecutorOptions;
import kiln.runtime.backend.Backend;

/**
 * Cases that run together: one model's (in order, on one loaded module, since cases may change its state) or one
 * operator file's. Only the selected cases are reported.
 */
sealed interface CaseUnit permits ModelUnit, OpFileUnit {
    /** {@code models} or {@code ops}. */
    String group();

    /** Case index in its file → id, for the selected cases. */
    Map<Integer, String> selected();

    /** The selected cases' ids, in run order. */
    default List<String> ids() {
        return List.copyOf(selected().values());
    }

    /** Runs the selected cases on {@code backend}, telling {@code listener} about each. */
    /**
     * Runs the cases on {@code backend}, under the profiling executor with {@code optimization} on the reference
     * interpreter (null: unoptimized).
     */
    void run(Backend backend, ExecutorOptions optimization, CaseExecutor executor, Listener listener);

    /** Hears about each selected case as it ends. */
    @FunctionalInterface
    interface Listener {
        void done(String id, Verdict verdict, double seconds);
    }

    /** Reports {@code why} as the error of every selected case not reported yet (whatever the unit's trouble). */
    static void errorRest(List<String> ids, Set<String> reported, Listener listener, String why) {
        for (String id : ids) {
            if (reported.add(id)) {
                listener.done(id, Verdict.error(why), 0);
            }
        }
    }
}
