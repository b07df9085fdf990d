package kiln.dialects.torch.scalar;

/**
 * Reading a scalar operator's arguments as the Java values they must be; a wrong kind is a {@code TypeError}
 * worded as the interpreter's argument readers word it.
 */
final class ScalarArgs {
    private ScalarArgs() {
    }

    static long toLong(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        throw ScalarException.mismatch("expected an int but got ", v);
    }

    /** An int or None. */
    static Long optLong(Object v) {
        return v == null ? null : toLong(v);
    }

    /** A float, or an int where a float is accepted. */
    static double toDouble(Object v) {
        return switch (v) {
            case Double d -> d;
            case Long l -> l;
            case null, default -> throw ScalarException.mismatch("expected a float but got ", v);
        };
    }

    static boolean toBool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw ScalarException.mismatch("expected a bool but got ", v);
    }

    static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw ScalarException.mismatch("expected a str but got ", v);
    }

    /** Any Python number as a double (a bool is 0 or 1), as {@code Scalar} arguments are read. */
    static double number(Object v) {
        return switch (v) {
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b ? 1 : 0;
            case null, default -> throw ScalarException.mismatch("expected a number, got ", v);
        };
    }

    /** Python's name of a scalar value's type; other values are named by their Java class. */
    static String typeName(Object v) {
        return switch (v) {
            case null -> "NoneType";
            case Long l -> "int";
            case Double d -> "float";
            case Boolean b -> "bool";
            case String s -> "str";
            default -> v.getClass().getSimpleName();
        };
    }
}
