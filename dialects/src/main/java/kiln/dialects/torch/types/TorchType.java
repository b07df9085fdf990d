package kiln.dialects.torch.types;

import java.util.List;
import kiln.dialects.ir.Type;

/**
 * A TorchScript type, modelled on c10's JIT types (ATen/core/jit_type.h). Types are immutable records or enum
 * constants with structural {@code equals}.
 *
 * <p>Three text forms, as in c10:
 * <ul>
 *   <li>{@link #toString()} is c10's {@code operator<<}, the form graph dumps print:
 *       {@code Float(2, 3, strides=[3, 1], requires_grad=0, device=cpu)}, {@code int[]}, {@code Tensor?}.</li>
 *   <li>{@link #str()} is c10's {@code str()}, the schema form; it drops tensor refinements
 *       ({@code Tensor}) and is what {@code Dict(...)} and {@code Union(...)} print their members with.</li>
 *   <li>{@link #annotationString()} is c10's {@code annotation_str()}, the Python annotation form:
 *       {@code List[int]}, {@code Optional[Tensor]}.</li>
 * </ul>
 * {@link TorchTypeParser} reads the first and the last back.
 *
 * <p>{@link #isSubtypeOf(Type)} is c10's {@code isSubtypeOf}; {@link TypeUnifier} has c10's
 * {@code unifyTypes}.
 */
public sealed interface TorchType extends Type
        permits TensorType, LeafType, SingleElementType, DictType, TupleType, UnionType, NominalType, TypeVar {

    /** c10's type kind, which also orders the members of a union. */
    TypeKind kind();

    /** The types this one is built from, as c10's {@code containedTypes()}; empty for leaf types. */
    default List<TorchType> containedTypes() {
        return List.of();
    }

    /** c10's {@code str()}: the schema form. */
    default String str() {
        return TypePrinter.str(this);
    }

    /** c10's {@code annotation_str()}: the Python annotation form ({@code List[int]}). */
    default String annotationString() {
        return TypePrinter.annotation(this);
    }

    /** Torch types are written {@code !torch.int}, {@code !torch<Dict(str, Tensor)>} in the generic IR text. */
    @Override
    default String dialectNamespace() {
        return "torch";
    }

    /** c10's {@code isSubtypeOf}; false for any type that is not a {@link TorchType}. */
    @Override
    default boolean isSubtypeOf(Type other) {
        return other instanceof TorchType t && Subtyping.isSubtype(this, t);
    }
}
