package kiln.dialects.ir;

import java.util.List;

/** A builtin tensor value type with a rank, {@code tensor<2x?xf32>}: values, not memory (as StableHLO takes). */
public record RankedTensorType(List<Long> shape, Type elementType) implements ShapedType {
    public RankedTensorType {
        shape = Shapes.check(shape, true, "tensor");
        java.util.Objects.requireNonNull(elementType);
    }

    @Override
    public String asm() {
        return toString();
    }

    @Override
    public String toString() {
        return "tensor<" + Shapes.text(shape, elementType) + ">";
    }
}
