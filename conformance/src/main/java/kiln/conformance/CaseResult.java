package kiln.conformance;

/**
 * What one case did.
 *
 * @param id        the case, e.g. {@code ops/add#2} or {@code models/mlp#0}
 * @param group     {@code models} or {@code ops}
 * @param status    the verdict, expected failures taken into account
 * @param message   why it did not pass (the first mismatch, or the error), or, for an expected failure that
 *                  passed, that it did; null for a plain pass
 * @param maxAbsErr the largest absolute error over floating-point outputs (NaN when unknown, e.g. on errors)
 * @param seconds   wall-clock time of the case
 */
public record CaseResult(String id, String group, Status status, String message, double maxAbsErr,
        double seconds) {

    /** A case's verdict. */
    public enum Status {
        /** Ran and matched. */
        PASSED("passed"),
        /** Ran, and its result or printed text differs from the recorded one. */
        FAILED("failed"),
        /** Did not run to the end: does not compile, an op has no kernel, an exception, a time-out. */
        ERRORED("errored"),
        /** Failed or errored, and is listed as an expected failure. */
        EXPECTED_FAILURE("expected failure"),
        /** Passed although listed as an expected failure: remove it from the list. */
        UNEXPECTED_PASS("unexpected pass");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the run can still exit 0 with a case in this status. */
        public boolean acceptable() {
            return this == PASSED || this == EXPECTED_FAILURE;
        }

        /** The JSON spelling: {@code passed}, {@code expected_failure}, … */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The same result with another status and message. */
    public CaseResult with(Status newStatus, String newMessage) {
        return new CaseResult(id, group, newStatus, newMessage, maxAbsErr, seconds);
    }
}
