package kiln.lowering.conversion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.BlockArgument;
import kiln.dialects.ir.FunctionType;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.rewrite.PatternRewriter;

/**
 * How a conversion changes types (MLIR's {@code TypeConverter}). Conversion rules map a type to the types it becomes
 * (one, several, or none: dropped), or decline; the most recently added rule that accepts a type decides. A type is
 * legal when it converts to itself. Materializations build the ops that bridge a value of one type to another where
 * converted and unconverted code meet: a source materialization gives unconverted users the original type back, a
 * target one gives a converted op its operand's new type. Both default to {@code builtin.unrealized_conversion_cast},
 * which {@code reconcile-unrealized-casts} later cancels in pairs.
 */
public class TypeConverter {
    /** One conversion rule: the types {@code t} becomes, or empty when the rule does not apply to it. */
    @FunctionalInterface
    public interface Rule {
        Optional<List<Type>> convert(Type t);
    }

    /**
     * Builds, at the rewriter's insertion point, a value of {@code type} standing for {@code inputs}; empty when it
     * cannot (the next materialization, and finally a cast, is tried).
     */
    @FunctionalInterface
    public interface Materialization {
        Optional<Value> materialize(PatternRewriter rewriter, Type type, List<Value> inputs, Location location);
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<Materialization> sources = new ArrayList<>();
    private final List<Materialization> targets = new ArrayList<>();
    private final Map<Type, Optional<List<Type>>> cache = new HashMap<>();

    public TypeConverter addConversion(Rule rule) {
        rules.add(rule);
        cache.clear();
        return this;
    }

    /** A rule converting each type of class {@code kind} to one type; {@code convert} returns null to decline. */
    public <T extends Type> TypeConverter addConversion(Class<T> kind, Function<T, Type> convert) {
        return addConversion(t -> kind.isInstance(t) ? Optional.ofNullable(convert.apply(kind.cast(t))).map(List::of)
                : Optional.empty());
    }

    /** The rule that every type is legal as it is (add it first, so that later rules override it). */
    public TypeConverter addIdentityConversion() {
        return addConversion(t -> Optional.of(List.of(t)));
    }

    public TypeConverter addSourceMaterialization(Materialization m) {
        sources.add(m);
        return this;
    }

    public TypeConverter addTargetMaterialization(Materialization m) {
        targets.add(m);
        return this;
    }

    /** The types {@code t} becomes, or empty when no rule accepts it. */
    public Optional<List<Type>> convertType(Type t) {
        Optional<List<Type>> known = cache.get(t);
        if (known != null) {
            return known;
        }
        Optional<List<Type>> result = Optional.empty();
        for (int i = rules.size() - 1; i >= 0 && result.isEmpty(); i--) {
            result = rules.get(i).convert(t).map(List::copyOf);
        }
        cache.put(t, result);
        return result;
    }

    /** The one type {@code t} becomes; empty when it becomes none, several, or cannot be converted. */
    public Optional<Type> convertType1(Type t) {
        return convertType(t).filter(ts -> ts.size() == 1).map(List::getFirst);
    }

    /** Each of {@code types} converted 1:1; empty when one is not. */
    public Optional<List<Type>> convertTypes(List<? extends Type> types) {
        List<Type> out = new ArrayList<>();
        for (Type t : types) {
            Optional<Type> c = convertType1(t);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            out.add(c.get());
        }
        return Optional.of(out);
    }

    public boolean isLegal(Type t) {
        return convertType(t).map(ts -> ts.equals(List.of(t))).orElse(false);
    }

    public boolean isLegal(List<? extends Type> types) {
        return types.stream().allMatch(this::isLegal);
    }

    /** Whether every operand and result of {@code op}, and every block argument in it, has a legal type. */
    public boolean isLegal(Operation op) {
        return op.operands().stream().allMatch(v -> isLegal(v.type()))
                && op.results().stream().allMatch(v -> isLegal(v.type()))
                && op.regions().stream().allMatch(this::isLegal);
    }

    /** Whether every argument of every block of {@code region} has a legal type. */
    public boolean isLegal(Region region) {
        for (Block b : region.blocks()) {
            for (BlockArgument a : b.arguments()) {
                if (!isLegal(a.type())) {
                    return false;
                }
            }
        }
        return true;
    }

    public boolean isSignatureLegal(FunctionType type) {
        return isLegal(type.inputs()) && isLegal(type.results());
    }

    /** How arguments of {@code types} convert; empty when one cannot. */
    public Optional<SignatureConversion> convertSignature(List<? extends Type> types) {
        SignatureConversion conversion = new SignatureConversion(types.size());
        for (int i = 0; i < types.size(); i++) {
            Optional<List<Type>> c = convertType(types.get(i));
            if (c.isEmpty()) {
                return Optional.empty();
            }
            conversion.addInputs(i, c.get());
        }
        return Optional.of(conversion);
    }

    /** A value of the original {@code type} standing for the converted {@code inputs}, built at the insertion point. */
    public Value materializeSource(PatternRewriter rewriter, Type type, List<Value> inputs, Location location) {
        return materialize(sources, rewriter, type, inputs, location);
    }

    /** A value of the converted {@code type} standing for the original {@code inputs}, built at the insertion point. */
    public Value materializeTarget(PatternRewriter rewriter, Type type, List<Value> inputs, Location location) {
        return materialize(targets, rewriter, type, inputs, location);
    }

    private static Value materialize(List<Materialization> ms, PatternRewriter rewriter, Type type, List<Value> inputs,
                                     Location location) {
        for (int i = ms.size() - 1; i >= 0; i--) {
            Optional<Value> v = ms.get(i).materialize(rewriter, type, inputs, location);
            if (v.isPresent()) {
                return v.get();
            }
        }
        return UnrealizedCasts.create(rewriter, type, inputs, location);
    }
}
