package kiln.dialects.ir;

import java.util.List;

/** The text of shapes in builtin shaped types: {@code 4x?x8xf32}. */
final class Shapes {
    private Shapes() {
    }

    static List<Long> check(List<Long> shape, boolean dynamicAllowed, String what) {
        for (long d : shape) {
            if (d == ShapedType.DYNAMIC ? !dynamicAllowed : d < 0) {
                throw new IllegalArgumentException(what + " dimension " + (d == ShapedType.DYNAMIC ? "?" : d)
                        + " is not allowed");
            }
        }
        return List.copyOf(shape);
    }

    static String text(List<Long> shape, Type element) {
        StringBuilder sb = new StringBuilder();
        for (long d : shape) {
            sb.append(d == ShapedType.DYNAMIC ? "?" : Long.toString(d)).append('x');
        }
        return sb.append(element.asm()).toString();
    }
}
