package kiln.frontend.script;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;

/**
 * Structural comparison of syntax trees that ignores {@link SourceRange}s: two trees are equal when they have the
 * same node kinds, names, operators, constants and children, wherever they came from.
 */
public final class AstEquality {
    private AstEquality() {
    }

    public static boolean equal(Node a, Node b) {
        return firstDifference(a, b) == null;
    }

    /** A description of the first place where {@code a} and {@code b} differ (a path from the roots), or null. */
    public static String firstDifference(Node a, Node b) {
        return difference(a, b, a == null ? "null" : a.getClass().getSimpleName());
    }

    private static String difference(Object a, Object b, String path) {
        if (a instanceof SourceRange || b instanceof SourceRange) {
            return null;
        }
        if (a == null || b == null) {
            return a == b ? null : path + ": " + a + " vs " + b;
        }
        if (a.getClass() != b.getClass()) {
            return path + ": " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName();
        }
        if (a instanceof Record) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                String d = difference(get(c, a), get(c, b), path + "." + c.getName());
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return path + ": " + la.size() + " elements vs " + lb.size();
            }
            for (int i = 0; i < la.size(); i++) {
                String d = difference(la.get(i), lb.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof Optional<?> oa) {
            return difference(oa.orElse(null), ((Optional<?>) b).orElse(null), path);
        }
        return a.equals(b) ? null : path + ": " + a + " vs " + b;
    }

    private static Object get(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }
}
