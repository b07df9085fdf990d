package kiln.api;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kiln.runtime.interp.value.ScriptObject;
import kiln.runtime.tensor.Scalar;

/**
 * A TorchScript value, as PyTorch's C++ {@code IValue}: what a model's methods take and return. The kinds are the
 * permitted types, so a {@code switch} over a value is exhaustive: {@link Tensor}, {@link Int} ({@code int}),
 * {@link Float} ({@code float}), {@link Bool}, {@link Str}, {@link None}, {@link List}, {@link Tuple}, {@link Dict},
 * {@link Device} and {@link Instance} (an object of a TorchScript class, modules included). {@code Optional[T]}
 * is a {@code T} or {@link #NONE}.
 *
 * <p>The {@code toX} accessors unwrap a value of the expected kind and throw {@link ClassCastException} naming both
 * types otherwise ({@code out.toTuple().get(0).toTensor()}), as {@code IValue::toTensor} does. {@link
 * #from(Object)} turns plain Java values into TorchScript ones, which is what every call does with its
 * arguments. Values other than tensors and instances are immutable; containers compare by content, tensors and
 * instances by identity. {@link #toString()} is Python's {@code repr}.
 */
public sealed interface Value permits Tensor, Value.Int, Value.Float, Value.Bool, Value.Str, Value.None, Value.List,
        Value.Tuple, Value.Dict, Value.Device, Value.Instance {

    /** TorchScript's {@code None}. */
    None NONE = new None();

    /** A TorchScript {@code int} (64-bit). */
    record Int(long value) implements Value {
        @Override
        public long toLong() {
            return value;
        }

        @Override
        public double toDouble() {
            return value;
        }

        @Override
        public String typeName() {
            return "int";
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A TorchScript {@code float} (a double). */
    record Float(double value) implements Value {
        @Override
        public double toDouble() {
            return value;
        }

        @Override
        public String typeName() {
            return "float";
        }

        @Override
        public String toString() {
            return Scalar.of(value).toString();
        }
    }

    /** A TorchScript {@code bool}. */
    record Bool(boolean value) implements Value {
        @Override
        public boolean toBool() {
            return value;
        }

        @Override
        public String typeName() {
            return "bool";
        }

        @Override
        public String toString() {
            return value ? "True" : "False";
        }
    }

    /** A TorchScript {@code str}. */
    record Str(String value) implements Value {
        public Str {
            java.util.Objects.requireNonNull(value, "value");
        }

        @Override
        public String toStr() {
            return value;
        }

        @Override
        public String typeName() {
            return "str";
        }

        @Override
        public String toString() {
            return PythonRepr.string(value);
        }
    }

    /** TorchScript's {@code None}: an empty {@code Optional[T]}. Use {@link Value#NONE}. */
    record None() implements Value {
        @Override
        public boolean isNone() {
            return true;
        }

        @Override
        public Optional<Value> toOptional() {
            return Optional.empty();
        }

        @Override
        public String typeName() {
            return "NoneType";
        }

        @Override
        public String toString() {
            return "None";
        }
    }

    /** A TorchScript {@code List[T]}, as an unmodifiable snapshot (the model's later changes do not show). */
    record List(java.util.List<Value> elements) implements Value {
        public List {
            elements = java.util.List.copyOf(elements);
        }

        @Override
        public java.util.List<Value> toList() {
            return elements;
        }

        @Override
        public String typeName() {
            return PythonRepr.elementsType("List", elements);
        }

        @Override
        public String toString() {
            return PythonRepr.sequence("[", elements, "]");
        }
    }

    /** A TorchScript tuple. */
    record Tuple(java.util.List<Value> elements) implements Value {
        public Tuple {
            elements = java.util.List.copyOf(elements);
        }

        /** Element {@code index}. */
        public Value get(int index) {
            return elements.get(index);
        }

        @Override
        public java.util.List<Value> toTuple() {
            return elements;
        }

        @Override
        public String typeName() {
            return "Tuple[" + elements.stream().map(Value::typeName).collect(Collectors.joining(", ")) + "]";
        }

        @Override
        public String toString() {
            return PythonRepr.sequence("(", elements, elements.size() == 1 ? ",)" : ")");
        }
    }

    /** A TorchScript {@code Dict[K, V]}, in insertion order, as an unmodifiable snapshot. */
    record Dict(Map<Value, Value> entries) implements Value {
        public Dict {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** The value for {@code key} (a Java value is converted as {@link Value#from} does), if present. */
        public Optional<Value> get(Object key) {
            return Optional.ofNullable(entries.get(Value.from(key)));
        }

        @Override
        public Map<Value, Value> toDict() {
            return entries;
        }

        @Override
        public String typeName() {
            return entries.isEmpty() ? "Dict" : "Dict[" + entries.keySet().iterator().next().typeName() + ", "
                    + entries.values().iterator().next().typeName() + "]";
        }

        @Override
        public String toString() {
            return entries.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    /** A {@code torch.device}, by its name: {@code cpu}, {@code cuda:0}. */
    record Device(String name) implements Value {
        public Device {
            java.util.Objects.requireNonNull(name, "name");
        }

        @Override
        public String typeName() {
            return "Device";
        }

        @Override
        public String toString() {
            return "device(type='" + (name.contains(":") ? name.substring(0, name.indexOf(':')) + "', index="
                    + name.substring(name.indexOf(':') + 1) : name + "'") + ")";
        }
    }

    /**
     * An object of a TorchScript class (a module, or a {@code @torch.jit.script} class): a live reference, so its
     * attributes read the object's current state, and passing it back to a method passes the same object.
     */
    final class Instance implements Value {
        private final ScriptObject object;

        Instance(ScriptObject object) {
            this.object = object;
        }

        /** The qualified class name, e.g. {@code __torch__.MyModule}. */
        public String className() {
            return object.className();
        }

        /** The attribute names that are set, in declaration order. */
        public java.util.List<String> attributeNames() {
            return java.util.List.copyOf(object.attributes().keySet());
        }

        /**
         * Attribute {@code name}'s current value.
         *
         * @throws IllegalArgumentException when the object has no such attribute
         */
        public Value attribute(String name) {
            if (!object.has(name)) {
                throw new IllegalArgumentException(className() + " has no attribute '" + name + "' (it has: "
                        + String.join(", ", attributeNames()) + ")");
            }
            return RuntimeValues.fromRuntime(object.get(name));
        }

        ScriptObject object() {
            return object;
        }

        @Override
        public Instance toInstance() {
            return this;
        }

        @Override
        public String typeName() {
            return className();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Instance i && i.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }

        @Override
        public String toString() {
            return "<" + className() + " object at 0x" + Integer.toHexString(System.identityHashCode(object)) + ">";
        }
    }

    // ---- making values ----------------------------------------------------------------------------------

    /** A TorchScript {@code int}. */
    static Int of(long value) {
        return new Int(value);
    }

    /** A TorchScript {@code float}. */
    static Float of(double value) {
        return new Float(value);
    }

    /** A TorchScript {@code bool}. */
    static Bool of(boolean value) {
        return new Bool(value);
    }

    /** A TorchScript {@code str}. */
    static Str of(String value) {
        return new Str(value);
    }

    /** A list of the elements, each converted as {@link #from} does. */
    static List listOf(Object... elements) {
        return new List(java.util.Arrays.stream(elements).map(Value::from).toList());
    }

    /** A tuple of the elements, each converted as {@link #from} does. */
    static Tuple tupleOf(Object... elements) {
        return new Tuple(java.util.Arrays.stream(elements).map(Value::from).toList());
    }

    /**
     * A plain Java value as a TorchScript value: a {@code Value} as it is; {@code null} and an empty {@link Optional}
     * as {@link #NONE}, a present one as its content; {@code Long}, {@code Integer}, {@code Short}, {@code Byte} as
     * {@code int}; {@code Double} and {@code java.lang.Float} as {@code float}; {@code Boolean}; {@code String} and
     * {@code Character} as {@code str}; a {@link Collection} or an array (of objects, longs, ints, doubles, floats or
     * booleans) as a list; a {@link Map} as a dict (keys and values converted too).
     *
     * @throws IllegalArgumentException for anything else, naming its class
     */
    static Value from(Object value) {
        return switch (value) {
            case null -> NONE;
            case Value v -> v;
            case Optional<?> o -> o.isEmpty() ? NONE : from(o.get());
            case Long l -> new Int(l);
            case Integer i -> new Int(i);
            case Short s -> new Int(s);
            case Byte b -> new Int(b);
            case Double d -> new Float(d);
            case java.lang.Float f -> new Float(f);
            case Boolean b -> new Bool(b);
            case String s -> new Str(s);
            case Character c -> new Str(c.toString());
            case Collection<?> c -> new List(c.stream().map(Value::from).toList());
            case Map<?, ?> m -> {
                Map<Value, Value> entries = new LinkedHashMap<>();
                m.forEach((k, v) -> entries.put(from(k), from(v)));
                yield new Dict(entries);
            }
            case Object[] a -> listOf(a);
            case long[] a -> new List(java.util.Arrays.stream(a).mapToObj(x -> (Value) new Int(x)).toList());
            case int[] a -> new List(java.util.Arrays.stream(a).mapToObj(x -> (Value) new Int(x)).toList());
            case double[] a -> new List(java.util.Arrays.stream(a).mapToObj(x -> (Value) new Float(x)).toList());
            case float[] a -> new List(java.util.stream.IntStream.range(0, a.length)
                    .mapToObj(i -> (Value) new Float(a[i])).toList());
            case boolean[] a -> new List(java.util.stream.IntStream.range(0, a.length)
                    .mapToObj(i -> (Value) new Bool(a[i])).toList());
            default -> throw new IllegalArgumentException("a " + value.getClass().getName()
                    + " is not a TorchScript value (give a Tensor, a number, a boolean, a String, a List, a Map, "
                    + "an Optional, null or a Value)");
        };
    }

    // ---- reading values ---------------------------------------------------------------------------------

    /**
     * The TorchScript type, for messages: {@code Tensor}, {@code int}, {@code List[int]}, {@code Tuple[Tensor,
     * int]}, {@code Dict[str, Tensor]}; a list or dict with no elements says only {@code List} or {@code Dict}.
     */
    String typeName();

    /** This value as a tensor. */
    default Tensor toTensor() {
        throw mismatch("Tensor");
    }

    /** This {@code int}. */
    default long toLong() {
        throw mismatch("int");
    }

    /** This {@code float}, or an {@code int} widened, as Python's {@code float(x)}. */
    default double toDouble() {
        throw mismatch("float");
    }

    /** This {@code bool}. */
    default boolean toBool() {
        throw mismatch("bool");
    }

    /** This {@code str}. */
    default String toStr() {
        throw mismatch("str");
    }

    /** This list's elements. */
    default java.util.List<Value> toList() {
        throw mismatch("List");
    }

    /** This tuple's elements. */
    default java.util.List<Value> toTuple() {
        throw mismatch("Tuple");
    }

    /** This dict's entries, in insertion order. */
    default Map<Value, Value> toDict() {
        throw mismatch("Dict");
    }

    /** This object of a TorchScript class. */
    default Instance toInstance() {
        throw mismatch("an object");
    }

    /** Whether this is {@code None}. */
    default boolean isNone() {
        return false;
    }

    /** This value as an {@code Optional[T]}: empty for {@code None}. */
    default Optional<Value> toOptional() {
        return Optional.of(this);
    }

    private ClassCastException mismatch(String expected) {
        return new ClassCastException("expected a value of type " + expected + ", got " + typeName());
    }
}
