package kiln.dialects.ir;

/** How many operands or results an op takes: {@code [min, max]}, max {@link Integer#MAX_VALUE} for variadic. */
public record Arity(int min, int max) {
    public static final Arity ANY = new Arity(0, Integer.MAX_VALUE);

    public Arity {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad arity [" + min + ", " + max + "]");
        }
    }

    public static Arity exactly(int n) {
        return new Arity(n, n);
    }

    public static Arity atLeast(int n) {
        return new Arity(n, Integer.MAX_VALUE);
    }

    public boolean accepts(int n) {
        return n >= min && n <= max;
    }

    @Override
    public String toString() {
        if (min == max) {
            return Integer.toString(min);
        }
        return max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
    }
}
