package kiln.frontend.script;

/**
 * Binary arithmetic and bitwise operators, each with its Python binding level (higher binds tighter) and the token
 * of its augmented assignment ({@code +=}).
 */
public enum BinaryOperator {
    BIT_OR("|", 1, TokenKind.VBAR, TokenKind.VBAREQUAL),
    BIT_XOR("^", 2, TokenKind.CIRCUMFLEX, TokenKind.CIRCUMFLEXEQUAL),
    BIT_AND("&", 3, TokenKind.AMPER, TokenKind.AMPEREQUAL),
    LSHIFT("<<", 4, TokenKind.LSHIFT, TokenKind.LEFTSHIFTEQUAL),
    RSHIFT(">>", 4, TokenKind.RSHIFT, TokenKind.RIGHTSHIFTEQUAL),
    ADD("+", 5, TokenKind.PLUS, TokenKind.PLUSEQUAL),
    SUB("-", 5, TokenKind.MINUS, TokenKind.MINEQUAL),
    MUL("*", 6, TokenKind.STAR, TokenKind.STAREQUAL),
    DIV("/", 6, TokenKind.SLASH, TokenKind.SLASHEQUAL),
    FLOOR_DIV("//", 6, TokenKind.DOUBLESLASH, TokenKind.DOUBLESLASHEQUAL),
    MOD("%", 6, TokenKind.PERCENT, TokenKind.PERCENTEQUAL),
    MATMUL("@", 6, TokenKind.AT, TokenKind.ATEQUAL),
    POW("**", 8, TokenKind.DOUBLESTAR, TokenKind.DOUBLESTAREQUAL);

    /** The level of unary {@code + - ~}, between the multiplicative operators and {@code **}. */
    static final int UNARY_LEVEL = 7;
    /** The loosest and the tightest left-associative levels. */
    static final int FIRST_LEVEL = 1;
    static final int LAST_LEFT_LEVEL = 6;

    private final String symbol;
    private final int level;
    private final TokenKind token;
    private final TokenKind augmented;

    BinaryOperator(String symbol, int level, TokenKind token, TokenKind augmented) {
        this.symbol = symbol;
        this.level = level;
        this.token = token;
        this.augmented = augmented;
    }

    public String symbol() {
        return symbol;
    }

    /** How tightly it binds: {@code |} is 1, {@code **} is 8. */
    public int level() {
        return level;
    }

    /** The operator {@code kind} spells at {@code level}, or null. */
    static BinaryOperator at(TokenKind kind, int level) {
        for (BinaryOperator op : values()) {
            if (op.token == kind && op.level == level) {
                return op;
            }
        }
        return null;
    }

    /** The operator whose augmented assignment {@code kind} is ({@code +=} gives ADD), or null. */
    static BinaryOperator augmented(TokenKind kind) {
        for (BinaryOperator op : values()) {
            if (op.augmented == kind) {
                return op;
            }
        }
        return null;
    }
}
