package kiln.dialects.arith;

/**
 * The predicates of {@code arith.cmpf}, numbered as MLIR numbers them: ordered ones ({@code o…}) are false when an
 * operand is NaN, unordered ones ({@code u…}) true; {@code ord} and {@code uno} test for NaN only.
 */
public enum CmpFPredicate {
    FALSE, OEQ, OGT, OGE, OLT, OLE, ONE, ORD, UEQ, UGT, UGE, ULT, ULE, UNE, UNO, TRUE;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }


    /** Whether {@code a <pred> b} holds, IEEE-754's comparison ({@code -0.0 == 0.0}). */
    public boolean test(double a, double b) {
        boolean unordered = Double.isNaN(a) || Double.isNaN(b);
        return switch (this) {
            case FALSE -> false;
            case TRUE -> true;
            case ORD -> !unordered;
            case UNO -> unordered;
            case OEQ -> !unordered && a == b;
            case OGT -> !unordered && a > b;
            case OGE -> !unordered && a >= b;
            case OLT -> !unordered && a < b;
            case OLE -> !unordered && a <= b;
            case ONE -> !unordered && a != b;
            case UEQ -> unordered || a == b;
            case UGT -> unordered || a > b;
            case UGE -> unordered || a >= b;
            case ULT -> unordered || a < b;
            case ULE -> unordered || a <= b;
            case UNE -> unordered || a != b;
        };
    }
}
