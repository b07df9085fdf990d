package kiln.dialects.ir;

import java.util.List;

/** A builtin fixed-size vector of scalars, {@code vector<8xf32>} or {@code vector<4x8xf32>}: every size static. */
public record VectorType(List<Long> shape, Type elementType) implements ShapedType {
    public VectorType {
        shape = Shapes.check(shape, false, "vector");
        if (shape.isEmpty()) {
            throw new IllegalArgumentException("a vector has at least one dimension");
        }
        java.util.Objects.requireNonNull(elementType);
    }

    public static VectorType of(long lanes, Type element) {
        return new VectorType(List.of(lanes), element);
    }

    @Override
    public String asm() {
        return toString();
    }

    @Override
    public String toString() {
        return "vector<" + Shapes.text(shape, elementType) + ">";
    }
}
