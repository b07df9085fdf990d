package kiln.frontend.script;

/** Comparison operators, which chain: {@code a < b <= c}. */
public enum CompareOperator {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in"), IS("is"),
    IS_NOT("is not");

    private final String symbol;

    CompareOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator a single token spells ({@code in}, {@code is} and the symbols), or null. */
    static CompareOperator of(TokenKind kind) {
        return switch (kind) {
            case EQEQUAL -> EQ;
            case NOTEQUAL -> NE;
            case LESS -> LT;
            case LESSEQUAL -> LE;
            case GREATER -> GT;
            case GREATEREQUAL -> GE;
            case IN -> IN;
            case IS -> IS;
            default -> null;
        };
    }
}
