package kiln.lowering.conversion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.rewrite.PatternRewriter;

/**
 * {@code builtin.unrealized_conversion_cast}: making them, and cancelling them (MLIR's
 * {@code reconcileUnrealizedCasts}): a chain of casts that leads back to the types it started from is replaced by
 * its start ({@code A -> B -> A} is {@code A}), a cast to its own types by its inputs, and casts nothing uses are
 * erased.
 */
public final class UnrealizedCasts {
    private UnrealizedCasts() {
    }

    public static boolean isCast(Operation op) {
        return op.def() == BuiltinDialect.UNREALIZED_CONVERSION_CAST;
    }

    /** A cast of {@code inputs} to one value of {@code type}, created at the rewriter's insertion point. */
    public static Value create(PatternRewriter rewriter, Type type, List<Value> inputs, Location location) {
        Location saved = rewriter.location();
        rewriter.at(location);
        Operation cast = rewriter.create(BuiltinDialect.UNREALIZED_CONVERSION_CAST, inputs, List.of(type));
        rewriter.at(saved);
        return cast.result(0);
    }

    private static List<Type> types(List<? extends Value> values) {
        return values.stream().map(Value::type).toList();
    }

    /** The cast whose results, all and in order, are {@code cast}'s operands; null when there is none. */
    private static Operation producer(Operation cast, Set<Operation> among) {
        if (cast.numOperands() == 0 || !(cast.operand(0).definingOp() instanceof Operation p) || !among.contains(p)) {
            return null;
        }
        return p.results().equals(cast.operands()) ? p : null;
    }

    /**
     * Cancels what can be cancelled among {@code casts} (the casts of a region, or those one conversion made) and
     * erases those left unused; returns the casts still in use, in their original order.
     */
    public static List<Operation> reconcile(Collection<Operation> casts, PatternRewriter rewriter) {
        Set<Operation> live = new LinkedHashSet<>(casts); // operations compare by identity
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Operation cast : List.copyOf(live)) {
                if (!live.contains(cast)) {
                    continue;
                }
                List<Value> start = null;
                if (types(cast.operands()).equals(types(cast.results()))) {
                    start = cast.operands();
                }
                for (Operation p = producer(cast, live); start == null && p != null; p = producer(p, live)) {
                    if (types(p.operands()).equals(types(cast.results()))) {
                        start = p.operands();
                    }
                }
                if (start != null) {
                    List<Value> replacement = List.copyOf(start);
                    for (int i = 0; i < replacement.size(); i++) {
                        rewriter.replaceAllUsesWith(cast.result(i), replacement.get(i));
                    }
                    changed = true;
                }
                changed |= eraseDead(live, rewriter);
            }
        }
        List<Operation> left = new ArrayList<>();
        for (Operation c : casts) {
            if (live.contains(c)) {
                left.add(c);
            }
        }
        return left;
    }

    /** Erases unused casts of {@code live}, and those only they used; whether any went. */
    private static boolean eraseDead(Set<Operation> live, PatternRewriter rewriter) {
        boolean any = false;
        boolean again = true;
        while (again) {
            again = false;
            for (Operation c : new LinkedHashSet<>(live)) {
                if (c.results().stream().noneMatch(Value::hasUses)) {
                    live.remove(c);
                    rewriter.eraseOp(c);
                    any = again = true;
                }
            }
        }
        return any;
    }

    /** Every cast under {@code root}, in program order. */
    public static List<Operation> under(kiln.dialects.ir.Region root) {
        List<Operation> out = new ArrayList<>();
        root.walk(op -> {
            if (isCast(op)) {
                out.add(op);
            }
        });
        return out;
    }
}
