package kiln.runtime.tensor;

import java.util.List;

import kiln.dialects.torch.types.ScalarType;

/**
 * PyTorch's type promotion: c10's {@code promoteTypes} table, ATen's {@code result_type} (operands promote
 * within three categories — tensors with dims, 0-dim tensors, wrapped Python numbers — and a lower category
 * only counts when it is of a higher kind: bool &lt; integral &lt; floating &lt; complex), and {@code canCast}.
 */
public final class TypePromotion {
    // c10::promoteTypes: axes u1 i1 i2 i4 i8 f2 f4 f8 c2 c4 c8 b1 bf.
    private static final ScalarType[] INDEX = {ScalarType.Byte, ScalarType.Char, ScalarType.Short, ScalarType.Int,
        ScalarType.Long, ScalarType.Half, ScalarType.Float, ScalarType.Double, ScalarType.ComplexHalf,
        ScalarType.ComplexFloat, ScalarType.ComplexDouble, ScalarType.Bool, ScalarType.BFloat16};
    private static final String[] TABLE = {
        "u1 i2 i2 i4 i8 f2 f4 f8 c2 c4 c8 u1 bf",
        "i2 i1 i2 i4 i8 f2 f4 f8 c2 c4 c8 i1 bf",
        "i2 i2 i2 i4 i8 f2 f4 f8 c2 c4 c8 i2 bf",
        "i4 i4 i4 i4 i8 f2 f4 f8 c2 c4 c8 i4 bf",
        "i8 i8 i8 i8 i8 f2 f4 f8 c2 c4 c8 i8 bf",
        "f2 f2 f2 f2 f2 f2 f4 f8 c2 c4 c8 f2 f4",
        "f4 f4 f4 f4 f4 f4 f4 f8 c4 c4 c8 f4 f4",
        "f8 f8 f8 f8 f8 f8 f8 f8 c8 c8 c8 f8 f8",
        "c2 c2 c2 c2 c2 c2 c4 c8 c2 c4 c8 c2 c4",
        "c4 c4 c4 c4 c4 c4 c4 c8 c4 c4 c8 c4 c4",
        "c8 c8 c8 c8 c8 c8 c8 c8 c8 c8 c8 c8 c8",
        "u1 i1 i2 i4 i8 f2 f4 f8 c2 c4 c8 b1 bf",
        "bf bf bf bf bf f4 f4 f8 c4 c4 c8 bf bf",
    };
    private static final List<String> CODES = List.of("u1", "i1", "i2", "i4", "i8", "f2", "f4", "f8", "c2", "c4",
            "c8", "b1", "bf");
    private static final ScalarType[][] LOOKUP = new ScalarType[INDEX.length][INDEX.length];

    static {
        for (int a = 0; a < INDEX.length; a++) {
            String[] row = TABLE[a].split(" ");
            for (int b = 0; b < INDEX.length; b++) {
                LOOKUP[a][b] = INDEX[CODES.indexOf(row[b])];
            }
        }
    }

    private TypePromotion() {
    }

    /** c10's {@code promoteTypes}; null plays c10's {@code Undefined}. */
    public static ScalarType promoteTypes(ScalarType a, ScalarType b) {
        if (a == null || b == null) {
            return null;
        }
        if (a == b) {
            return a;
        }
        if (a.isQuantized() || b.isQuantized()) {
            throw TorchException.runtime("promoteTypes with quantized numbers is not handled yet; figure out what "
                    + "the correct rules should be, offending types: " + a + " " + b);
        }
        if (isBits(a) || isBits(b)) {
            return null;
        }
        if (isFloat8(a) || isFloat8(b)) {
            throw TorchException.runtime("Promotion for Float8 Types is not supported, attempted to promote " + a
                    + " and " + b);
        }
        if (isBarebonesUnsigned(a) || isBarebonesUnsigned(b)) {
            if (a.isFloatingPoint()) {
                return a;
            }
            if (b.isFloatingPoint()) {
                return b;
            }
            throw TorchException.runtime("Promotion for uint16, uint32, uint64 types is not supported, attempted "
                    + "to promote " + a + " and " + b);
        }
        int ia = indexOf(a);
        int ib = indexOf(b);
        if (ia < 0 || ib < 0) {
            throw TorchException.runtime("Promotion from " + a + " and " + b + " is unsupported.");
        }
        return LOOKUP[ia][ib];
    }

    /** {@code torch.promote_types}: as {@link #promoteTypes}, failing where c10 answers Undefined. */
    public static ScalarType promoteTypesChecked(ScalarType a, ScalarType b) {
        ScalarType result = promoteTypes(a, b);
        if (result == null) {
            throw TorchException.runtime("Promotion from " + a + " and " + b + " is unsupported.");
        }
        return result;
    }

