package kiln.dialects.torch.types;

import java.util.ArrayList;
import java.util.List;

/**
 * c10's subtyping ({@code isSubtypeOfExt} of each type) and type equality ({@code operator==}), ported rule for
 * rule from jit_type.h, type.cpp, tensor_type.cpp and union_type.cpp.
 *
 * <ul>
 *   <li>Any is the top type; every type is a subtype of itself.</li>
 *   <li>{@code T <: Optional[R]} when {@code T <: R}; {@code None <: Optional[T]};
 *       {@code T <: Union[...]} when T is a subtype of a member.</li>
 *   <li>A tensor type is a subtype of a less refined one: {@code a <: b} iff {@code merge(a, b) == b}.</li>
 *   <li>int, float and complex are subtypes of number ({@code Scalar}).</li>
 *   <li>Lists, dicts and RRefs are invariant (a list is also a subtype of {@code list}); tuples, futures and
 *       awaits are covariant. A NamedTuple is a subtype of a plain tuple; the reverse is not.</li>
 *   <li>Classes, enums and interfaces go by name; every class is a subtype of {@code AnyClassType}, every enum
 *       of {@code AnyEnumType}. Method schemas are not modelled, so a class is never a subtype of an
 *       interface here (c10 compares their methods).</li>
 * </ul>
 */
public final class Subtyping {
    private static final List<TorchType> NUMBER_MEMBERS = List.of(LeafType.INT, LeafType.FLOAT, LeafType.COMPLEX);

    private Subtyping() {}

    /** c10's {@code lhs->isSubtypeOf(rhs)}. */
    public static boolean isSubtype(TorchType lhs, TorchType rhs) {
        return switch (lhs) {
            case TensorType t -> rhs instanceof TensorType r ? t.merge(r).equals(r) : base(lhs, rhs);
            case LeafType l -> leaf(l, rhs);
            case OptionalType o -> optional(o, rhs);
            case UnionType u -> union(u, rhs);
            case TupleType t -> base(lhs, rhs) || rhs == LeafType.ANY_TUPLE || tuple(t, rhs);
            case ListType l -> base(lhs, rhs) || rhs == LeafType.ANY_LIST;
            case FutureType f -> base(lhs, rhs)
                    || (rhs instanceof FutureType r && isSubtype(f.elementType(), r.elementType()));
            case AwaitType a -> base(lhs, rhs)
                    || (rhs instanceof AwaitType r && isSubtype(a.elementType(), r.elementType()));
            case ClassType c -> rhs == LeafType.ANY_CLASS || base(lhs, rhs);
            case EnumType e -> rhs == LeafType.ANY_ENUM || base(lhs, rhs);
            case DictType d -> base(lhs, rhs);
            case RRefType r -> base(lhs, rhs);
            case InterfaceType i -> base(lhs, rhs);
            case TypeVar v -> base(lhs, rhs);
        };
    }

    /**
     * c10's {@code operator==} on types. It agrees with {@code equals} except that a union of exactly int, float
     * and complex equals number, and NamedTuples compare their class names by last component, as c10's schema
     * comparison does.
     */
    public static boolean sameType(TorchType a, TorchType b) {
        return switch (a) {
            case UnionType u -> b instanceof UnionType v ? sameMembers(u.types(), v.types()) : isNumberUnion(u, b);
            case LeafType l when l == LeafType.NUMBER -> b == l || (b instanceof UnionType u && isNumberUnion(u, a));
            case TupleType t -> b instanceof TupleType r && sameTuple(t, r);
            case SingleElementType s -> b instanceof SingleElementType r && s.kind() == r.kind()
                    && sameType(s.elementType(), r.elementType());
            case DictType d -> b instanceof DictType r && sameType(d.keyType(), r.keyType())
                    && sameType(d.valueType(), r.valueType());
            default -> a.equals(b);
        };
    }

    /** c10's {@code UnionType::canHoldType}. */
    public static boolean canHoldType(UnionType union, TorchType type) {
        if (type == LeafType.NUMBER) {
            return NUMBER_MEMBERS.stream().allMatch(n -> canHoldType(union, n));
        }
        return union.types().stream().anyMatch(inner -> isSubtype(type, inner));
    }

