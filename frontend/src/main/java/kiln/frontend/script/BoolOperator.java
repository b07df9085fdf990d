package kiln.frontend.script;

/** The short-circuit operators; {@code or} binds more loosely than {@code and}. */
public enum BoolOperator {
    OR("or"), AND("and");

    private final String symbol;

    BoolOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
