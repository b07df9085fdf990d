package kiln.dialects.ir;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An op interface (MLIR's {@code fold} hook): simplifies one op given which of its operands are constants, without
 * creating ops. The canonicalizer and the greedy rewrite driver call it; a dialect's {@link
 * Dialect#materializeConstant} turns a constant result into an op.
 */
@FunctionalInterface
public interface Folder {
    /**
     * Folds {@code op}.
     *
     * @param constants one entry per operand: the constant it is known to be, or null
     * @return empty when nothing folds; else one result per op result (an existing value or a constant), or, for
     *         an op updated in place, its own results as {@link Result.Existing}
     */
    Optional<List<Result>> fold(Operation op, List<Attribute> constants);

    /** One folded result. */
    sealed interface Result {
        /** The result is this value, already in the IR. */
        record Existing(Value value) implements Result {
            public Existing {
                Objects.requireNonNull(value);
            }
        }

        /** The result is this constant (materialized by the op's dialect). */
        record Constant(Attribute value) implements Result {
            public Constant {
                Objects.requireNonNull(value);
            }
        }

        static Result of(Value v) {
            return new Existing(v);
        }

        static Result of(Attribute a) {
            return new Constant(a);
        }
    }

    /** A fold of an op with one result to one value. */
    static Optional<List<Result>> to(Value v) {
        return Optional.of(List.of(new Result.Existing(v)));
    }

    /** A fold of an op with one result to one constant. */
    static Optional<List<Result>> to(Attribute a) {
        return Optional.of(List.of(new Result.Constant(a)));
    }
}
