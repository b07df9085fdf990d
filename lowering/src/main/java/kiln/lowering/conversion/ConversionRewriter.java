package kiln.lowering.conversion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.BlockArgument;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.rewrite.PatternRewriter;

/**
 * The rewriter of a dialect conversion (MLIR's {@code ConversionPatternRewriter}, without rollback: every change
 * is made at once, so a pattern that does not match must change nothing). Replacing an op by values of converted
 * types keeps its unconverted users working through a source materialization, and remembers that the
 * materialization stands for the new value: when a user is converted in turn, its operands ({@link
 * #remappedOperands}, the adaptor) are the new values themselves. Block arguments convert through {@link
 * #applySignatureConversion} the same way.
 */
public final class ConversionRewriter extends PatternRewriter {
    /** A materialization (or an original value) mapped to the value it stands for. */
    private final Map<Value, Value> replacements = new IdentityHashMap<>();
    private final Set<Operation> erased = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Operation> casts = new LinkedHashSet<>();
    private final List<Operation> inserted = new ArrayList<>();
    private final List<Operation> attemptCasts = new ArrayList<>();
    private TypeConverter converter = new TypeConverter();

    ConversionRewriter(Listener outer) {
        super(new Listener() {
        });
        Listener recorder = new Listener() {
            @Override
            public void inserted(Operation op) {
                inserted.add(op);
                outer.inserted(op);
            }

            @Override
            public void erased(Operation op) {
                erased.add(op);
                outer.erased(op);
            }

            @Override
            public void modified(Operation op) {
                outer.modified(op);
            }

            @Override
            public void replaced(Operation op, List<? extends Value> values) {
                outer.replaced(op, values);
            }
        };
        setListener(recorder);
    }

    // ---- the value mapping

    /** The value {@code v} now stands for: what it was replaced by, through any materializations. */
    public Value remapped(Value v) {
        Value r = v;
        for (Value next = replacements.get(r); next != null; next = replacements.get(r)) {
            r = next;
        }
        return r;
    }

    /**
     * The adaptor of {@code op}: each operand's current value; with a type converter, converted to the operand's new
     * type (a target materialization before {@code op} when the current value does not have it yet). An operand
     * whose type does not convert 1:1 is given as it is.
     */
    public List<Value> remappedOperands(Operation op, TypeConverter converter) {
        List<Value> out = new ArrayList<>();
        for (Value v : op.operands()) {
            Value r = remapped(v);
            Optional<Type> wanted = converter == null ? Optional.empty() : converter.convertType1(v.type());
            if (wanted.isPresent() && !r.type().equals(wanted.get())) {
                PatternRewriter at = new PatternRewriter(listener()).setInsertionPointBefore(op);
                r = track(converter.materializeTarget(at, wanted.get(), List.of(r), op.location()), true);
            }
            out.add(r);
        }
        return out;
    }

    private Value track(Value v, boolean inAttempt) {
        Operation def = v.definingOp();
        if (def != null && UnrealizedCasts.isCast(def)) {
            casts.add(def);
            if (inAttempt) {
                attemptCasts.add(def);
            }
        }
        return v;
    }

    // ---- replacing

    /**
     * Replaces {@code op} by {@code values}: uses of a result whose replacement has another type go through a
     * source materialization (back to the result's type) that stands for the replacement.
     */
    @Override
    public void replaceOp(Operation op, List<? extends Value> values) {
        if (values.size() != op.numResults()) {
            throw new IllegalArgumentException(op.name() + " has " + op.numResults() + " result(s), got "
                    + values.size() + " replacement(s)");
        }
        listener().replaced(op, values);
        for (int i = 0; i < values.size(); i++) {
            Value result = op.result(i);
            Value replacement = values.get(i);
            if (!result.hasUses()) {
                continue;
            }
            if (replacement.type().equals(result.type())) {
                replaceAllUsesWith(result, replacement);
            } else {
                Value back = materializeSource(result.type(), List.of(replacement), op.location(), afterDefinition(
                        replacement));
                replaceAllUsesWith(result, back);
                replacements.put(back, replacement);
            }
        }
        eraseOp(op);
    }

