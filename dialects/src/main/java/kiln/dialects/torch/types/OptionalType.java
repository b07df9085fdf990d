package kiln.dialects.torch.types;

import java.util.Objects;

/**
 * c10's {@code OptionalType}: {@code Tensor?}, annotated {@code Optional[Tensor]}; {@code Union[T, None]}.
 * The element type is kept in c10's standard form: {@code Optional[Optional[T]]} is {@code Optional[T]},
 * {@code Optional[Union[int, float, complex]]} is {@code Optional[number]}. {@code Optional[None]} is refused.
 */
public record OptionalType(TorchType elementType) implements SingleElementType {
    /** c10's {@code OptionalType::ofTensor()}. */
    public static final OptionalType TENSOR = new OptionalType(TensorType.TENSOR);

    public OptionalType {
        elementType = UnionNormalizer.optionalElement(Objects.requireNonNull(elementType, "elementType"));
    }

    public static OptionalType of(TorchType elementType) {
        return new OptionalType(elementType);
    }

    @Override
    public TypeKind kind() {
        return TypeKind.OptionalType;
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }
}
