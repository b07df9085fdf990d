package kiln.conformance;

import java.io.PrintWriter;

/**
 * Shows a conformance run's progress: a bar redrawn in place on a terminal, plain lines otherwise (a log, CI).
 * Cases that do not pass are named as they happen in both.
 */
public abstract sealed class Progress permits Progress.Bar, Progress.Lines {
    protected final PrintWriter out;
    protected int total;
    protected int done;
    protected int bad;

    Progress(PrintWriter out) {
        this.out = out;
    }

    /** A bar when {@code terminal}, else lines. */
    public static Progress to(PrintWriter out, boolean terminal) {
        return terminal ? new Bar(out) : new Lines(out);
    }

    void start(int cases) {
        this.total = cases;
        this.done = 0;
    }

    void caseDone(CaseResult r) {
        done++;
        if (!r.status().acceptable()) {
            bad++;
            problem(r);
        }
        advance(r);
        out.flush();
    }

    void finish() {
        out.flush();
    }

    /** A case that did not pass. */
    protected abstract void problem(CaseResult r);

    protected abstract void advance(CaseResult r);

    /** A bar redrawn on one line with carriage returns. */
    static final class Bar extends Progress {
        private static final int WIDTH = 30;
        private int drawn = -1;

        Bar(PrintWriter out) {
            super(out);
        }

        @Override
        protected void problem(CaseResult r) {
            out.print("\r\033[K");
            out.println(r.status().label() + ": " + r.id() + ": " + r.message());
            drawn = -1;
        }

        @Override
        protected void advance(CaseResult r) {
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            if (filled == drawn && done != total && done % 16 != 0) {
                return;
            }
            drawn = filled;
            out.print("\r\033[K[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + (bad > 0 ? " (" + bad + " not passing)" : "") + " " + r.id());
        }

        @Override
        void finish() {
            out.print("\r\033[K");
            super.finish();
        }
    }

    /** One line per tenth of the run, and one per case that does not pass. */
    static final class Lines extends Progress {
        private int lastTenth;

        Lines(PrintWriter out) {
            super(out);
        }

        @Override
        void start(int cases) {
            super.start(cases);
            lastTenth = 0;
            out.println("running " + cases + " case(s)");
        }

        @Override
        protected void problem(CaseResult r) {
            out.println("  " + r.status().label() + ": " + r.id() + ": " + r.message());
        }

        @Override
        protected void advance(CaseResult r) {
            int tenth = total == 0 ? 10 : (int) ((long) done * 10 / total);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                out.printf("[%3d%%] %d/%d%n", tenth * 10, done, total);
            }
        }
    }
}