    /** A rewriter placed right after {@code v} is defined (at the start of its block for an argument). */
    private PatternRewriter afterDefinition(Value v) {
        PatternRewriter at = new PatternRewriter(listener());
        if (v instanceof BlockArgument a) {
            return at.setInsertionPointToStart(a.parentBlock());
        }
        return at.setInsertionPointAfter(v.definingOp());
    }

    private Value materializeSource(Type type, List<Value> inputs, Location location, PatternRewriter at) {
        return track(converter.materializeSource(at, type, inputs, location), false);
    }

    // ---- block signatures

    /**
     * Changes the arguments of {@code block} as {@code conversion} says: each original argument is replaced by
     * arguments of its new types; its uses go through a source materialization of {@code converter} from the new
     * arguments (standing for the new argument when there is one).
     */
    public void applySignatureConversion(Block block, SignatureConversion conversion, TypeConverter converter) {
        if (conversion.size() != block.arguments().size()) {
            throw new IllegalArgumentException("the conversion is for " + conversion.size() + " argument(s), the block "
                    + "has " + block.arguments().size());
        }
        Operation owner = block.parentOp();
        Location location = owner == null ? Location.UNKNOWN : owner.location();
        int at = 0;
        for (int i = 0; i < conversion.size(); i++) {
            BlockArgument old = block.argument(at);
            List<Type> types = conversion.inputs(i);
            if (types.equals(List.of(old.type()))) {
                at++;
                continue;
            }
            List<Value> fresh = new ArrayList<>();
            for (Type t : types) {
                fresh.add(block.insertArgument(at + fresh.size(), t, types.size() == 1 ? old.name() : null));
            }
            at += types.size();
            if (old.hasUses()) {
                PatternRewriter start = new PatternRewriter(listener()).setInsertionPointToStart(block);
                Value back = track(converter.materializeSource(start, old.type(), fresh, location), false);
                replaceAllUsesWith(old, back);
                if (fresh.size() == 1) {
                    replacements.put(back, fresh.getFirst());
                }
            }
            block.eraseArgument(at);
        }
        if (owner != null) {
            listener().modified(owner);
        }
    }

    /** Converts the arguments of every block of {@code region}; false (and no change) when a type does not convert. */
    public boolean convertRegionTypes(Region region, TypeConverter converter) {
        List<SignatureConversion> conversions = new ArrayList<>();
        for (Block b : region.blocks()) {
            Optional<SignatureConversion> c = converter.convertSignature(b.arguments().stream().map(Value::type)
                    .toList());
            if (c.isEmpty()) {
                return false;
            }
            conversions.add(c.get());
        }
        for (int i = 0; i < conversions.size(); i++) {
            applySignatureConversion(region.blocks().get(i), conversions.get(i), converter);
        }
        return true;
    }

    // ---- what the driver asks

    /** Starts a pattern's attempt; replacements materialize through {@code typeConverter} (casts when null). */
    void beginAttempt(TypeConverter typeConverter) {
        this.converter = typeConverter == null ? new TypeConverter() : typeConverter;
        inserted.clear();
        attemptCasts.clear();
    }

    /** Undoes the target materializations made for an attempt that failed (nothing else uses them). */
    void abandonAttempt() {
        for (int i = attemptCasts.size() - 1; i >= 0; i--) {
            Operation c = attemptCasts.get(i);
            if (!erased.contains(c) && c.results().stream().noneMatch(Value::hasUses)) {
                eraseOp(c);
                casts.remove(c);
            }
        }
        attemptCasts.clear();
    }

    /** The ops the last attempt inserted, still in the IR. */
    List<Operation> insertedByAttempt() {
        return inserted.stream().filter(op -> !erased.contains(op)).toList();
    }

    boolean isErased(Operation op) {
        return erased.contains(op);
    }

    /** Cancels the casts this conversion made where they meet ({@code A -> B -> A}) and erases unused ones. */
    void reconcileOwnCasts() {
        UnrealizedCasts.reconcile(casts.stream().filter(c -> !erased.contains(c)).toList(), this);
    }
}
