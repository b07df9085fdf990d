package kiln.dialects.torch.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * c10's {@code unifyTypes} and {@code unifyTypeList} (type.cpp): the least type two types can both be used as,
 * where c10 finds one. Used for the outputs of {@code prim::If}, loop-carried values and list literals.
 */
public final class TypeUnifier {

    private TypeUnifier() {}

    /** c10's {@code unifyTypes(t1, t2)}: the unified type, or empty where c10 gives {@code nullopt}. */
    public static Optional<TorchType> unify(TorchType t1, TorchType t2) {
        return unify(t1, t2, false, null);
    }

    /**
     * c10's {@code unifyTypes(t1, t2, default_to_union, type_hint)}. With {@code defaultToUnion}, types that do
     * not unify give {@code Union[t1, t2]}; a non-null {@code typeHint} (an interface, say) is returned when both
     * types are subtypes of it and nothing closer was found.
     */
    public static Optional<TorchType> unify(TorchType t1, TorchType t2, boolean defaultToUnion, TorchType typeHint) {
        Optional<TorchType> unified = unifyImpl(t1, t2, defaultToUnion, typeHint);
        if (defaultToUnion && unified.isEmpty()) {
            return Optional.of(UnionType.of(t1, t2));
        }
        return unified;
    }

    /** The result of {@link #unifyList}: the unified type, or c10's reason why there is none. */
    public record ListUnification(Optional<TorchType> type, String whyNot) {}

    /** c10's {@code unifyTypeList}: unify left to right. */
    public static ListUnification unifyList(List<TorchType> elements, boolean defaultToUnion, TorchType typeHint) {
        if (elements.isEmpty()) {
            return new ListUnification(Optional.empty(), "Cannot get unified type from empty list");
        }
        TorchType result = elements.getFirst();
        for (int i = 1; i < elements.size(); i++) {
            Optional<TorchType> next = unify(result, elements.get(i), defaultToUnion, typeHint);
            if (next.isEmpty()) {
                return new ListUnification(Optional.empty(), "Could not unify type list since element " + i
                        + " of type " + elements.get(i).annotationString()
                        + " did not match the types before it (" + result.annotationString() + ")");
            }
            result = next.get();
        }
        return new ListUnification(Optional.of(result), "");
    }

    /**
     * c10's {@code unshapedType}: every tensor refinement inside {@code type} erased to {@code Tensor}, so that
     * e.g. {@code Float(2)[]} becomes {@code Tensor[]}.
     */
    public static TorchType unshaped(TorchType type) {
        if (Subtyping.isSubtype(type, TensorType.TENSOR)) {
            return TensorType.TENSOR;
        }
        List<TorchType> contained = type.containedTypes();
        if (contained.isEmpty()) {
            return type;
        }
        List<TorchType> erased = new ArrayList<>(contained.size());
        for (TorchType t : contained) {
            erased.add(unshaped(t));
        }
        return erased.equals(contained) ? type : withContained(type, erased);
    }

    /** c10's {@code createWithContained}: the same kind of type over new contained types. */
    public static TorchType withContained(TorchType type, List<TorchType> contained) {
        return switch (type) {
            case ListType l -> new ListType(contained.getFirst());
            case DictType d -> new DictType(contained.get(0), contained.get(1));
            case TupleType t -> t.withElements(contained);
            case OptionalType o -> new OptionalType(contained.getFirst());
            case UnionType u -> UnionType.of(contained);
            case FutureType f -> new FutureType(contained.getFirst());
            case RRefType r -> new RRefType(contained.getFirst());
            case AwaitType a -> new AwaitType(contained.getFirst());
            default -> throw new IllegalArgumentException(
                    "type with contained types did not overload createWithContained: " + type.str());
        };
    }

    private static Optional<TorchType> unifyImpl(TorchType t1, TorchType t2, boolean defaultToUnion,
            TorchType typeHint) {
        // direct subtyping
        if (Subtyping.isSubtype(t1, t2)) {
            return Optional.of(t2);
        }
        if (Subtyping.isSubtype(t2, t1)) {
            return Optional.of(t1);
        }
        // two tensor types that do not subtype each other: what they agree on
        if (t1 instanceof TensorType a && t2 instanceof TensorType b) {
            return Optional.of(a.merge(b));
        }
        boolean none1 = Subtyping.isSubtype(t1, LeafType.NONE);
        boolean none2 = Subtyping.isSubtype(t2, LeafType.NONE);
        if (none1 && !none2) {
            return Optional.of(new OptionalType(t2));
        }
        if (none2 && !none1) {
            return Optional.of(new OptionalType(t1));
        }
        // unify(Optional[t1], t2) => Optional[unify(t1, t2)]
        if (t1 instanceof OptionalType o1) {
            Optional<TorchType> elem = unify(o1.elementType(), t2);
            if (elem.isPresent()) {
                return Optional.of(new OptionalType(elem.get()));
            }
        } else if (t2 instanceof OptionalType o2) {
            Optional<TorchType> elem = unify(o2.elementType(), t1);
            if (elem.isPresent()) {
                return Optional.of(new OptionalType(elem.get()));
            }
        }
        if (t1 instanceof TupleType a && t2 instanceof TupleType b) {
            return unifyTuples(a, b, defaultToUnion);
        }
        if (t1 instanceof FutureType a && t2 instanceof FutureType b) {
            Optional<TorchType> elem = unify(a.elementType(), b.elementType());
            if (elem.isPresent()) {
                return Optional.of(new FutureType(elem.get()));
            }
        }
        // mutable containers of differently refined tensors (List, Dict): compare without refinements
        TorchType u1 = unshaped(t1);
        TorchType u2 = unshaped(t2);
        if (Subtyping.isSubtype(u1, u2)) {
            return Optional.of(u2);
        }
        if (Subtyping.isSubtype(u2, u1)) {
            return Optional.of(u1);
        }
        if (typeHint != null && Subtyping.isSubtype(t1, typeHint) && Subtyping.isSubtype(t2, typeHint)) {
            return Optional.of(typeHint);
        }
        return Optional.empty();
    }

    private static Optional<TorchType> unifyTuples(TupleType a, TupleType b, boolean defaultToUnion) {
        if (a.elements().size() != b.elements().size()) {
            return Optional.empty();
        }
        List<TorchType> elements = new ArrayList<>();
        for (int i = 0; i < a.elements().size(); i++) {
            Optional<TorchType> elem = unify(a.elements().get(i), b.elements().get(i), defaultToUnion, null);
            if (elem.isEmpty()) {
                return Optional.empty();
            }
            elements.add(elem.get());
        }
        return Optional.of(TupleType.of(elements));
    }
}
