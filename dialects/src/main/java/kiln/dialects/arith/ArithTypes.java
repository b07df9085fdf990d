package kiln.dialects.arith;

import java.util.function.Predicate;
import kiln.dialects.ir.FloatType;
import kiln.dialects.ir.IndexType;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.ShapedType;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.VectorType;

/**
 * The types arith ops take (MLIR's {@code SignlessIntegerOrIndexLike}, {@code FloatLike}, …): a scalar of the
 * builtin types, or a {@link VectorType} of one, on which the op acts element by element.
 */
public final class ArithTypes {
    /** The bit width arith gives {@code index} (MLIR's {@code IndexType::kInternalStorageBitWidth}). */
    public static final int INDEX_WIDTH = 64;

    private ArithTypes() {
    }

    /** The element type of a vector, or the type itself. */
    public static Type elementOf(Type t) {
        return t instanceof VectorType v ? v.elementType() : t;
    }

    /** A type of the same shape as {@code like} (scalar or vector) with elements of type {@code element}. */
    public static Type sameShape(Type like, Type element) {
        return like instanceof VectorType v ? new VectorType(v.shape(), element) : element;
    }

    /** Whether {@code t} is a scalar satisfying {@code element}, or a vector of one. */
    public static boolean like(Type t, Predicate<Type> element) {
        if (t instanceof ShapedType && !(t instanceof VectorType)) {
            return false;
        }
        return element.test(elementOf(t));
    }

    public static boolean isSignlessInteger(Type t) {
        return t instanceof IntegerType i && i.signedness() == IntegerType.Signedness.SIGNLESS;
    }

    public static boolean isSignlessIntegerOrIndex(Type t) {
        return isSignlessInteger(t) || t == IndexType.INDEX;
    }

    public static boolean isFloat(Type t) {
        return t instanceof FloatType;
    }

    public static boolean isBool(Type t) {
        return t.equals(IntegerType.I1);
    }

    /** The bit width of an integer, index or float element type. */
    public static int width(Type element) {
        return switch (element) {
            case IntegerType i -> i.width();
            case IndexType x -> INDEX_WIDTH;
            case FloatType f -> f.width();
            default -> throw new IllegalArgumentException("no bit width: " + element.asm());
        };
    }

    /** Whether {@code element} is an integer, index or float type (one with a bit width). */
    public static boolean hasWidth(Type element) {
        return element instanceof IntegerType || element instanceof IndexType || element instanceof FloatType;
    }

    /** Whether the element type of {@code t} is an integer or index type of at most 64 bits (foldable here). */
    public static boolean foldableInteger(Type t) {
        Type e = elementOf(t);
        return (e instanceof IntegerType i && i.width() <= 64) || e == IndexType.INDEX;
    }

    /** Whether two types have the same shape: both scalars, or vectors of equal shapes. */
    public static boolean sameShapeAs(Type a, Type b) {
        if (a instanceof VectorType va) {
            return b instanceof VectorType vb && va.shape().equals(vb.shape());
        }
        return !(b instanceof VectorType);
    }

    /** Describes an allowed type for errors: {@code signless-integer-like}, … */
    static String describe(Predicate<Type> element) {
        if (element == INTEGER_OR_INDEX) {
            return "signless integer or index";
        }
        if (element == INTEGER) {
            return "signless integer";
        }
        if (element == FLOAT) {
            return "floating-point";
        }
        if (element == BOOL) {
            return "i1";
        }
        return "valid";
    }

    /** Element predicates, compared by identity in {@link #describe}. */
    static final Predicate<Type> INTEGER_OR_INDEX = ArithTypes::isSignlessIntegerOrIndex;
    static final Predicate<Type> INTEGER = ArithTypes::isSignlessInteger;
    static final Predicate<Type> FLOAT = ArithTypes::isFloat;
    static final Predicate<Type> BOOL = ArithTypes::isBool;
    static final Predicate<Type> ANY = t -> true;
}