    private static int indexOf(ScalarType t) {
        for (int i = 0; i < INDEX.length; i++) {
            if (INDEX[i] == t) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBits(ScalarType t) {
        return switch (t) {
            case Bits1x8, Bits2x4, Bits4x2, Bits8, Bits16 -> true;
            default -> false;
        };
    }

    private static boolean isFloat8(ScalarType t) {
        return switch (t) {
            case Float8_e5m2, Float8_e4m3fn, Float8_e5m2fnuz, Float8_e4m3fnuz, Float8_e8m0fnu -> true;
            default -> false;
        };
    }

    private static boolean isBarebonesUnsigned(ScalarType t) {
        return switch (t) {
            case UInt1, UInt2, UInt3, UInt4, UInt5, UInt6, UInt7, UInt16, UInt32, UInt64 -> true;
            default -> false;
        };
    }

    /** How an operand takes part in {@link #resultType}: its dtype and its category. */
    public enum Category {
        /** A tensor with at least one dimension. */
        DIMENSIONED,
        /** A 0-dim tensor. */
        ZERO_DIM,
        /** A Python number (PyTorch's wrapped-number tensor). */
        WRAPPED_NUMBER
    }

    /** An operand of {@link #resultType} described by its dtype and category alone. */
    public record Participant(ScalarType dtype, Category category) {
        public static Participant of(Operand operand) {
            return switch (operand) {
                case Tensor t -> new Participant(t.dtype(), t.dim() > 0 ? Category.DIMENSIONED : Category.ZERO_DIM);
                case Scalar s -> new Participant(s.type(), Category.WRAPPED_NUMBER);
            };
        }
    }

    /** ATen's {@code ResultTypeState}: the promoted dtype seen so far in each category. */
    private record State(ScalarType dimResult, ScalarType zeroResult, ScalarType wrappedResult) {
        State update(Participant p) {
            ScalarType current = p.dtype();
            if (p.category() == Category.WRAPPED_NUMBER) {
                if (current.isComplex()) {
                    current = ScalarType.ComplexFloat;
                } else if (current.isFloatingPoint()) {
                    current = DTypes.DEFAULT_FLOAT;
                }
            }
            return switch (p.category()) {
                case DIMENSIONED -> new State(promoteSkipUndefined(dimResult, current), zeroResult, wrappedResult);
                case ZERO_DIM -> new State(dimResult, promoteSkipUndefined(zeroResult, current), wrappedResult);
                case WRAPPED_NUMBER -> new State(dimResult, zeroResult, promoteSkipUndefined(wrappedResult, current));
            };
        }

        ScalarType result() {
            return combine(dimResult, combine(zeroResult, wrappedResult));
        }
    }

    /** ATen's {@code promote_skip_undefined}. */
    private static ScalarType promoteSkipUndefined(ScalarType a, ScalarType b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return promoteTypes(a, b);
    }

    /** ATen's {@code combine_categories}: the lower category counts only when it is of a higher kind. */
    private static ScalarType combine(ScalarType higher, ScalarType lower) {
        if (higher != null && higher.isComplex()) {
            return higher;
        }
        if (lower != null && lower.isComplex()) {
            return higher != null && higher.isFloatingPoint() ? toComplex(higher) : lower;
        }
        if (higher != null && higher.isFloatingPoint()) {
            return higher;
        }
        if (higher == ScalarType.Bool || (lower != null && lower.isFloatingPoint())) {
            return promoteSkipUndefined(higher, lower);
        }
        return higher != null ? higher : lower;
    }

    /** c10's {@code toComplexType}. */
    private static ScalarType toComplex(ScalarType t) {
        return switch (t) {
            case Half -> ScalarType.ComplexHalf;
            case Float, BFloat16 -> ScalarType.ComplexFloat;
            case Double -> ScalarType.ComplexDouble;
            default -> throw TorchException.runtime("Unknown Complex ScalarType for " + t);
        };
    }

    /** {@code torch.result_type} over tensors and Python numbers. */
    public static ScalarType resultType(Operand... operands) {
        return resultType(java.util.Arrays.stream(operands).map(Participant::of).toList());
    }

    /** {@code torch.result_type} over operands described by dtype and category. */
    public static ScalarType resultType(List<Participant> participants) {
        State state = new State(null, null, null);
        for (Participant p : participants) {
            state = state.update(p);
        }
        return state.result();
    }

    /** c10's {@code canCast}: no complex to real, floating to integral, or non-bool to bool. */
    public static boolean canCast(ScalarType from, ScalarType to) {
        if (from.isComplex() && !to.isComplex()) {
            return false;
        }
        if (from.isFloatingPoint() && to.isIntegral(false)) {
            return false;
        }
        return from == ScalarType.Bool || to != ScalarType.Bool;
    }
}
