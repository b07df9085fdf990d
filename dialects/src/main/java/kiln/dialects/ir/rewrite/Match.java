package kiln.dialects.ir.rewrite;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;

/**
 * What a {@link Rule}'s pattern bound when it matched: the root op, the values of its variables, the ops of its
 * named op nodes and the values of its named constants, and the {@link PatternRewriter} to rewrite with (its
 * insertion point is just before the root).
 */
public final class Match {
    private final Operation root;
    private final PatternRewriter rewriter;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, Operation> ops = new HashMap<>();
    private final Map<String, Attribute> constants = new HashMap<>();

    Match(Operation root, PatternRewriter rewriter) {
        this.root = root;
        this.rewriter = rewriter;
    }

    /** The op the rule matched. */
    public Operation root() {
        return root;
    }

    public PatternRewriter rewriter() {
        return rewriter;
    }

    /** The value bound to {@code name}: a variable, the matched result of a named op, a named constant. */
    public Value value(String name) {
        return found(values.get(name), name, "value");
    }

    /** The op bound to {@code name}. */
    public Operation op(String name) {
        return found(ops.get(name), name, "op");
    }

    /** The value of the constant bound to {@code name}. */
    public Attribute constant(String name) {
        return found(constants.get(name), name, "constant");
    }

    /** The value of the constant bound to {@code name}, which the pattern required to be a {@code kind}. */
    public <A extends Attribute> A constant(String name, Class<A> kind) {
        Attribute a = constant(name);
        if (!kind.isInstance(a)) {
            throw new IllegalStateException("constant '" + name + "' is " + a + ", not a " + kind.getSimpleName());
        }
        return kind.cast(a);
    }

    /** Binds {@code name} to {@code v}; false when it is bound to another value already. Null names bind nothing. */
    boolean bind(String name, Value v) {
        return name == null || Objects.requireNonNullElse(values.putIfAbsent(name, v), v) == v;
    }

    boolean bindOp(String name, Operation op) {
        return name == null || Objects.requireNonNullElse(ops.putIfAbsent(name, op), op) == op;
    }

    boolean bindConstant(String name, Value v, Attribute value) {
        if (name == null) {
            return true;
        }
        constants.putIfAbsent(name, value);
        return bind(name, v);
    }

    private static <T> T found(T t, String name, String what) {
        if (t == null) {
            throw new IllegalArgumentException("the pattern binds no " + what + " named '" + name + "'");
        }
        return t;
    }
}
