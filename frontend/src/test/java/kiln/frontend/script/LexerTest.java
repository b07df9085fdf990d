package kiln.frontend.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Tokens, layout tokens, numbers and strings as Python's tokenizer makes them. */
class LexerTest {

    private static List<Token> tokens(String source) {
        return Lexer.tokenize(new Source("t.py", source), new TypeComments());
    }

    /** Kinds, with the text of names, numbers and strings: {@code NAME:x INT:1 NEWLINE}. */
    private static String kinds(String source) {
        return tokens(source).stream()
                .map(t -> switch (t.kind()) {
                    case NAME, INT, FLOAT, IMAGINARY, STRING -> t.kind() + ":" + t.text();
                    default -> t.kind().text() != null ? t.kind().text() : t.kind().name();
                })
                .collect(Collectors.joining(" "));
    }

    @Test
    void indentationMakesIndentAndDedent() {
        String source = """
                def f(x):
                  if x:
                    return 1
                  return 2
                y = 3
                """;
        assertEquals("def NAME:f ( NAME:x ) : NEWLINE INDENT if NAME:x : NEWLINE INDENT return INT:1 NEWLINE "
                + "DEDENT return INT:2 NEWLINE DEDENT NAME:y = INT:3 NEWLINE EOF", kinds(source));
    }

    @Test
    void blankAndCommentLinesAreSkippedAndDedentsCloseAtEnd() {
        String source = "def f():\n    # a comment\n\n    pass   # trailing\n        \n";
        assertEquals("def NAME:f ( ) : NEWLINE INDENT pass NEWLINE DEDENT EOF", kinds(source));
        assertEquals("NAME:x NEWLINE EOF", kinds("x"));
        assertEquals("EOF", kinds("\n\n# only a comment\n"));
    }

    @Test
    void windowsLineEndings() {
        assertEquals("def NAME:f ( ) : NEWLINE INDENT return INT:1 NEWLINE DEDENT EOF",
                kinds("def f():\r\n    # c\r\n\r\n    return 1\r\n"));
        Source source = new Source("t.py", "a = 1\r\nb = 2\r\n");
        assertEquals("a = 1", source.lineText(1));
        assertEquals(2, source.line(7));
        assertEquals(1, source.column(7));
    }

    @Test
    void firstLineSetsTheBaseIndentation() {
        assertEquals("NAME:a NEWLINE NAME:b NEWLINE EOF", kinds("    a\n    b\n"));
    }

    @Test
    void bracketsJoinLinesAndBackslashContinues() {
        assertEquals("NAME:f ( NAME:a , NAME:b ) NEWLINE NAME:c NEWLINE EOF", kinds("f(a,\n      b)\nc\n"));
        assertEquals("NAME:x = INT:1 + INT:2 NEWLINE EOF", kinds("x = 1 + \\\n   2\n"));
        assertEquals("[ INT:1 , INT:2 ] NEWLINE EOF", kinds("[1,  # comment\n 2]\n"));
    }

    @Test
    void operatorsTakeTheLongestMatch() {
        assertEquals("** **= // //= >> >>= << <<= -> ... . @ @= != == <= >= < > ~ ^ ^= | |= & &= % %= :=",
                kinds("** **= // //= >> >>= << <<= -> ... . @ @= != == <= >= < > ~ ^ ^= | |= & &= % %= :=")
                        .replace(" NEWLINE EOF", ""));
        assertEquals("NAME:a . NAME:b NEWLINE EOF", kinds("a.b"));
    }

    @Test
    void keywordsAndSoftKeywords() {
        assertEquals("not in is not and or True False None NAME:match NAME:type NAME:print NEWLINE EOF",
                kinds("not in is not and or True False None match type print"));
    }

    @Test
    void numbers() {
        assertEquals("INT:0 INT:42 INT:1_000 INT:0xFF INT:0o17 INT:0b1_0 INT:00 NEWLINE EOF",
                kinds("0 42 1_000 0xFF 0o17 0b1_0 00"));
        assertEquals("FLOAT:1. FLOAT:.5 FLOAT:1e5 FLOAT:1.5E-3 FLOAT:2e+2 FLOAT:1_0.0_1 NEWLINE EOF",
                kinds("1. .5 1e5 1.5E-3 2e+2 1_0.0_1"));
        assertEquals("IMAGINARY:1j IMAGINARY:2.5J IMAGINARY:1e3j NEWLINE EOF", kinds("1j 2.5J 1e3j"));
        assertEquals("FLOAT:1. . NAME:real NEWLINE EOF", kinds("1. .real"));
        assertEquals(1e-3, NumberLiterals.floatValue("1_0e-4"));
        assertEquals(255, NumberLiterals.intValue("0x_f_f").intValue());
        assertEquals(5, NumberLiterals.intValue("0b101").intValue());
    }

    @Test
    void strings() {
        assertEquals("STRING:a STRING:b NEWLINE EOF", kinds("'a' \"b\""));
        List<Token> t = tokens("'\\n\\t\\\\\\'\\x41\\u00e9\\U0001F600\\101\\N{BULLET}\\q'");
        assertEquals("\n\t\\'Aé\uD83D\uDE00A\u2022\\q", t.getFirst().text());
        assertEquals("a\\nb", tokens("r'a\\nb'").getFirst().text());
        assertEquals("x\ny", tokens("'''x\ny'''").getFirst().text());
        assertEquals("x\ny", tokens("\"\"\"x\r\ny\"\"\"").getFirst().text());
        assertEquals("ab", tokens("'a\\\nb'").getFirst().text());
        assertEquals("it's", tokens("\"it's\"").getFirst().text());
        assertEquals("u", tokens("U'u'").getFirst().text());
    }

    @Test
    void tokensKnowTheirPositions() {
        List<Token> t = tokens("def f(x):\n    return x + 1\n");
        Token plus = t.stream().filter(k -> k.is(TokenKind.PLUS)).findFirst().orElseThrow();
        assertEquals(2, plus.range().startLine());
        assertEquals(14, plus.range().startColumn());
        assertEquals("    return x + 1", plus.range().lineText());
    }

    @Test
    void typeCommentsAreRecorded() {
        TypeComments comments = new TypeComments();
        Lexer.tokenize(new Source("t.py", "def f(x):  # type: (int) -> int\n    # type: ignore\n    x = 1 #type:int\n"),
                comments);
        assertEquals("(int) -> int", comments.trailing(1).orElseThrow().text());
        assertEquals(true, comments.standalone(2, 3).isEmpty());
        assertEquals("int", comments.trailing(3).orElseThrow().text());
    }
}