    /** c10's {@code Type::isSubtypeOfExt}, the rule every type falls back to. */
    private static boolean base(TorchType lhs, TorchType rhs) {
        if (rhs == LeafType.ANY || sameType(lhs, rhs)) {
            return true;
        }
        return switch (rhs) {
            case OptionalType o -> isSubtype(lhs, o.elementType());
            case UnionType u -> u.types().stream().anyMatch(inner -> isSubtype(lhs, inner));
            default -> false;
        };
    }

    private static boolean leaf(LeafType lhs, TorchType rhs) {
        return switch (lhs) {
            case NONE -> rhs instanceof OptionalType || base(lhs, rhs);
            case NUMBER -> rhs instanceof UnionType u ? canHoldType(u, LeafType.NUMBER) : base(lhs, rhs);
            case INT, FLOAT, COMPLEX -> rhs == LeafType.NUMBER || base(lhs, rhs);
            default -> base(lhs, rhs);
        };
    }

    private static boolean optional(OptionalType lhs, TorchType rhs) {
        return switch (rhs) {
            case OptionalType r -> isSubtype(lhs.elementType(), r.elementType());
            case UnionType u -> canHoldType(u, LeafType.NONE) && canHoldType(u, lhs.elementType());
            default -> base(lhs, rhs);
        };
    }

    private static boolean union(UnionType lhs, TorchType rhs) {
        List<TorchType> rhsTypes = new ArrayList<>();
        switch (rhs) {
            case UnionType r -> {
                if (lhs.types().equals(r.types())) {
                    return true;
                }
                rhsTypes.addAll(r.types());
            }
            case OptionalType o -> {
                rhsTypes.add(LeafType.NONE);
                if (o.elementType() == LeafType.NUMBER) {
                    rhsTypes.addAll(NUMBER_MEMBERS);
                } else {
                    rhsTypes.add(o.elementType());
                }
            }
            case LeafType l when l == LeafType.NUMBER -> rhsTypes.addAll(NUMBER_MEMBERS);
            default -> rhsTypes.add(rhs);
        }
        return lhs.types().stream().allMatch(l -> rhsTypes.stream().anyMatch(r -> isSubtype(l, r)));
    }

    private static boolean tuple(TupleType lhs, TorchType rhs) {
        if (!(rhs instanceof TupleType r)) {
            return false;
        }
        if (!lhs.isNamed() && r.isNamed()) {
            return false; // an unnamed tuple is not a subtype of a NamedTuple
        }
        boolean namesMatch = !r.isNamed() || lhs.fieldNames().equals(r.fieldNames());
        return namesMatch && pairwise(lhs.elements(), r.elements(), true);
    }

    private static boolean sameTuple(TupleType a, TupleType b) {
        if (!pairwise(a.elements(), b.elements(), false)) {
            return false;
        }
        if (!a.isNamed() || !b.isNamed()) {
            return a.isNamed() == b.isNamed();
        }
        return a.fieldNames().equals(b.fieldNames()) && schemaName(a).equals(schemaName(b));
    }

    /** The name c10 gives a NamedTuple's schema: the last component of its qualified name, or empty. */
    private static String schemaName(TupleType t) {
        return t.qualifiedName().map(q -> q.substring(q.lastIndexOf('.') + 1)).orElse("");
    }

    private static boolean pairwise(List<TorchType> a, List<TorchType> b, boolean subtype) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            boolean ok = subtype ? isSubtype(a.get(i), b.get(i)) : sameType(a.get(i), b.get(i));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameMembers(List<TorchType> a, List<TorchType> b) {
        return a.size() == b.size() && a.stream().allMatch(x -> b.stream().anyMatch(y -> sameType(x, y)));
    }

    /** c10: a union equals number when it has three members and can hold number. */
    private static boolean isNumberUnion(UnionType u, TorchType other) {
        return other == LeafType.NUMBER && u.types().size() == 3 && canHoldType(u, LeafType.NUMBER);
    }
}
