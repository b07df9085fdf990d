package kiln.dialects.ir;

/**
 * A type of an SSA {@link Value}. Types are immutable values with structural equality (records or enums);
 * each dialect declares its own family. {@link #toString()} is the type's text form, which the dialect's
 * type parser reads back.
 */
public interface Type {
    /** True when a value of this type may be used where {@code other} is expected. */
    default boolean isSubtypeOf(Type other) {
        return equals(other);
    }

    /** The type as a source annotation (for TorchScript: {@code List[int]} rather than {@code int[]}). */
    default String annotationString() {
        return toString();
    }
}
