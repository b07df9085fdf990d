package kiln.dialects.arith;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Value;

/**
 * A reference evaluator of straight-line arith code: runs a function body of one block whose ops implement
 * {@link ArithKernel}, ending in a return, on argument values given as attributes (as {@link ArithKernel} takes
 * them). It is the ground truth conversions to arith are checked against; it stops at the first op whose result
 * MLIR leaves undefined.
 */
public final class ArithEvaluator {
    private ArithEvaluator() {
    }

    /** An op whose result is undefined for its operands (a division by zero, an out-of-range conversion). */
    public static final class UndefinedException extends RuntimeException {
        private final transient Operation op;

        UndefinedException(Operation op, List<Attribute> operands) {
            super(op.location() + ": '" + op.name() + "' is undefined for operands " + operands.stream()
                    .map(Attribute::asm).toList());
            this.op = op;
        }

        public Operation op() {
            return op;
        }
    }

    /** Runs the body of {@code func} (a {@code builtin.func}) on {@code arguments}; returns what it returns. */
    public static List<Attribute> run(Operation func, List<Attribute> arguments) {
        if (func.def() != BuiltinDialect.FUNC) {
            throw new IllegalArgumentException("expected a builtin.func, not '" + func.name() + "'");
        }
        return run(func.region(0), arguments);
    }

    /** Runs a region of one block on {@code arguments} (one per block argument). */
    public static List<Attribute> run(Region body, List<Attribute> arguments) {
        if (body.blocks().size() != 1) {
            throw new IllegalArgumentException("evaluates a body of one block, not " + body.blocks().size());
        }
        Block block = body.entry();
        if (block.arguments().size() != arguments.size()) {
            throw new IllegalArgumentException("the body takes " + block.arguments().size() + " argument(s), got "
                    + arguments.size());
        }
        Map<Value, Attribute> env = new IdentityHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            env.put(block.argument(i), arguments.get(i));
        }
        for (Operation op : block.ops()) {
            List<Attribute> operands = new ArrayList<>();
            for (Value v : op.operands()) {
                Attribute a = env.get(v);
                if (a == null) {
                    throw new IllegalArgumentException(op.location() + ": operand of '" + op.name()
                            + "' has no value (defined outside the body?)");
                }
                operands.add(a);
            }
            if (op.has(Trait.RETURN_LIKE)) {
                return operands;
            }
            ArithKernel kernel = op.getInterface(ArithKernel.class).orElseThrow(() -> new IllegalArgumentException(
                    op.location() + ": cannot evaluate '" + op.name() + "', not an arith op"));
            Optional<Attribute> result = kernel.evaluate(op, operands);
            if (result.isEmpty()) {
                throw new UndefinedException(op, operands);
            }
            env.put(op.result(0), result.get());
        }
        throw new IllegalArgumentException("the body does not end in a return");
    }
}
