package kiln.lowering;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.VerificationException;
import kiln.dialects.ir.Verifier;

/**
 * Runs a {@link PassPipeline} over a root region: verifies after each pass (a pass that breaks the IR is named
 * in the error), optionally prints the IR after every pass or after each change, and times each pass.
 */
public final class PassManager {
    private final PassPipeline pipeline;
    private final Function<Region, String> printer;
    private boolean verifyEach = true;
    private boolean printAfterAll;
    private boolean printAfterChange;
    private PrintWriter trace;
    private final List<Timing> timings = new ArrayList<>();

    /** Time spent in one run of one pass. */
    public record Timing(String pass, long nanos, boolean changed) {
    }

    public PassManager(PassPipeline pipeline, Function<Region, String> printer) {
        this.pipeline = pipeline;
        this.printer = printer;
    }

    public PassManager verifyEach(boolean on) {
        this.verifyEach = on;
        return this;
    }

    /** Prints the IR after every pass ({@code all}) or only after passes that changed it, to {@code out}. */
    public PassManager printIr(boolean all, boolean afterChange, PrintWriter out) {
        this.printAfterAll = all;
        this.printAfterChange = afterChange;
        this.trace = out;
        return this;
    }

    public List<Timing> timings() {
        return List.copyOf(timings);
    }

    /** Runs every pass in order; returns whether any changed the IR. */
    public boolean run(Region root, PassContext context) {
        boolean changed = false;
        for (Pass pass : pipeline.passes()) {
            long t0 = System.nanoTime();
            boolean c = pass.run(root, context);
            timings.add(new Timing(pass.name(), System.nanoTime() - t0, c));
            changed |= c;
            if (verifyEach) {
                List<Diagnostic> problems = Verifier.verify(root);
                if (!problems.isEmpty()) {
                    throw new PassFailedException(pass.name(), new VerificationException(problems));
                }
            }
            if (trace != null && (printAfterAll || (printAfterChange && c))) {
                trace.println("// -----// IR Dump After " + pass.name() + (c ? "" : " (no change)") + " //----- //");
                trace.print(printer.apply(root));
                trace.flush();
            }
        }
        return changed;
    }

    /** Thrown when the IR fails verification after a pass. */
    public static final class PassFailedException extends RuntimeException {
        public PassFailedException(String pass, VerificationException cause) {
            super("pass '" + pass + "' produced invalid IR: " + cause.getMessage(), cause);
        }
    }
}
