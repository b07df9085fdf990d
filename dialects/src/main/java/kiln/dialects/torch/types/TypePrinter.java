package kiln.dialects.torch.types;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The three text forms of a {@link TorchType}, as c10 writes them (type.cpp {@code operator<<}, each type's
 * {@code str()} and {@code annotation_str()}), at c10's default type verbosity ({@code Full}).
 */
public final class TypePrinter {

    private TypePrinter() {}

    /**
     * c10's {@code operator<<}: the graph-dump form. Tensors show what is known of them; lists, optionals,
     * futures, RRefs and tuples print their members the same way; every other type prints its {@link #str}.
     */
    public static String print(TorchType type) {
        return switch (type) {
            case TensorType t -> tensor(t);
            case ListType l -> print(l.elementType()) + "[]";
            case OptionalType o -> print(o.elementType()) + "?";
            case FutureType f -> "Future[" + print(f.elementType()) + "]";
            case RRefType r -> "RRef[" + print(r.elementType()) + "]";
            case TupleType t -> t.isNamed() ? namedTuple(t) : "(" + join(t.elements(), TypePrinter::print) + ")";
            default -> str(type);
        };
    }

    /** c10's {@code str()}: the schema form, in which every tensor type is {@code Tensor}. */
    public static String str(TorchType type) {
        return switch (type) {
            case TensorType t -> "Tensor";
            case LeafType l -> l.str();
            case ListType l -> str(l.elementType()) + "[]";
            case OptionalType o -> str(o.elementType()) + "?";
            case DictType d -> "Dict(" + str(d.keyType()) + ", " + str(d.valueType()) + ")";
            case FutureType f -> "Future(" + str(f.elementType()) + ")";
            case RRefType r -> "RRef(" + str(r.elementType()) + ")";
            case AwaitType a -> "Await(" + str(a.elementType()) + ")";
            case TupleType t -> t.isNamed() && t.qualifiedName().isPresent()
                    ? t.qualifiedName().get()
                    : "(" + join(t.elements(), TypePrinter::str) + ")";
            case UnionType u -> union(u, false);
            case ClassType c -> c.qualifiedName();
            case InterfaceType i -> "InterfaceType<" + i.baseName() + ">";
            case EnumType e -> "Enum<" + e.qualifiedName() + ">";
            case TypeVar v -> v.name();
        };
    }

    /** c10's {@code annotation_str()}: the Python annotation form. */
    public static String annotation(TorchType type) {
        return switch (type) {
            case LeafType l -> l.annotationString();
            case ListType l -> "List[" + annotation(l.elementType()) + "]";
            case OptionalType o -> "Optional[" + annotation(o.elementType()) + "]";
            case DictType d -> "Dict[" + annotation(d.keyType()) + ", " + annotation(d.valueType()) + "]";
            case FutureType f -> "Future[" + annotation(f.elementType()) + "]";
            case RRefType r -> "RRef[" + annotation(r.elementType()) + "]";
            case AwaitType a -> "Await[" + annotation(a.elementType()) + "]";
            case TupleType t -> tupleAnnotation(t);
            case UnionType u -> union(u, true);
            case ClassType c -> c.qualifiedName();
            case InterfaceType i -> i.qualifiedName();
            case EnumType e -> e.qualifiedName();
            case TensorType t -> str(t);
            case TypeVar v -> v.name();
        };
    }

    private static String tupleAnnotation(TupleType t) {
        if (t.isNamed() && t.qualifiedName().isPresent()) {
            return t.qualifiedName().get();
        }
        if (t.elements().isEmpty()) {
            return "Tuple[()]"; // typing.Tuple's spelling of the empty tuple
        }
        return "Tuple[" + join(t.elements(), TypePrinter::annotation) + "]";
    }

    private static String namedTuple(TupleType t) {
        List<String> names = t.fieldNames().orElseThrow();
        StringBuilder out = new StringBuilder("NamedTuple(");
        for (int i = 0; i < t.elements().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(names.get(i)).append(" : ").append(print(t.elements().get(i)));
        }
        return out.append(')').toString();
    }

    /**
     * c10's {@code UnionType::unionStr}: members in order, except that a union holding int, float and complex
     * prints them as one trailing {@code Scalar} ({@code number} in annotations). c10's loop misplaces the
     * comma before that trailing entry when other members are present ({@code Union(TensorScalar)},
     * {@code Union(, str, Scalar)}); this prints the evident intent ({@code Union(Tensor, Scalar)}) so the text
     * reads back.
     */
    private static String union(UnionType u, boolean annotation) {
        boolean holdsNumber = u.canHoldType(LeafType.NUMBER);
        Function<TorchType, String> member = annotation ? TypePrinter::annotation : TypePrinter::str;
        List<String> parts = u.types().stream()
                .filter(t -> !holdsNumber || !isNumberMember(t))
                .map(member)
                .collect(Collectors.toList());
        if (holdsNumber) {
            parts.add(member.apply(LeafType.NUMBER));
        }
        String open = annotation ? "[" : "(";
        String close = annotation ? "]" : ")";
        return "Union" + open + String.join(", ", parts) + close;
    }

    private static boolean isNumberMember(TorchType t) {
        return t == LeafType.INT || t == LeafType.FLOAT || t == LeafType.COMPLEX;
    }

    /** c10's {@code operator<<} for tensor types. */
    private static String tensor(TensorType t) {
        StringBuilder out = new StringBuilder();
        OptionalInt rank = t.sizes().rank();
        if (t.dtype().isPresent()) {
            out.append(t.dtype().get().name());
            if (rank.isEmpty()) {
                out.append("Tensor");
            }
        } else {
            out.append("Tensor");
        }
        int printed = 0;
        if (rank.isPresent()) {
            int ndim = rank.getAsInt();
            out.append('(');
            for (int i = 0; i < ndim; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                OptionalLong size = t.sizes().get(i);
                out.append(size.isPresent() ? Long.toString(size.getAsLong()) : "*");
            }
            printed = ndim;
            boolean showStrides = ndim > 0 && t.strides().isComplete() && t.strides().rank().equals(rank);
            if (showStrides) {
                out.append(", strides=[");
                for (int i = 0; i < ndim; i++) {
                    out.append(i > 0 ? ", " : "").append(t.strides().get(i).getAsLong());
                }
                out.append(']');
            }
            options(t, out, printed);
            out.append(')');
        } else if (t.requiresGrad().isPresent() || t.device().isPresent()) {
            out.append('(');
            options(t, out, 0);
            out.append(')');
        }
        if (t.undefined().orElse(false)) {
            out.append("[Undefined]");
        }
        return out.toString();
    }

    private static void options(TensorType t, StringBuilder out, int printedBefore) {
        int printed = printedBefore;
        if (t.requiresGrad().isPresent()) {
            out.append(printed++ > 0 ? ", " : "").append("requires_grad=").append(t.requiresGrad().get() ? 1 : 0);
        }
        if (t.device().isPresent()) {
            out.append(printed > 0 ? ", " : "").append("device=").append(t.device().get());
        }
    }

    private static String join(List<TorchType> types, Function<TorchType, String> form) {
        return types.stream().map(form).collect(Collectors.joining(", "));
    }
}
