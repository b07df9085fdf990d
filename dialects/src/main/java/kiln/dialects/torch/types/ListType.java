package kiln.dialects.torch.types;

import java.util.Objects;

/** c10's {@code ListType}: {@code int[]}, annotated {@code List[int]}. Invariant in its element type. */
public record ListType(TorchType elementType) implements SingleElementType {
    public static final ListType INTS = new ListType(LeafType.INT);
    public static final ListType FLOATS = new ListType(LeafType.FLOAT);
    public static final ListType BOOLS = new ListType(LeafType.BOOL);
    public static final ListType STRINGS = new ListType(LeafType.STR);
    public static final ListType TENSORS = new ListType(TensorType.TENSOR);
    public static final ListType OPTIONAL_TENSORS = new ListType(OptionalType.TENSOR);

    public ListType {
        Objects.requireNonNull(elementType, "elementType");
    }

    public static ListType of(TorchType elementType) {
        return new ListType(elementType);
    }

    @Override
    public TypeKind kind() {
        return TypeKind.ListType;
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }
}
