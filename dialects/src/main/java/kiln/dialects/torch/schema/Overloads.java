package kiln.dialects.torch.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.types.TensorType;

/**
 * Which overload of its operator an op of a graph calls: of the overloads whose schemas {@linkplain SchemaMatcher
 * accept} the op's operand and result types, the most specific — the one taking the most operands at exactly their
 * types ({@code aten::add.int} for two ints, not the {@code Scalar} overload), as TorchScript's compiler prefers a
 * schema that needs no conversion — and among equally specific ones the first in the registry's order (PyTorch's
 * {@code Node::maybeOperator}). The interpreter binds its kernels by this choice, constant propagation evaluates by
 * it and conversions lower by it, so all of them mean the same overload. Answers are cached by operator name, operand types
 * and result types (types are immutable values).
 */
public final class Overloads {
    /** Beyond this many distinct signatures answers are still given, just no longer remembered. */
    private static final int CACHE_LIMIT = 1 << 16;
    private static final Overloads STANDARD = new Overloads(OperatorRegistry.standard());

    private final OperatorRegistry registry;
    private final Map<Signature, Optional<FunctionSchema>> cache = new ConcurrentHashMap<>();

    private Overloads(OperatorRegistry registry) {
        this.registry = registry;
    }

    /** Resolution against PyTorch's schemas ({@link OperatorRegistry#standard()}), shared by every caller. */
    public static Overloads standard() {
        return STANDARD;
    }

    /** Resolution against {@code registry}'s schemas (the shared resolver for the standard registry). */
    public static Overloads of(OperatorRegistry registry) {
        return registry == OperatorRegistry.standard() ? STANDARD : new Overloads(registry);
    }

    /** The schemas resolved against. */
    public OperatorRegistry registry() {
        return registry;
    }

    /** The overload {@code op} calls; empty when its operator has no schema or none accepts its types. */
    public Optional<FunctionSchema> resolve(Operation op) {
        return resolve(op.name(), op.operands().stream().map(Value::type).toList(),
                op.results().stream().map(Value::type).toList());
    }

    /** The overload of {@code operator} that accepts these operand and result types, if any. */
    public Optional<FunctionSchema> resolve(String operator, List<Type> operands, List<Type> results) {
        Signature key = new Signature(operator, List.copyOf(operands), List.copyOf(results));
        Optional<FunctionSchema> known = cache.get(key);
        if (known != null) {
            return known;
        }
        FunctionSchema best = null;
        int bestScore = -1;
        for (FunctionSchema s : registry.overloads(operator)) {
            if (SchemaMatcher.accepts(s, key.operands(), key.results())) {
                int score = exactArguments(s, key.operands());
                if (score > bestScore) {
                    best = s;
                    bestScore = score;
                }
            }
        }
        Optional<FunctionSchema> found = Optional.ofNullable(best);
        if (cache.size() < CACHE_LIMIT) {
            cache.putIfAbsent(key, found);
        }
        return found;
    }

    /** How many operands the schema takes at exactly their own type (tensor refinements aside). */
    private static int exactArguments(FunctionSchema s, List<Type> operands) {
        int n = 0;
        for (int i = 0; i < Math.min(s.arguments().size(), operands.size()); i++) {
            Type actual = operands.get(i) instanceof TensorType ? TensorType.TENSOR : operands.get(i);
            if (s.arguments().get(i).type().equals(actual)) {
                n++;
            }
        }
        return n;
    }

    private record Signature(String operator, List<Type> operands, List<Type> results) {
    }
}
