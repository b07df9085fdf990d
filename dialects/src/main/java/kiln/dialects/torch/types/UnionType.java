package kiln.dialects.torch.types;

import java.util.List;
import java.util.Objects;

/**
 * c10's {@code UnionType}: {@code Union(Tensor, int)}, annotated {@code Union[Tensor, int]}. Members are kept in
 * c10's standard form: nested unions and optionals flattened, {@code number} spelled as int, float and
 * complex, members that unify merged, sorted by kind then {@code str()}.
 *
 * <p>Build unions with {@link #of}: like c10's {@code UnionType::create} it returns an {@link OptionalType} for
 * {@code Union[T, None]} and the single type when the members collapse to one. The constructor refuses both.
 */
public record UnionType(List<TorchType> types) implements TorchType {

    public UnionType {
        types = List.copyOf(UnionNormalizer.standardize(Objects.requireNonNull(types, "types")));
        if (types.size() == 1) {
            throw new IllegalArgumentException("the Union has the single type " + types.getFirst().annotationString()
                    + ". Use the common supertype instead of creating a Union type");
        }
        if (UnionNormalizer.isOptionalShape(types)) {
            throw new IllegalArgumentException("Union" + types.stream().map(TorchType::annotationString).toList()
                    + " is an Optional; build it with UnionType.of");
        }
    }

    /** c10's {@code UnionType::create}: a union, an Optional, or the one type the members unify to. */
    public static TorchType of(TorchType... types) {
        return of(List.of(types));
    }

    /** c10's {@code UnionType::create}: a union, an Optional, or the one type the members unify to. */
    public static TorchType of(List<TorchType> types) {
        return UnionNormalizer.create(types);
    }

    /** c10's {@code canHoldType}: some member is a supertype of {@code type} (all of int, float, complex for number). */
    public boolean canHoldType(TorchType type) {
        return Subtyping.canHoldType(this, type);
    }

    @Override
    public TypeKind kind() {
        return TypeKind.UnionType;
    }

    @Override
    public List<TorchType> containedTypes() {
        return types;
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }
}
