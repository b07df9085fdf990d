package kiln.dialects.arith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Verifier;

/**
 * MLIR's {@code arith} dialect over the builtin types: integer and float arithmetic, comparisons, select and casts
 * on signless integers (i1 included), index, f16/bf16/f32/f64 and vectors of them, element by element. The ops are
 * declared in {@link ArithOps}; each folds as MLIR's does and computes its value through its {@link ArithKernel}.
 */
public final class ArithDialect implements Dialect {
    public static final ArithDialect INSTANCE = new ArithDialect();

    private ArithDialect() {
    }

    @Override
    public String name() {
        return "arith";
    }

    @Override
    public List<String> namespaces() {
        return List.of("arith");
    }

    @Override
    public List<OpDef> ops() {
        return ArithOps.ALL;
    }

    /** MLIR's arith canonicalization rows ({@link ArithCanonicalization}). */
    @Override
    public List<kiln.dialects.ir.rewrite.RewritePattern> canonicalizationPatterns() {
        return ArithCanonicalization.rules().patterns();
    }

    /** An {@code arith.constant} of {@code value} when {@code value} is a valid constant of exactly {@code type}. */
    @Override
    public Optional<Operation> materializeConstant(Attribute value, Type type, Location location) {
        if (!type.equals(ArithFormats.typeOf(value))) {
            return Optional.empty();
        }
        Operation op = constant(value, location);
        return Verifier.verify(op).isEmpty() ? Optional.of(op) : Optional.empty();
    }

    /** A detached {@code arith.constant} of {@code value} (its type is the attribute's). */
    public static Operation constant(Attribute value, Location location) {
        Type type = ArithFormats.typeOf(value);
        if (type == null) {
            throw new IllegalArgumentException("not a constant of a typed value: " + value.asm());
        }
        return Operation.create(ArithOps.CONSTANT, List.of(), List.of(type), Map.of(ArithFormats.VALUE, value), 0,
                location);
    }

    /** The attributes of an {@code arith.cmpi} with predicate {@code p}. */
    public static Map<String, Attribute> predicate(CmpIPredicate p) {
        return Map.of(ArithFormats.PREDICATE, new IntAttr(p.ordinal()));
    }

    /** The attributes of an {@code arith.cmpf} with predicate {@code p}. */
    public static Map<String, Attribute> predicate(CmpFPredicate p) {
        return Map.of(ArithFormats.PREDICATE, new IntAttr(p.ordinal()));
    }
}
