package kiln.lowering.conversion.torchtoarith;

import java.util.List;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.rewrite.RewritePattern;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;
import kiln.lowering.PassFailure;
import kiln.lowering.PassOption;
import kiln.lowering.PassOptions;
import kiln.lowering.conversion.ConversionResult;
import kiln.lowering.conversion.ConversionTarget;
import kiln.lowering.conversion.DialectConversion;
import kiln.lowering.conversion.TypeConverter;

/**
 * {@code convert-torch-to-arith}: TorchScript's scalar code on ints, floats and bools becomes arith ({@link
 * TorchToArith}); a function's signature and return convert with it. By default a partial conversion: what does not
 * convert (tensor ops, ops that might raise) stays torch, with casts where the two meet. With {@code full}, any torch
 * op left that is not left deliberately (to raise) fails the pass, one located error per op.
 */
public final class TorchToArithPass implements Pass {
    public static final String NAME = "convert-torch-to-arith";
    public static final PassOption<Boolean> FULL = PassOption.bool("full",
            "fail unless every torch op converts (a full conversion)", false);
    public static final List<PassOption<?>> OPTIONS = List.of(FULL);

    private final PassOptions options;

    public TorchToArithPass(PassOptions options) {
        this.options = options;
    }

    public TorchToArithPass() {
        this(PassOptions.defaults(OPTIONS));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "convert TorchScript's int/float/bool code to arith (partial, or full with 'full')";
    }

    @Override
    public PassOptions options() {
        return options;
    }

    @Override
    public boolean run(Region root, PassContext context) {
        TypeConverter types = TorchToArith.typeConverter();
        ConversionTarget target = TorchToArith.target(types);
        List<RewritePattern> patterns = TorchToArith.patterns(types);
        // run on a function's body, the function itself converts too (its signature)
        Operation owner = root.parentOp();
        ConversionResult r;
        if (owner != null && owner.def() == BuiltinDialect.FUNC) {
            r = options.get(FULL) ? DialectConversion.applyFullConversion(owner, target, patterns, types)
                    : DialectConversion.applyPartialConversion(owner, target, patterns, types);
        } else {
            r = options.get(FULL) ? DialectConversion.applyFullConversion(root, target, patterns, types)
                    : DialectConversion.applyPartialConversion(root, target, patterns, types);
        }
        context.count(this, "converted", r.converted().size());
        context.count(this, "left", r.left().size());
        if (!r.succeeded()) {
            throw new PassFailure(NAME, r.diagnostics());
        }
        return !r.converted().isEmpty();
    }
}
