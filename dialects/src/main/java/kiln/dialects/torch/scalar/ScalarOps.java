package kiln.dialects.torch.scalar;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.TreeMap;

/**
 * TorchScript's scalar operators, one entry per operator overload, keyed by PyTorch's overloaded name
 * ({@code aten::add.int}, {@code aten::floordiv.float_int}, {@code aten::add} for the {@code Scalar} overload,
 * {@code aten::__range_length}, {@code aten::Float.str}, {@code prim::max.int_float}, …): arithmetic, comparisons,
 * bool and int bit operators, conversions, the {@code math} functions and the {@code str} methods whose results
 * are scalars. The interpreter's kernels for these overloads are these functions, and constant propagation folds
 * through them, so both agree by construction.
 */
public final class ScalarOps {
    private static final ScalarOps STANDARD = build();

    private final NavigableMap<String, ScalarFunction> byOverload;

    private ScalarOps(Map<String, ScalarFunction> byOverload) {
        this.byOverload = Collections.unmodifiableNavigableMap(new TreeMap<>(byOverload));
    }

    /** Every scalar operator overload TorchScript has and Kiln implements. */
    public static ScalarOps standard() {
        return STANDARD;
    }

    private static ScalarOps build() {
        Table t = new Table();
        NumberOps.define(t);
        MathOps.define(t);
        StringOps.define(t);
        return new ScalarOps(t.byOverload);
    }

    /** The function of the overload {@code overloadedName} ({@code aten::add.int}), if it is a scalar operator. */
    public Optional<ScalarFunction> lookup(String overloadedName) {
        return Optional.ofNullable(byOverload.get(overloadedName));
    }

    public boolean contains(String overloadedName) {
        return byOverload.containsKey(overloadedName);
    }

    /** Every overload in the table, sorted by name. */
    public SequencedSet<String> overloads() {
        return byOverload.navigableKeySet();
    }

    /** Applies the overload {@code overloadedName} to {@code args}; it must be in the table. */
    public Object apply(String overloadedName, Object... args) {
        ScalarFunction f = byOverload.get(overloadedName);
        if (f == null) {
            throw new IllegalArgumentException("no scalar operator " + overloadedName);
        }
        return f.apply(args);
    }

    /** The table while it is being filled. */
    static final class Table {
        private final Map<String, ScalarFunction> byOverload = new HashMap<>();

        /** Defines {@code f} as the overload {@code overloadedName}. */
        void define(String overloadedName, ScalarFunction f) {
            if (byOverload.putIfAbsent(overloadedName, f) != null) {
                throw new IllegalStateException("two definitions of " + overloadedName);
            }
        }

        /** Defines {@code f} as {@code name.overload} for each overload ({@code ""} is the default one). */
        void define(String name, ScalarFunction f, String... overloads) {
            for (String o : overloads) {
                define(o.isEmpty() ? name : name + "." + o, f);
            }
        }
    }
}
