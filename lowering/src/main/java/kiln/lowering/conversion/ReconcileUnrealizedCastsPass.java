package kiln.lowering.conversion;

import java.util.List;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.rewrite.PatternRewriter;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;
import kiln.lowering.PassFailure;

/**
 * MLIR's {@code reconcile-unrealized-casts}: cancels chains of {@code builtin.unrealized_conversion_cast} that lead
 * back to the types they started from, erases unused casts, and fails on any cast still in use, one located error
 * each (the conversions on either side did not meet).
 */
public final class ReconcileUnrealizedCastsPass implements Pass {
    public static final String NAME = "reconcile-unrealized-casts";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "cancel unrealized_conversion_cast chains A -> B -> A; fail on casts still in use";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        List<Operation> casts = UnrealizedCasts.under(root);
        List<Operation> left = UnrealizedCasts.reconcile(casts, new PatternRewriter());
        context.count(this, "erased", casts.size() - left.size());
        if (!left.isEmpty()) {
            throw new PassFailure(NAME, left.stream().map(c -> Diagnostic.at(c, "failed to legalize operation '"
                    + c.name() + "' that was explicitly marked illegal")).toList());
        }
        return casts.size() != left.size();
    }
}
