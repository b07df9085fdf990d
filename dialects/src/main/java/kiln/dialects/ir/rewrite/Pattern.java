package kiln.dialects.ir.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;

/**
 * The left-hand side of a {@link Rule}: a tree matched against a value (MLIR's DRR source patterns, tinygrad's
 * {@code UPat}). Three kinds of node:
 * <ul>
 *   <li>{@link Op}: the value is a result of an op of that name, whose operands match the sub-patterns (or any
 *       operands, {@link Op#variadic()}), with checks on its attributes, result types or anything else;</li>
 *   <li>{@link Var}: any value (optionally one passing a test), bound to a name; a name used twice must bind the
 *       same value both times;</li>
 *   <li>{@link Const}: a constant, read through the {@link kiln.dialects.ir.Folder} of the defining op when it is
 *       {@link kiln.dialects.ir.Trait#CONSTANT_LIKE}, so the constants of every dialect match.</li>
 * </ul>
 * Write patterns with the factories here, statically imported: {@code op("aten::mul", var("x"), constant(1))}.
 */
public sealed interface Pattern permits Pattern.Op, Pattern.Var, Pattern.Const {

    /** Whether {@code v} matches, recording the bindings in {@code match}. */
    boolean matches(Value v, Match match);

    /** How many op nodes the tree has: a rule's default benefit, as in DRR. */
    int opCount();

    // ---- factories

    /** An op named {@code name} whose operands match {@code operands}, one each. */
    static Op op(String name, Pattern... operands) {
        return new Op(name, List.of(operands), null, List.of());
    }

    /** Any value, bound to {@code name}. */
    static Var var(String name) {
        return new Var(Objects.requireNonNull(name), v -> true);
    }

    /** A value passing {@code test}, bound to {@code name}. */
    static Var var(String name, Predicate<? super Value> test) {
        return new Var(Objects.requireNonNull(name), test);
    }

    /** Any value, not bound. */
    static Var any() {
        return new Var(null, v -> true);
    }

    /** A value whose type passes {@code test}, not bound. */
    static Var typed(Predicate<? super Type> test) {
        return new Var(null, v -> test.test(v.type()));
    }

    /** Any constant. */
    static Const constant() {
        return new Const(null, a -> true);
    }

    /** An integer constant ({@link IntAttr}) equal to {@code value}. */
    static Const constant(long value) {
        return new Const(null, a -> a instanceof IntAttr i && i.value() == value);
    }

    /** A float constant ({@link FloatAttr}) equal to {@code value}. */
    static Const constant(double value) {
        return new Const(null, a -> a instanceof FloatAttr f && f.value() == value);
    }

    /** A constant whose value equals {@code value}. */
    static Const constant(Attribute value) {
        return new Const(null, value::equals);
    }

    /** A constant whose value passes {@code test}. */
    static Const constant(Predicate<? super Attribute> test) {
        return new Const(null, test);
    }

    /** Any constant, its value bound to {@code name} ({@link Match#constant}). */
    static Const cvar(String name) {
        return new Const(Objects.requireNonNull(name), a -> true);
    }

    /** A constant of attribute kind {@code kind}, bound to {@code name}. */
    static Const cvar(String name, Class<? extends Attribute> kind) {
        return new Const(Objects.requireNonNull(name), kind::isInstance);
    }

    // ---- nodes

    /**
     * An op node.
     *
     * @param operands the operands' patterns, or null for any operands
     * @param binding  the name the op (and the matched result) is bound to, or null
     * @param checks   further conditions on the op
     */
    record Op(String name, List<Pattern> operands, String binding, List<Predicate<? super Operation>> checks)
            implements Pattern {
        public Op {
            Objects.requireNonNull(name);
            operands = operands == null ? null : List.copyOf(operands);
            checks = List.copyOf(checks);
        }

        /** Any number of operands, not matched (bind the op with {@link #as} to read them). */
        public Op variadic() {
            return new Op(name, null, binding, checks);
        }

        /** Binds the op to {@code name} ({@link Match#op}; {@link Match#value} gives the matched result). */
        public Op as(String name) {
            return new Op(this.name, operands, Objects.requireNonNull(name), checks);
        }

        /** Also requires {@code test} of the op. */
        public Op where(Predicate<? super Operation> test) {
            List<Predicate<? super Operation>> more = new ArrayList<>(checks);
            more.add(test);
            return new Op(name, operands, binding, more);
        }

        /** Requires attribute {@code attr} to be present and pass {@code test}. */
        public Op attr(String attr, Predicate<? super Attribute> test) {
            return where(op -> op.attribute(attr) != null && test.test(op.attribute(attr)));
        }

        /** Requires attribute {@code attr} to equal {@code value}. */
        public Op attr(String attr, Attribute value) {
            return attr(attr, value::equals);
        }

        /** Requires every result's type to pass {@code test}. */
        public Op resultType(Predicate<? super Type> test) {
            return where(op -> op.results().stream().allMatch(r -> test.test(r.type())));
        }

        /** Requires the op's results to have exactly one use among them (its value goes nowhere else). */
        public Op oneUse() {
            return where(op -> op.results().stream().mapToInt(r -> r.uses().size()).sum() == 1);
        }

        @Override
        public boolean matches(Value v, Match match) {
            return v.definingOp() != null && matchesOp(v.definingOp(), match) && match.bind(binding, v);
        }

        /** Whether {@code op} itself matches (the root of a rule). */
        boolean matchesOp(Operation op, Match match) {
            if (!op.name().equals(name) || operands != null && op.numOperands() != operands.size()) {
                return false;
            }
            for (Predicate<? super Operation> check : checks) {
                if (!check.test(op)) {
                    return false;
                }
            }
            if (operands != null) {
                for (int i = 0; i < operands.size(); i++) {
                    if (!operands.get(i).matches(op.operand(i), match)) {
                        return false;
                    }
                }
            }
            return match.bindOp(binding, op);
        }

        @Override
        public int opCount() {
            return 1 + (operands == null ? 0 : operands.stream().mapToInt(Pattern::opCount).sum());
        }
    }

    /** A value node, bound to {@code name} unless it is null. */
    record Var(String name, Predicate<? super Value> test) implements Pattern {
        public Var {
            Objects.requireNonNull(test);
        }

        @Override
        public boolean matches(Value v, Match match) {
            return test.test(v) && match.bind(name, v);
        }

        @Override
        public int opCount() {
            return 0;
        }
    }

    /** A constant node, its value bound to {@code name} unless it is null. */
    record Const(String name, Predicate<? super Attribute> test) implements Pattern {
        public Const {
            Objects.requireNonNull(test);
        }

        /** Binds the constant's value to {@code name}. */
        public Const as(String name) {
            return new Const(Objects.requireNonNull(name), test);
        }

        @Override
        public boolean matches(Value v, Match match) {
            Attribute a = Folding.constantOf(v);
            return a != null && test.test(a) && match.bindConstant(name, v, a);
        }

        @Override
        public int opCount() {
            return 0;
        }
    }
}
