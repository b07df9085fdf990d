package kiln.dialects.torch.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;

/**
 * Which overload of its operator an op of a graph calls: the first overload, in the registry's order, whose schema
 * {@linkplain SchemaMatcher accepts} the op's operand and result types (PyTorch's {@code Node::maybeOperator},
 * which also takes the first schema that matches). The interpreter binds its kernels by this choice and constant
 * propagation evaluates by it, so both run the same overload. Answers are cached by operator name, operand types
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
        Optional<FunctionSchema> found = registry.overloads(operator).stream()
                .filter(s -> SchemaMatcher.accepts(s, key.operands(), key.results())).findFirst();
        if (cache.size() < CACHE_LIMIT) {
            cache.putIfAbsent(key, found);
        }
        return found;
    }

    private record Signature(String operator, List<Type> operands, List<Type> results) {
    }
}
