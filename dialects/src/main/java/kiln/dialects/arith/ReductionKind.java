package kiln.dialects.arith;

import java.util.Locale;
import java.util.Optional;
import kiln.dialects.ir.FloatType;
import kiln.dialects.ir.IndexType;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.Type;

/**
 * How a reduction combines its elements: named after the arith op that combines two of them ({@code addf} is
 * {@code arith.addf}), so that every executor and code generator shares arith's semantics (NaN propagation of
 * {@code maximumf}, wraparound of {@code addi}).
 */
public enum ReductionKind {
    ADDF(true), MULF(true), MAXIMUMF(true), MINIMUMF(true),
    ADDI(false), MULI(false), MAXSI(false), MINSI(false), MAXUI(false), MINUI(false), ANDI(false), ORI(false),
    XORI(false);

    private final boolean onFloats;

    ReductionKind(boolean onFloats) {
        this.onFloats = onFloats;
    }

    /** The keyword in the text: {@code addf}, {@code maxsi}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The arith op combining two elements: {@code arith.addf}. */
    public String combiner() {
        return "arith." + keyword();
    }

    public static Optional<ReductionKind> named(String keyword) {
        for (ReductionKind k : values()) {
            if (k.keyword().equals(keyword)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Whether it combines elements of {@code t}. */
    public boolean accepts(Type t) {
        return onFloats ? t instanceof FloatType : t instanceof IntegerType || t instanceof IndexType;
    }
}
