package kiln.lowering.torch;

import java.util.List;
import java.util.Optional;

/**
 * Evaluates TorchScript's scalar operators (on Python ints, floats, bools and strings) at compile time, with
 * Python's semantics: floor division and modulo round toward negative infinity, true division yields a float,
 * comparisons of int with float compare values. Values are Long, Double, Boolean, String or null (None).
 */
final class ScalarEvaluator {
    private ScalarEvaluator() {
    }

    /** The result of {@code op} on {@code args}, or empty when the op is not foldable for these arguments. */
    static Optional<Object> evaluate(String op, List<Object> args) {
        try {
            return Optional.ofNullable(eval(op, args)).map(x -> x == NONE ? null : x);
        } catch (ArithmeticException | ClassCastException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Marks a None result (Optional cannot hold null). */
    private static final Object NONE = new Object();

    /** PyTorch's {@code aten::__range_length}: how many values {@code range(lo, hi, step)} has. */
    private static long rangeLength(long lo, long hi, long step) {
        if (step > 0 && lo < hi) {
            return 1 + (hi - 1 - lo) / step;
        }
        if (step < 0 && lo > hi) {
            return 1 + (lo - 1 - hi) / (0 - step);
        }
        return 0;
    }

    private static Object eval(String op, List<Object> a) {
        Object x = a.isEmpty() ? null : a.get(0);
        Object y = a.size() > 1 ? a.get(1) : null;
        return switch (op) {
            case "aten::__not__" -> x instanceof Boolean b ? !b : null;
            case "aten::__is__" -> a.size() == 2 && (x == null || y == null) ? (Object) (x == null && y == null) : null;
            case "aten::__isnot__" -> a.size() == 2 && (x == null || y == null) ? (Object) !(x == null && y == null)
                    : null;
            case "aten::eq" -> a.size() == 2 ? compare(x, y) == 0 : null;
            case "aten::ne" -> a.size() == 2 ? compare(x, y) != 0 : null;
            case "aten::lt" -> a.size() == 2 ? compare(x, y) < 0 : null;
            case "aten::le" -> a.size() == 2 ? compare(x, y) <= 0 : null;
            case "aten::gt" -> a.size() == 2 ? compare(x, y) > 0 : null;
            case "aten::ge" -> a.size() == 2 ? compare(x, y) >= 0 : null;
            case "aten::add" -> a.size() == 2 ? arith(x, y, '+') : null;
            case "aten::sub" -> a.size() == 2 ? arith(x, y, '-') : null;
            case "aten::mul" -> a.size() == 2 ? arith(x, y, '*') : null;
            case "aten::div" -> a.size() == 2 && isNumber(x) && isNumber(y) ? toDouble(x) / toDouble(y) : null;
            case "aten::floordiv" -> a.size() == 2 ? arith(x, y, '/') : null;
            case "aten::remainder" -> a.size() == 2 ? arith(x, y, '%') : null;
            case "aten::neg" -> x instanceof Long l ? (Object) (-l) : x instanceof Double d ? (Object) (-d) : null;
            case "aten::Int" -> x instanceof Long l ? l : x instanceof Double d ? (Object) (long) (double) d
                    : x instanceof Boolean b ? (Object) (b ? 1L : 0L) : null;
            case "aten::Float" -> isNumber(x) ? (Object) toDouble(x) : x instanceof String str ? parseFloat(str) : null;
            case "aten::Bool" -> x instanceof Boolean b ? b : x instanceof Long l ? (Object) (l != 0)
                    : x instanceof Double d ? (Object) (d != 0) : null;
            case "aten::__and__" -> x instanceof Boolean p && y instanceof Boolean q ? (Object) (p && q) : null;
            case "aten::__or__" -> x instanceof Boolean p && y instanceof Boolean q ? (Object) (p || q) : null;
            case "aten::len" -> x instanceof String s ? (Object) (long) s.length() : null;
            case "aten::__range_length" -> a.size() == 3 && x instanceof Long lo && y instanceof Long hi
                    && a.get(2) instanceof Long step && step != 0 ? (Object) rangeLength(lo, hi, step) : null;
            case "aten::__derive_index" -> a.size() == 3 && x instanceof Long index && y instanceof Long start
                    && a.get(2) instanceof Long step ? (Object) (start + index * step) : null;
            default -> null;
        };
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * Python's {@code float(str)} for the spellings it folds: decimals and {@code inf}/{@code infinity}/{@code nan}
     * with an optional sign, any case, surrounded by blanks ({@code float("-inf")}); null (not folded, left to raise
     * at run time) for anything else.
     */
    static Double parseFloat(String text) {
        String s = text.strip();
        String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        boolean negative = s.startsWith("-");
        switch (unsigned.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "infinity" -> {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
                return DECIMAL.matcher(s).matches() ? Double.parseDouble(s) : null;
            }
        }
    }

    private static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Boolean;
    }

    private static double toDouble(Object o) {
        return o instanceof Long l ? l : o instanceof Double d ? d : ((Boolean) o) ? 1 : 0;
    }

    private static int compare(Object x, Object y) {
        if (x instanceof String s && y instanceof String t) {
            return s.compareTo(t);
        }
        if (x instanceof Long l && y instanceof Long m) {
            return Long.compare(l, m);
        }
        if (isNumber(x) && isNumber(y)) {
            double p = toDouble(x);
            double q = toDouble(y);
            if (Double.isNaN(p) || Double.isNaN(q)) {
                throw new ArithmeticException("NaN comparison");
            }
            return Double.compare(p, q);
        }
        if (x == null && y == null) {
            return 0;
        }
        throw new ClassCastException("incomparable");
    }

    private static Object arith(Object x, Object y, char op) {
        if (x instanceof String s && y instanceof String t && op == '+') {
            return s + t;
        }
        if (x instanceof Long l && y instanceof Long m) {
            return switch (op) {
                case '+' -> Math.addExact(l, m);
                case '-' -> Math.subtractExact(l, m);
                case '*' -> Math.multiplyExact(l, m);
                case '/' -> Math.floorDiv(l, m);
                case '%' -> Math.floorMod(l, m);
                default -> null;
            };
        }
        if (!isNumber(x) || !isNumber(y) || x instanceof Boolean || y instanceof Boolean) {
            return null;
        }
        double p = toDouble(x);
        double q = toDouble(y);
        return switch (op) {
            case '+' -> p + q;
            case '-' -> p - q;
            case '*' -> p * q;
            case '/' -> q == 0 ? null : Math.floor(p / q);
            case '%' -> q == 0 ? null : p - Math.floor(p / q) * q;
            default -> null;
        };
    }
}
