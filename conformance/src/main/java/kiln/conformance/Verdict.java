package kiln.conformance;


/**
 * How one case ended, before expected failures are applied.
 *
 * @param passed    whether it ran and matched
 * @param errored   whether it failed to run to the end (as opposed to running and differing)
 * @param message   the first mismatch or the error; null when it passed
 * @param maxAbsErr the largest absolute error over floating-point outputs; NaN when it did not run
 */
record Verdict(boolean passed, boolean errored, String message, double maxAbsErr) {
    static Verdict error(String message) {
        return new Verdict(false, true, message, Double.NaN);
    }

    /** The verdict of comparing outputs: passed, or failed at the first mismatch (with the largest errors). */
    static Verdict of(FixtureComparison.Outcome outcome) {
        if (outcome.matches()) {
            return new Verdict(true, false, null, outcome.maxAbsErr());
        }
        return new Verdict(false, false, outcome.mismatch() + errors(outcome), outcome.maxAbsErr());
    }

    private static String errors(FixtureComparison.Outcome o) {
        return o.maxAbsErr() == 0 && o.maxRelErr() == 0 ? ""
                : " (max abs err " + (float) o.maxAbsErr() + ", max rel err " + (float) o.maxRelErr() + ")";
    }
}
