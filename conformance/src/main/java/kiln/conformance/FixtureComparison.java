package kiln.conformance;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kiln.api.internal.PickledValues;
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
 * 1.3e-6; float64: 1e-7 and 1e-7), NaN equal to NaN, integers and bools exactly. {@link #compare} also measures
 * the largest absolute and relative error over every floating-point element, matching or not.
 */
public final class FixtureComparison {
    private Mismatch first;
    private double maxAbs;
    private double maxRel;

    private FixtureComparison() {
    }

    /**
     * Where a result first differs from the recorded one.
     *
     * @param path     where in the output, e.g. {@code result[1]}
     * @param problem  what differs, e.g. {@code element 3 is 0.5, expected 0.25} or {@code dtype Float, expected
     *                 Long}
     */
    public record Mismatch(String path, String problem) {
        @Override
        public String toString() {
            return path + ": " + problem;
        }
    }

    /**
     * A comparison's outcome.
     *
     * @param mismatch  the first difference, or null when the result matches
     * @param maxAbsErr the largest {@code |actual - expected|} over floating-point elements compared (0 if none;
     *                  NaN where one side is NaN and the other not)
     * @param maxRelErr the largest {@code |actual - expected| / |expected|} likewise
     */
    public record Outcome(Mismatch mismatch, double maxAbsErr, double maxRelErr) {
        public boolean matches() {
            return mismatch == null;
        }
    }

    /** Compares {@code actual} with {@code expected}. */
    public static Outcome compare(PyValue expected, Object actual) {
        FixtureComparison c = new FixtureComparison();
        c.value(expected, actual, "result");
        return new Outcome(c.first, c.maxAbs, c.maxRel);
    }

    /** Null when {@code actual} matches {@code expected}, else what differs. */
    public static String mismatch(PyValue expected, Object actual) {
        Mismatch m = compare(expected, actual).mismatch();
        return m == null ? null : m.toString();
    }

    private void fail(String where, String problem) {
        if (first == null) {
            first = new Mismatch(where, problem);
        }
    }

    private void value(PyValue expected, Object actual, String where) {
        switch (expected) {
            case TensorRef ref -> {
                if (actual instanceof Tensor t) {
                    tensor(ref, t, where);
                } else {
                    fail(where, "expected a tensor, got " + Values.typeName(actual));
                }
            }
            case PyNone n -> {
                if (actual != null) {
                    fail(where, "expected None, got " + Values.typeName(actual));
                }
            }
            case PyBool b -> {
                if (!Boolean.valueOf(b.value()).equals(actual)) {
                    fail(where, "expected " + b + ", got " + actual);
                }
            }
            case PyInt i -> {
                if (!Long.valueOf(i.value()).equals(actual)) {
                    fail(where, "expected " + i.value() + ", got " + actual);
                }
            }
            case PyFloat f -> {
                if (actual instanceof Double d) {
                    element(f.value(), d, 1e-7, 1e-7, where, -1);
                } else {
                    fail(where, "expected " + f.value() + ", got " + actual);
                }
            }
            case PyStr s -> {
                if (!s.value().equals(actual)) {
                    fail(where, "expected '" + s.value() + "', got " + actual);
                }
            }
            case PySequence seq -> sequence(seq, actual, where);
            case PyDict d -> dict(d, actual, where);
            default -> fail(where, "cannot compare with a pickled " + expected.typeName());
        }
    }

    private void sequence(PySequence seq, Object actual, String where) {
        List<Object> items = switch (actual) {
            case ScriptTuple t when seq instanceof PyTuple -> t.elements();
            case ScriptList l when !(seq instanceof PyTuple) -> l.items();
            default -> null;
        };
        if (items == null) {
            fail(where, "expected a " + seq.typeName() + ", got " + Values.typeName(actual));
        } else if (items.size() != seq.items().size()) {
            fail(where, "expected " + seq.items().size() + " elements, got " + items.size());
        } else {
            for (int i = 0; i < items.size(); i++) {
                value(seq.items().get(i), items.get(i), where + "[" + i + "]");
            }
        }
    }

    private void dict(PyDict d, Object actual, String where) {
        if (!(actual instanceof ScriptDict sd)) {
            fail(where, "expected a dict, got " + Values.typeName(actual));
            return;
        }
        if (sd.size() != d.size()) {
            fail(where, "expected " + d.size() + " entries, got " + sd.size());
            return;
        }
        List<Map.Entry<PyValue, PyValue>> expected = List.copyOf(d.entries().entrySet());
        List<Map.Entry<Object, Object>> got = List.copyOf(sd.entries().entrySet());
        for (int i = 0; i < expected.size(); i++) {
            value(expected.get(i).getKey(), got.get(i).getKey(), where + ".key" + i);
            value(expected.get(i).getValue(), got.get(i).getValue(), where + "[" + got.get(i).getKey() + "]");
        }
    }

    private void tensor(TensorRef ref, Tensor t, String where) {
        ScalarType dtype;
        try {
            dtype = PickledValues.dtype(ref.dtype());
        } catch (IllegalArgumentException e) {
            fail(where, "expected dtype " + ref.dtype() + " has no runtime equivalent");
            return;
        }
        if (dtype != t.dtype()) {
            fail(where, "dtype " + t.dtype() + ", expected " + dtype);
            return;
        }
        if (!Arrays.equals(ref.shape(), t.sizes())) {
            fail(where, "shape " + Arrays.toString(t.sizes()) + ", expected " + Arrays.toString(ref.shape()));
            return;
        }
        Tensor expected = new PickledValues().tensor(ref);
        if (dtype.isFloatingPoint()) {
            double[] e = expected.toDoubleArray();
            double[] a = t.toDoubleArray();
            double rtol = dtype == ScalarType.Double ? 1e-7 : dtype == ScalarType.Float ? 1.3e-6
                    : dtype == ScalarType.Half ? 1e-3 : 1.6e-2;
            double atol = dtype == ScalarType.Double ? 1e-7 : 1e-5;
            for (int i = 0; i < e.length; i++) {
                element(e[i], a[i], rtol, atol, where, i);
            }
            return;
        }
        long[] e = expected.toLongArray();
        long[] a = t.toLongArray();
        for (int i = 0; i < e.length; i++) {
            if (e[i] != a[i]) {
                fail(where, "element " + i + " is " + a[i] + ", expected " + e[i]);
                return;
            }
        }
    }

    /** One floating-point element ({@code index} -1 for a Python float): errors measured, closeness checked. */
    private void element(double expected, double actual, double rtol, double atol, String where, int index) {
        if (Double.isNaN(expected) != Double.isNaN(actual)) {
            maxAbs = Double.NaN;
            maxRel = Double.NaN;
        } else if (!Double.isNaN(expected) && expected != actual) {
            double abs = Math.abs(actual - expected);
            maxAbs = Math.max(maxAbs, abs); // Math.max keeps a NaN already recorded
            maxRel = Math.max(maxRel, expected == 0 ? Double.POSITIVE_INFINITY : abs / Math.abs(expected));
        }
        if (!close(expected, actual, rtol, atol)) {
            fail(where, (index >= 0 ? "element " + index + " is " : "got ") + actual + ", expected " + expected);
        }
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
