package kiln.lowering;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.VerificationException;
import kiln.dialects.ir.Verifier;

/**
 * Runs a {@link PassPipeline} (MLIR's PassManager): each pass on the region it is given, each nested pipeline on
 * the matching ops inside it; verifies after each pass (a pass that breaks the IR is named in the error); optionally
 * prints the IR after every pass or after each change; times each pass. On a module, a pipeline without an anchor
 * runs its passes on every function of the module (a pass anchored on {@code builtin.module} on the module itself).
 */
public final class PassManager {
    private final PassPipeline pipeline;
    private final Function<Region, String> printer;
    private boolean verifyEach = true;
    private boolean printAfterAll;
    private boolean printAfterChange;
    private PrintWriter trace;
    private final List<Timing> timings = new ArrayList<>();

    /** Time spent in one run of one pass, on the op named {@code anchor} (null for a standalone region). */
    public record Timing(String pass, String anchor, long nanos, boolean changed) {
    }

    /**
     * @param printer how to print the IR a pass ran on, for {@code --print-ir-after-*} (it is given the region the
     *                pass ran on)
     */
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

    /** Every pass run, in order. */
    public List<Timing> timings() {
        return List.copyOf(timings);
    }

    /** Total time per pass name (summed over the ops it ran on), in the order passes first ran. */
    public Map<String, Long> totals() {
        Map<String, Long> out = new LinkedHashMap<>();
        timings.forEach(t -> out.merge(t.pass(), t.nanos(), Long::sum));
        return out;
    }

    /** Runs the pipeline on a standalone region (a graph); returns whether any pass changed the IR. */
    public boolean run(Region root, PassContext context) {
        return runOn(pipeline, root, context);
    }

    /**
     * Runs the pipeline on {@code op}: a pipeline anchored on an op name must be given such an op; one without an
     * anchor given a module runs on the module's functions (and its module passes on the module).
     *
     * @throws IllegalArgumentException when the pipeline is anchored on another op
     */
    public boolean run(Operation op, PassContext context) {
        if (pipeline.anchor() != null) {
            if (!pipeline.anchor().equals(op.name())) {
                throw new IllegalArgumentException("the pipeline runs on '" + pipeline.anchor() + "' but was given '"
                        + op.name() + "'");
            }
            return runOnRegions(pipeline, op, context);
        }
        if (op.def() != BuiltinDialect.MODULE) {
            return runOnRegions(pipeline, op, context);
        }
        boolean changed = false;
        for (PassPipeline.Element e : pipeline.elements()) {
            PassPipeline step = new PassPipeline(null, List.of(e));
            boolean onModule = e instanceof PassPipeline.PassElement p
                    && p.pass().anchor().filter(BuiltinDialect.MODULE.name()::equals).isPresent()
                    || e instanceof PassPipeline.Nested;
            if (onModule) {
                changed |= runOnRegions(step, op, context);
            } else {
                for (Operation fn : children(op, BuiltinDialect.FUNC.name())) {
                    changed |= runOnRegions(step, fn, context);
                }
            }
        }
        return changed;
    }

    private boolean runOnRegions(PassPipeline p, Operation op, PassContext context) {
        boolean changed = false;
        for (Region r : op.regions()) {
            if (!r.isEmpty()) {
                changed |= runOn(p, r, context);
            }
        }
        return changed;
    }

    private boolean runOn(PassPipeline p, Region root, PassContext context) {
        boolean changed = false;
        for (PassPipeline.Element e : p.elements()) {
            switch (e) {
                case PassPipeline.PassElement pe -> changed |= runPass(pe.pass(), root, context);
                case PassPipeline.Nested n -> {
                    for (Block b : root.blocks()) {
                        for (Operation op : b.opsSnapshot()) {
                            if (op.name().equals(n.pipeline().anchor())) {
                                changed |= runOnRegions(n.pipeline(), op, context);
                            }
                        }
                    }
                }
            }
        }
        return changed;
    }

    private boolean runPass(Pass pass, Region root, PassContext context) {
        Operation on = root.parentOp();
        if (pass.anchor().isPresent() && (on == null || !pass.anchor().get().equals(on.name()))) {
            throw new IllegalArgumentException("pass '" + pass.name() + "' runs on '" + pass.anchor().get()
                    + "', not on " + (on == null ? "a standalone graph" : "'" + on.name() + "'"));
        }
        long t0 = System.nanoTime();
        boolean c = pass.run(root, context);
        timings.add(new Timing(pass.name(), on == null ? null : on.name(), System.nanoTime() - t0, c));
        if (verifyEach) {
            List<Diagnostic> problems = on == null ? Verifier.verify(root) : Verifier.verify(on);
            if (!problems.isEmpty()) {
                throw new PassFailedException(pass.name(), new VerificationException(problems));
            }
        }
        if (trace != null && (printAfterAll || (printAfterChange && c))) {
            trace.println("// -----// IR Dump After " + pass.name() + (c ? "" : " (no change)") + " //----- //");
            trace.print(printer.apply(root));
            trace.flush();
        }
        return c;
    }

    private static List<Operation> children(Operation op, String name) {
        List<Operation> out = new ArrayList<>();
        for (Region r : op.regions()) {
            for (Block b : r.blocks()) {
                for (Operation child : b.ops()) {
                    if (child.name().equals(name)) {
                        out.add(child);
                    }
                }
            }
        }
        return out;
    }

    /** Thrown when the IR fails verification after a pass. */
    public static final class PassFailedException extends RuntimeException {
        public PassFailedException(String pass, VerificationException cause) {
            super("pass '" + pass + "' produced invalid IR: " + cause.getMessage(), cause);
        }
    }
}
