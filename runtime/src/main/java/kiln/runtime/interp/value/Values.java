package kiln.runtime.interp.value;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import kiln.dialects.torch.scalar.PyNumbers;
import kiln.dialects.torch.types.Device;
import kiln.runtime.tensor.Tensor;

/**
 * Python's names, equality and truth for interpreter values (the mapping is in the package documentation of
 * {@code kiln.runtime.interp}).
 */
public final class Values {
    private Values() {
    }

    /**
     * Whether {@code test} holds for a tensor in {@code value}: the value itself, or an element of a list or
     * tuple, or a dict's value, at any depth; the walk stops at the first match.
     */
    public static boolean anyTensor(Object value, Predicate<Tensor> test) {
        return switch (value) {
            case Tensor t -> test.test(t);
            case ScriptList l -> l.items().stream().anyMatch(v -> anyTensor(v, test));
            case ScriptTuple t -> t.elements().stream().anyMatch(v -> anyTensor(v, test));
            case ScriptDict d -> d.entries().values().stream().anyMatch(v -> anyTensor(v, test));
            case null, default -> false;
        };
    }

    /** Calls {@code action} on every tensor in {@code value}, as {@link #anyTensor} walks them. */
    public static void forEachTensor(Object value, Consumer<Tensor> action) {
        anyTensor(value, t -> {
            action.accept(t);
            return false;
        });
    }

    /** The Python type name of a value, for messages: {@code int}, {@code Tensor}, {@code List[int]}. */
    public static String typeName(Object v) {
        return switch (v) {
            case null -> "NoneType";
            case Tensor t -> "Tensor";
            case Long l -> "int";
            case Double d -> "float";
            case Boolean b -> "bool";
            case String s -> "str";
            case ScriptList l -> l.elementType() == null ? "list" : "List[" + l.elementType().annotationString() + "]";
            case ScriptTuple t -> "tuple";
            case ScriptDict d -> "dict";
            case ScriptObject o -> o.className();
            case ScriptFuture f -> "Future";
            case ScriptFunction f -> "Function";
            case Device d -> "Device";
            default -> v.getClass().getSimpleName();
        };
    }

    /**
     * Python's {@code ==} on values of the same TorchScript type: numbers by value ({@code 1 == 1.0}), strings,
     * devices, and containers element by element; tensors, objects and futures by identity.
     */
    public static boolean pyEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isNumber(a) && isNumber(b)) {
            return PyNumbers.eq(a, b);
        }
        return switch (a) {
            case String s -> s.equals(b);
            case Device d -> d.equals(b);
            case ScriptList l when b instanceof ScriptList m -> sequenceEquals(l.items(), m.items());
            case ScriptTuple t when b instanceof ScriptTuple u -> sequenceEquals(t.elements(), u.elements());
            case ScriptDict d when b instanceof ScriptDict e -> dictEquals(d.entries(), e.entries());
            default -> false;
        };
    }

    private static boolean sequenceEquals(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<?> i = a.iterator();
        Iterator<?> j = b.iterator();
        while (i.hasNext()) {
            if (!pyEquals(i.next(), j.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean dictEquals(Map<?, ?> a, Map<?, ?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<?, ?> e : a.entrySet()) {
            if (!b.containsKey(e.getKey()) || !pyEquals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** An int, float or bool (bools are ints in Python arithmetic). */
    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof Boolean;
    }

    public static double toDouble(Object v) {
        return switch (v) {
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b ? 1 : 0;
            default -> throw ScriptException.typeError("expected a number, got " + typeName(v));
        };
    }

    public static long toLong(Object v) {
        return switch (v) {
            case Long l -> l;
            case Boolean b -> b ? 1 : 0;
            default -> throw ScriptException.typeError("expected an int, got " + typeName(v));
        };
    }

    /** A hash consistent with {@link #pyEquals} for dict keys of one type. */
    public static int hash(Object v) {
        return Objects.hashCode(v);
    }
}
