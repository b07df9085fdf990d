package kiln.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Deep equality of values for tests: tensors by dtype, shape and every element's bits; the rest by content. */
final class SameValues {
    private SameValues() {
    }

    /** Null when {@code a} and {@code b} are the same, else where they first differ. */
    static String difference(Value a, Value b) {
        return difference(a, b, "result");
    }

    private static String difference(Value a, Value b, String where) {
        if (a instanceof Tensor x && b instanceof Tensor y) {
            if (x.dtype() != y.dtype() || !Arrays.equals(x.shape(), y.shape())) {
                return where + ": " + x.dtype() + Arrays.toString(x.shape()) + " vs " + y.dtype()
                        + Arrays.toString(y.shape());
            }
            boolean same = x.dtype().isFloatingPoint()
                    ? Arrays.equals(x.toDoubleArray(), y.toDoubleArray()) : Arrays.equals(x.toLongArray(), y.toLongArray());
            return same ? null : where + ": elements differ";
        }
        if (a.getClass() != b.getClass()) {
            return where + ": " + a.typeName() + " vs " + b.typeName();
        }
        return switch (a) {
            case Value.List l -> elements(l.elements(), b.toList(), where);
            case Value.Tuple t -> elements(t.elements(), b.toTuple(), where);
            case Value.Dict d -> {
                Map<Value, Value> other = b.toDict();
                if (!List.copyOf(d.entries().keySet()).toString().equals(List.copyOf(other.keySet()).toString())) {
                    yield where + ": keys " + d.entries().keySet() + " vs " + other.keySet();
                }
                yield elements(List.copyOf(d.entries().values()), List.copyOf(other.values()), where);
            }
            default -> a.equals(b) ? null : where + ": " + a + " vs " + b;
        };
    }

    private static String elements(List<Value> a, List<Value> b, String where) {
        if (a.size() != b.size()) {
            return where + ": " + a.size() + " vs " + b.size() + " elements";
        }
        for (int i = 0; i < a.size(); i++) {
            String d = difference(a.get(i), b.get(i), where + "[" + i + "]");
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
