package kiln.executor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a method's executor has done, counted across its specializations and their fallbacks: calls that ran the
 * profiled graph, specializations made, calls that ran a specialized graph, and guard failures (calls whose inputs
 * did not match a specialization, so its fallback ran).
 */
public final class ExecutorStats {
    final AtomicLong profiledRuns = new AtomicLong();
    final AtomicLong specializations = new AtomicLong();
    final AtomicLong optimizedRuns = new AtomicLong();
    final AtomicLong guardFailures = new AtomicLong();

    public long profiledRuns() {
        return profiledRuns.get();
    }

    public long specializations() {
        return specializations.get();
    }

    public long optimizedRuns() {
        return optimizedRuns.get();
    }

    public long guardFailures() {
        return guardFailures.get();
    }

    @Override
    public String toString() {
        return "profiled runs " + profiledRuns() + ", specializations " + specializations() + ", optimized runs "
                + optimizedRuns() + ", guard failures " + guardFailures();
    }
}
