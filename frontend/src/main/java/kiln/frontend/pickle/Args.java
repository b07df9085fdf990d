package kiln.frontend.pickle;

import java.util.ArrayList;
import java.util.List;

/** Typed access to the argument tuple of an allow-listed callable; wrong types are IllegalArgumentExceptions. */
final class Args {
    private final String function;
    private final PyTuple args;

    Args(String function, PyTuple args, int min, int max) {
        this.function = function;
        this.args = args;
        if (args.size() < min || args.size() > max) {
            String expected = min == max ? Integer.toString(min) : min + " to " + max;
            throw new IllegalArgumentException(function + " takes " + expected + " arguments, got " + args.size());
        }
    }

    int size() {
        return args.size();
    }

    PyValue get(int index) {
        return args.get(index);
    }

    <T extends PyValue> T get(int index, Class<T> type, String what) {
        PyValue value = args.get(index);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(function + ": " + what + " must be " + typeLabel(type) + ", got "
                    + value.typeName());
        }
        return type.cast(value);
    }

    long integer(int index, String what) {
        return get(index, PyInt.class, what).value();
    }

    boolean bool(int index, String what) {
        return get(index, PyBool.class, what).value();
    }

    String str(int index, String what) {
        return get(index, PyStr.class, what).value();
    }

    /** A tuple (or list) of ints, e.g. sizes and strides. */
    List<Long> ints(int index, String what) {
        if (!(args.get(index) instanceof PySequence sequence)) {
            throw new IllegalArgumentException(function + ": " + what + " must be a tuple of ints, got "
                    + args.get(index).typeName());
        }
        List<PyValue> items = sequence.items();
        List<Long> values = new ArrayList<>(items.size());
        for (PyValue item : items) {
            if (!(item instanceof PyInt(long value))) {
                throw new IllegalArgumentException(function + ": " + what + " must hold ints, got "
                        + item.typeName());
            }
            values.add(value);
        }
        return values;
    }

    private static String typeLabel(Class<?> type) {
        return type.getSimpleName().startsWith("Py") ? type.getSimpleName().substring(2).toLowerCase()
                : type.getSimpleName();
    }
}
