package kiln.dialects.torch.types;

import java.util.List;

/**
 * c10's {@code SingleElementType}: the types built from one element type ({@code List[T]}, {@code Optional[T]},
 * {@code Future[T]}, {@code RRef[T]}, {@code Await[T]}).
 */
public sealed interface SingleElementType extends TorchType
        permits ListType, OptionalType, FutureType, RRefType, AwaitType {

    TorchType elementType();

    @Override
    default List<TorchType> containedTypes() {
        return List.of(elementType());
    }
}
