package kiln.frontend.script;

/** Prefix operators. */
public enum UnaryOperator {
    NOT("not"), NEG("-"), POS("+"), INVERT("~");

    private final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
