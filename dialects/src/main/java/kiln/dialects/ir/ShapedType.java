package kiln.dialects.ir;

import java.util.List;

/**
 * A type with a shape and an element type: vectors, tensors, buffers. A dimension is a size of at least 0, or
 * {@link #DYNAMIC} when it is known only at run time (printed {@code ?}).
 */
public interface ShapedType extends Type {
    /** The size of a dimension not known until run time. */
    long DYNAMIC = -1;

    List<Long> shape();

    Type elementType();

    default int rank() {
        return shape().size();
    }

    default boolean hasStaticShape() {
        return shape().stream().allMatch(d -> d != DYNAMIC);
    }

    /** The number of elements, or {@link #DYNAMIC} when a dimension is dynamic. */
    default long numElements() {
        long n = 1;
        for (long d : shape()) {
            if (d == DYNAMIC) {
                return DYNAMIC;
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Whether two shapes may describe the same value: equal ranks, and equal sizes where both are static. */
    static boolean compatible(List<Long> a, List<Long> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            long x = a.get(i);
            long y = b.get(i);
            if (x != DYNAMIC && y != DYNAMIC && x != y) {
                return false;
            }
        }
        return true;
    }
}
