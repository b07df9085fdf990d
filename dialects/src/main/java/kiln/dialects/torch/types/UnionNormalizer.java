package kiln.dialects.torch.types;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How c10 puts the members of a Union or Optional into standard form (union_type.cpp,
 * {@code standardizeVectorForUnion}): flatten nested unions, optionals and {@code number}; merge members that
 * unify; sort by kind, then by {@code str()}.
 */
final class UnionNormalizer {
    private static final Comparator<TorchType> ORDER =
            Comparator.comparingInt((TorchType t) -> t.kind().ordinal()).thenComparing(TorchType::str);

    private UnionNormalizer() {}

    /** The standard member list for a union of {@code reference}. */
    static List<TorchType> standardize(List<TorchType> reference) {
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("Cannot create an empty Union");
        }
        List<TorchType> types = new ArrayList<>();
        for (TorchType t : reference) {
            flatten(t, types);
        }
        filterDuplicateSubtypes(types);
        types.sort(ORDER);
        return types;
    }

    /** True when standard members {@code types} are what c10's {@code UnionType::create} turns into an Optional. */
    static boolean isOptionalShape(List<TorchType> types) {
        if (!types.contains(LeafType.NONE)) {
            return false;
        }
        return types.size() == 2 || (types.size() == 4 && holdsEveryNumber(types));
    }

    /** c10's {@code OptionalType} constructor: the element type that {@code Optional[contained]} keeps. */
    static TorchType optionalElement(TorchType contained) {
        List<TorchType> types = standardize(List.of(contained, LeafType.NONE));
        if (types.size() == 2) {
            return types.get(0).kind() != TypeKind.NoneType ? types.get(0) : types.get(1);
        }
        boolean numberUnion = contained instanceof UnionType u && u.types().size() == 3
                && Subtyping.canHoldType(u, LeafType.NUMBER);
        if (contained == LeafType.NUMBER || numberUnion) {
            return LeafType.NUMBER;
        }
        List<TorchType> withoutNone = types.stream().filter(t -> !Subtyping.isSubtype(t, LeafType.NONE)).toList();
        if (withoutNone.isEmpty()) {
            throw new IllegalArgumentException("Optional[" + contained.annotationString() + "] can hold only None");
        }
        return withoutNone.size() == 1 ? withoutNone.getFirst() : UnionType.of(withoutNone);
    }

    /** c10's {@code UnionType::create}: the standard form of a union, which may be an Optional or one type. */
    static TorchType create(List<TorchType> reference) {
        List<TorchType> types = standardize(reference);
        if (types.size() == 1) {
            return types.getFirst();
        }
        if (types.contains(LeafType.NONE)) {
            if (types.size() == 4 && holdsEveryNumber(types)) {
                return new OptionalType(LeafType.NUMBER);
            }
            if (types.size() == 2) {
                return new OptionalType(types.get(0) != LeafType.NONE ? types.get(0) : types.get(1));
            }
        }
        return new UnionType(types);
    }

    private static boolean holdsEveryNumber(List<TorchType> types) {
        return types.contains(LeafType.INT) && types.contains(LeafType.FLOAT) && types.contains(LeafType.COMPLEX);
    }

    private static void flatten(TorchType type, List<TorchType> out) {
        switch (type) {
            case UnionType u -> u.types().forEach(inner -> flatten(inner, out));
            case OptionalType o -> {
                flatten(o.elementType(), out);
                out.add(LeafType.NONE);
            }
            case LeafType l when l == LeafType.NUMBER -> {
                out.add(LeafType.INT);
                out.add(LeafType.FLOAT);
                out.add(LeafType.COMPLEX);
            }
            default -> out.add(type);
        }
    }

    /**
     * c10's {@code filterDuplicateSubtypes}, step for step: from the right, unify each member with one before
     * it; on success the unified type takes the earlier slot and the last live member fills the later one.
     */
    private static void filterDuplicateSubtypes(List<TorchType> types) {
        if (types.isEmpty()) {
            return;
        }
        int end = types.size() - 1;
        for (int i = types.size() - 1; i > 0; --i) {
            for (int j = Math.min(i - 1, end); j >= 0; --j) {
                Optional<TorchType> unified = supertype(types.get(i), types.get(j));
                if (unified.isPresent()) {
                    types.set(j, unified.get());
                    types.set(i, types.get(end));
                    --end;
                    break;
                }
            }
        }
        types.subList(end + 1, types.size()).clear();
    }

    private static Optional<TorchType> supertype(TorchType t1, TorchType t2) {
        boolean none1 = Subtyping.isSubtype(t1, LeafType.NONE);
        boolean none2 = Subtyping.isSubtype(t2, LeafType.NONE);
        // Never merge None with anything else: that would nest Optionals and stop other members coalescing.
        if (none1 != none2) {
            return Optional.empty();
        }
        return TypeUnifier.unify(t1, t2);
    }
}
