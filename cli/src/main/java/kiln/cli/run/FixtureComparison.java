package kiln.cli.run;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kiln.dialects.torch.types.ScalarType;
import kiln.frontend.pickle.PyBool;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyFloat;
import kiln.frontend.pickle.PyInt;
import kiln.frontend.pickle.PyNone;
import kiln.frontend.pickle.PySequence;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyTuple;
import kiln.frontend.pickle.PyValue;
import kiln.frontend.pickle.TensorRef;
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.interp.value.Values;
import kiln.runtime.tensor.Tensor;

/**
 * Compares interpreter results with what PyTorch recorded, as {@code torch.testing.assert_close} does by
 * default: dtypes and shapes exactly, floats within {@code atol + rtol * |expected|} (float32: 1e-5 and
 * 1.3e-6; float64: 1e-7 and 1e-7), NaN equal to NaN, integers and bools exactly.
 */
public final class FixtureComparison {
    private FixtureComparison() {
    }

    /** Null when {@code actual} matches {@code expected}, else what differs. */
    public static String mismatch(PyValue expected, Object actual) {
        return mismatch(expected, actual, "result");
    }

    private static String mismatch(PyValue expected, Object actual, String where) {
        return switch (expected) {
            case TensorRef ref -> actual instanceof Tensor t ? tensor(ref, t, where)
                    : where + ": expected a tensor, got " + Values.typeName(actual);
            case PyNone n -> actual == null ? null : where + ": expected None, got " + Values.typeName(actual);
            case PyBool b -> Boolean.valueOf(b.value()).equals(actual) ? null
                    : where + ": expected " + b + ", got " + actual;
            case PyInt i -> Long.valueOf(i.value()).equals(actual) ? null : where + ": expected " + i.value()
                    + ", got " + actual;
            case PyFloat f -> actual instanceof Double d && close(f.value(), d, 1e-7, 1e-7) ? null
                    : where + ": expected " + f.value() + ", got " + actual;
            case PyStr s -> s.value().equals(actual) ? null : where + ": expected '" + s.value() + "', got " + actual;
            case PySequence seq -> sequence(seq, actual, where);
            case PyDict d -> dict(d, actual, where);
            default -> where + ": cannot compare with a pickled " + expected.typeName();
        };
    }

    private static String sequence(PySequence seq, Object actual, String where) {
        List<Object> items = switch (actual) {
            case ScriptTuple t when seq instanceof PyTuple -> t.elements();
            case ScriptList l when !(seq instanceof PyTuple) -> l.items();
            default -> null;
        };
        if (items == null) {
            return where + ": expected a " + seq.typeName() + ", got " + Values.typeName(actual);
        }
        if (items.size() != seq.items().size()) {
            return where + ": expected " + seq.items().size() + " elements, got " + items.size();
        }
        for (int i = 0; i < items.size(); i++) {
            String m = mismatch(seq.items().get(i), items.get(i), where + "[" + i + "]");
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static String dict(PyDict d, Object actual, String where) {
        if (!(actual instanceof ScriptDict sd)) {
            return where + ": expected a dict, got " + Values.typeName(actual);
        }
        if (sd.size() != d.size()) {
            return where + ": expected " + d.size() + " entries, got " + sd.size();
        }
        List<Map.Entry<PyValue, PyValue>> expected = List.copyOf(d.entries().entrySet());
        List<Map.Entry<Object, Object>> got = List.copyOf(sd.entries().entrySet());
        for (int i = 0; i < expected.size(); i++) {
            String m = mismatch(expected.get(i).getKey(), got.get(i).getKey(), where + ".key" + i);
            if (m == null) {
                m = mismatch(expected.get(i).getValue(), got.get(i).getValue(), where + "[" + got.get(i).getKey() + "]");
            }
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static String tensor(TensorRef ref, Tensor t, String where) {
        ScalarType dtype;
        try {
            dtype = PickledValues.dtype(ref.dtype());
        } catch (IllegalArgumentException e) {
            return where + ": expected dtype " + ref.dtype() + " has no runtime equivalent";
        }
        if (dtype != t.dtype()) {
            return where + ": dtype " + t.dtype() + ", expected " + dtype;
        }
        if (!Arrays.equals(ref.shape(), t.sizes())) {
            return where + ": shape " + Arrays.toString(t.sizes()) + ", expected " + Arrays.toString(ref.shape());
        }
        Tensor expected = new PickledValues().tensor(ref);
        if (dtype.isFloatingPoint()) {
            double[] e = expected.toDoubleArray();
            double[] a = t.toDoubleArray();
            double rtol = dtype == ScalarType.Double ? 1e-7 : dtype == ScalarType.Float ? 1.3e-6
                    : dtype == ScalarType.Half ? 1e-3 : 1.6e-2;
            double atol = dtype == ScalarType.Double ? 1e-7 : 1e-5;
            for (int i = 0; i < e.length; i++) {
                if (!close(e[i], a[i], rtol, atol)) {
                    return where + ": element " + i + " is " + a[i] + ", expected " + e[i];
                }
            }
            return null;
        }
        long[] e = expected.toLongArray();
        long[] a = t.toLongArray();
        for (int i = 0; i < e.length; i++) {
            if (e[i] != a[i]) {
                return where + ": element " + i + " is " + a[i] + ", expected " + e[i];
            }
        }
        return null;
    }

    /** How printed text compares with what PyTorch printed. */
    public enum Printed {
        /** Character for character. */
        EXACT,
        /**
         * The same words, but some printed numbers differ within float32 tolerance: PyTorch prints a float32 0-dim
         * tensor with all 17 digits, so the last few show the order its reductions summed in.
         */
        CLOSE,
        DIFFERENT
    }

    public static Printed printed(String expected, String actual) {
        if (expected.equals(actual)) {
            return Printed.EXACT;
        }
        String[] e = expected.split("(?<=\\s)|(?=\\s)");
        String[] a = actual.split("(?<=\\s)|(?=\\s)");
        if (e.length != a.length) {
            return Printed.DIFFERENT;
        }
        for (int i = 0; i < e.length; i++) {
            if (!e[i].equals(a[i]) && !numbersClose(e[i], a[i])) {
                return Printed.DIFFERENT;
            }
        }
        return Printed.CLOSE;
    }

    private static boolean numbersClose(String expected, String actual) {
        try {
            return close(Double.parseDouble(expected), Double.parseDouble(actual), 1.3e-6, 1e-5);
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    static boolean close(double expected, double actual, double rtol, double atol) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }
}
