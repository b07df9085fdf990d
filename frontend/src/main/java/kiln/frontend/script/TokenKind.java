package kiln.frontend.script;

import java.util.HashMap;
import java.util.Map;

/** The kinds of TorchScript (Python) tokens: literals, layout, keywords and operators. */
public enum TokenKind {
    NAME(null), INT(null), FLOAT(null), IMAGINARY(null), STRING(null),
    NEWLINE(null), INDENT(null), DEDENT(null), EOF(null),

    FALSE("False"), NONE("None"), TRUE("True"), AND("and"), AS("as"), ASSERT("assert"), ASYNC("async"),
    AWAIT("await"), BREAK("break"), CLASS("class"), CONTINUE("continue"), DEF("def"), DEL("del"), ELIF("elif"),
    ELSE("else"), EXCEPT("except"), FINALLY("finally"), FOR("for"), FROM("from"), GLOBAL("global"), IF("if"),
    IMPORT("import"), IN("in"), IS("is"), LAMBDA("lambda"), NONLOCAL("nonlocal"), NOT("not"), OR("or"),
    PASS("pass"), RAISE("raise"), RETURN("return"), TRY("try"), WHILE("while"), WITH("with"), YIELD("yield"),

    LPAR("("), RPAR(")"), LSQB("["), RSQB("]"), LBRACE("{"), RBRACE("}"),
    COMMA(","), COLON(":"), DOT("."), SEMI(";"), EQUAL("="), ARROW("->"), ELLIPSIS("..."), AT("@"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), DOUBLESLASH("//"), PERCENT("%"), DOUBLESTAR("**"),
    LSHIFT("<<"), RSHIFT(">>"), AMPER("&"), VBAR("|"), CIRCUMFLEX("^"), TILDE("~"),
    LESS("<"), GREATER(">"), LESSEQUAL("<="), GREATEREQUAL(">="), EQEQUAL("=="), NOTEQUAL("!="),
    PLUSEQUAL("+="), MINEQUAL("-="), STAREQUAL("*="), SLASHEQUAL("/="), DOUBLESLASHEQUAL("//="),
    PERCENTEQUAL("%="), DOUBLESTAREQUAL("**="), ATEQUAL("@="), LEFTSHIFTEQUAL("<<="), RIGHTSHIFTEQUAL(">>="),
    AMPEREQUAL("&="), VBAREQUAL("|="), CIRCUMFLEXEQUAL("^="), COLONEQUAL(":=");

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();
    private static final Map<String, TokenKind> OPERATORS = new HashMap<>();

    static {
        for (TokenKind kind : values()) {
            if (kind.text != null) {
                (Character.isLetter(kind.text.charAt(0)) ? KEYWORDS : OPERATORS).put(kind.text, kind);
            }
        }
    }

    private final String text;

    TokenKind(String text) {
        this.text = text;
    }

    /** The fixed spelling of a keyword or operator; null for names, literals and layout tokens. */
    public String text() {
        return text;
    }

    public boolean isKeyword() {
        return text != null && Character.isLetter(text.charAt(0));
    }

    /** The keyword spelled {@code word}, or null when it is an ordinary name. */
    static TokenKind keyword(String word) {
        return KEYWORDS.get(word);
    }

    /** The operator or delimiter spelled exactly {@code text}, or null. */
    static TokenKind operator(String text) {
        return OPERATORS.get(text);
    }

    /** How a token of this kind is named in error messages. */
    String describe() {
        return switch (this) {
            case NAME -> "identifier";
            case INT, FLOAT, IMAGINARY -> "number";
            case STRING -> "string literal";
            case NEWLINE -> "newline";
            case INDENT -> "indent";
            case DEDENT -> "dedent";
            case EOF -> "end of input";
            default -> "'" + text + "'";
        };
    }
}
