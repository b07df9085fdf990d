package kiln.lowering.conversion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;

/**
 * What a dialect conversion must reach (MLIR's {@code ConversionTarget}): which ops are legal, which are illegal and
 * must be converted, and which are legal only for some operands or attributes (a predicate decides). Ops are named
 * by their full name ({@code aten::mul}) or by their dialect's namespace ({@code aten}, {@code arith}); a name
 * decides before its namespace. Ops the target does not mention are {@link Legality#UNKNOWN}: a partial conversion
 * may leave them, a full one may not, unless {@link #markUnknownOpDynamicallyLegal} decides for them.
 */
public final class ConversionTarget {
    /** What the target says of one op. */
    public enum Legality {
        /** The op may stay. */
        LEGAL,
        /** The op must be converted: marked illegal, or dynamically legal and its predicate says no. */
        ILLEGAL,
        /** The target says nothing of the op. */
        UNKNOWN
    }

    /** How ops of a name or namespace are treated. */
    private sealed interface Action {
        record Legal() implements Action {
        }

        record Illegal() implements Action {
        }

        record Dynamic(Predicate<Operation> isLegal) implements Action {
        }
    }

    private static final Action LEGAL = new Action.Legal();
    private static final Action ILLEGAL = new Action.Illegal();

    private final Map<String, Action> byName = new HashMap<>();
    private final Map<String, Action> byNamespace = new HashMap<>();
    private Predicate<Operation> unknown;

    public ConversionTarget addLegalOp(String... names) {
        return put(byName, LEGAL, names);
    }

    public ConversionTarget addLegalOp(OpDef... defs) {
        return addLegalOp(names(defs));
    }

    public ConversionTarget addIllegalOp(String... names) {
        return put(byName, ILLEGAL, names);
    }

    public ConversionTarget addIllegalOp(OpDef... defs) {
        return addIllegalOp(names(defs));
    }

    /** Ops named {@code name} are legal where {@code isLegal} holds for them, illegal elsewhere. */
    public ConversionTarget addDynamicallyLegalOp(String name, Predicate<Operation> isLegal) {
        return put(byName, new Action.Dynamic(Objects.requireNonNull(isLegal)), name);
    }

    public ConversionTarget addDynamicallyLegalOp(OpDef def, Predicate<Operation> isLegal) {
        return addDynamicallyLegalOp(def.name(), isLegal);
    }

    /** Every op of these namespaces ({@code arith}, {@code builtin}) is legal unless its name says otherwise. */
    public ConversionTarget addLegalDialect(String... namespaces) {
        return put(byNamespace, LEGAL, namespaces);
    }

    /** Every op of each namespace of {@code dialect} is legal unless its name says otherwise. */
    public ConversionTarget addLegalDialect(Dialect dialect) {
        return addLegalDialect(dialect.namespaces().toArray(String[]::new));
    }

    public ConversionTarget addIllegalDialect(String... namespaces) {
        return put(byNamespace, ILLEGAL, namespaces);
    }

    public ConversionTarget addIllegalDialect(Dialect dialect) {
        return addIllegalDialect(dialect.namespaces().toArray(String[]::new));
    }

    /** Ops of these namespaces are legal where {@code isLegal} holds, unless their name says otherwise. */
    public ConversionTarget addDynamicallyLegalDialect(Predicate<Operation> isLegal, String... namespaces) {
        return put(byNamespace, new Action.Dynamic(Objects.requireNonNull(isLegal)), namespaces);
    }

    /** Ops the target does not mention are legal where {@code isLegal} holds, illegal elsewhere. */
    public ConversionTarget markUnknownOpDynamicallyLegal(Predicate<Operation> isLegal) {
        this.unknown = Objects.requireNonNull(isLegal);
        return this;
    }

    /** What the target says of {@code op}. */
    public Legality legality(Operation op) {
        Action a = byName.get(op.name());
        if (a == null) {
            a = byNamespace.get(DialectRegistry.namespaceOf(op.name()));
        }
        if (a == null) {
            return unknown == null ? Legality.UNKNOWN : unknown.test(op) ? Legality.LEGAL : Legality.ILLEGAL;
        }
        return switch (a) {
            case Action.Legal l -> Legality.LEGAL;
            case Action.Illegal i -> Legality.ILLEGAL;
            case Action.Dynamic d -> d.isLegal().test(op) ? Legality.LEGAL : Legality.ILLEGAL;
        };
    }

    public boolean isLegal(Operation op) {
        return legality(op) == Legality.LEGAL;
    }

    /** Whether {@code op} is illegal: marked so, or dynamically legal and its predicate says no (MLIR's isIllegal). */
    public boolean isIllegal(Operation op) {
        return legality(op) == Legality.ILLEGAL;
    }

    private ConversionTarget put(Map<String, Action> map, Action action, String... keys) {
        for (String k : keys) {
            map.put(Objects.requireNonNull(k), action);
        }
        return this;
    }

    private static String[] names(OpDef... defs) {
        return List.of(defs).stream().map(OpDef::name).toArray(String[]::new);
    }
}
