package kiln.dialects.arith;

/**
 * The predicates of {@code arith.cmpi}, numbered as MLIR numbers them (the generic form's {@code predicate}
 * attribute holds the number; the custom form writes the keyword).
 */
public enum CmpIPredicate {
    EQ, NE, SLT, SLE, SGT, SGE, ULT, ULE, UGT, UGE;

    /** The predicate that holds exactly when this one does not ({@code slt} for {@code sge}). */
    public CmpIPredicate negated() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case SLT -> SGE;
            case SGE -> SLT;
            case SLE -> SGT;
            case SGT -> SLE;
            case ULT -> UGE;
            case UGE -> ULT;
            case ULE -> UGT;
            case UGT -> ULE;
        };
    }

    /** The keyword: {@code eq}, {@code slt}, … */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }


    /** Whether {@code a <pred> b} holds for two values of {@code width} bits. */
    public boolean test(long a, long b, int width) {
        long x = IntBits.wrap(a, width);
        long y = IntBits.wrap(b, width);
        return switch (this) {
            case EQ -> x == y;
            case NE -> x != y;
            case SLT -> x < y;
            case SLE -> x <= y;
            case SGT -> x > y;
            case SGE -> x >= y;
            case ULT -> IntBits.compareUnsigned(x, y, width) < 0;
            case ULE -> IntBits.compareUnsigned(x, y, width) <= 0;
            case UGT -> IntBits.compareUnsigned(x, y, width) > 0;
            case UGE -> IntBits.compareUnsigned(x, y, width) >= 0;
        };
    }

    /** What the predicate gives for two equal operands. */
    public boolean ofEqualOperands() {
        return switch (this) {
            case EQ, SLE, SGE, ULE, UGE -> true;
            case NE, SLT, SGT, ULT, UGT -> false;
        };
    }

    /** The predicate with the operands swapped ({@code slt} ↔ {@code sgt}; {@code eq} and {@code ne} stay). */
    public CmpIPredicate swapped() {
        return switch (this) {
            case EQ, NE -> this;
            case SLT -> SGT;
            case SGT -> SLT;
            case SLE -> SGE;
            case SGE -> SLE;
            case ULT -> UGT;
            case UGT -> ULT;
            case ULE -> UGE;
            case UGE -> ULE;
        };
    }
}
