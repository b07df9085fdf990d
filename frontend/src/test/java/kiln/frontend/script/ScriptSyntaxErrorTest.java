package kiln.frontend.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors name the file, line and column, show the source line with a caret under the offending text, and say
 * clearly what TorchScript does not support.
 */
class ScriptSyntaxErrorTest {

    private static ScriptSyntaxError error(String source) {
        return assertThrows(ScriptSyntaxError.class, () -> ScriptParser.parse(source, "bad.py"));
    }

    @Test
    void unexpectedIndent() {
        ScriptSyntaxError e = error("def f(x):\n    y = 1\n      return y\n");
        assertEquals("bad.py:3:7: error: unexpected indent", e.oneLine());
        assertEquals("""
                bad.py:3:7: error: unexpected indent
                      return y
                      ^""", e.getMessage());
        assertEquals(3, e.range().startLine());
        assertEquals("unexpected indent", e.reason());
    }

    @Test
    void unindentToAnUnknownLevel() {
        ScriptSyntaxError e = error("if x:\n    y = 1\n  z = 2\n");
        assertEquals("bad.py:3:3: error: unindent does not match any outer indentation level", e.oneLine());
        assertEquals("  z = 2\n  ^", e.getMessage().lines().skip(1).reduce((a, b) -> a + "\n" + b).orElseThrow());
    }

    @Test
    void missingBlock() {
        ScriptSyntaxError e = error("for i in range(3):\nx = i\n");
        assertEquals("bad.py:2:1: error: expected an indented block after 'for' statement on line 1", e.oneLine());
        assertEquals("x = i\n^", tail(e));
    }

    @Test
    void unclosedBracket() {
        ScriptSyntaxError e = error("def f(x):\n    return torch.add(x,\n        [1, 2]\n");
        assertEquals("bad.py:2:21: error: '(' was never closed", e.oneLine());
        assertEquals("    return torch.add(x,\n                    ^", tail(e));
    }

    @Test
    void mismatchedBracket() {
        ScriptSyntaxError e = error("x = [1, 2)\n");
        assertEquals("bad.py:1:10: error: closing parenthesis ')' does not match opening parenthesis '[' on line 1",
                e.oneLine());
        assertEquals("x = [1, 2)\n         ^", tail(e));
    }

    @Test
    void unexpectedToken() {
        ScriptSyntaxError e = error("def f(x):\n    return x +* 2\n");
        assertEquals("bad.py:2:15: error: expected an expression but found '*'", e.oneLine());
        assertEquals("    return x +* 2\n              ^", tail(e));
        ScriptSyntaxError colon = error("def f(x)\n    return x\n");
        assertEquals("bad.py:1:9: error: expected ':' but found newline", colon.oneLine());
        ScriptSyntaxError name = error("x = foo bar\n");
        assertEquals("bad.py:1:9: error: expected newline but found identifier 'bar'", name.oneLine());
        assertEquals("x = foo bar\n        ^~~", tail(name));
    }

    @Test
    void fString() {
        ScriptSyntaxError e = error("def f(x: int) -> str:\n    return f'x is {x}'\n");
        assertEquals("bad.py:2:12: error: f-strings are not supported in TorchScript; use str.format() or '+'",
                e.oneLine());
        assertEquals("    return f'x is {x}'\n           ^~", tail(e));
    }

    @Test
    void caretKeepsTabsAligned() {
        ScriptSyntaxError e = error("def f():\n\treturn $\n");
        assertEquals("bad.py:2:9: error: invalid character '$' (U+0024)", e.oneLine());
        assertEquals("\treturn $\n\t       ^", tail(e));
    }

    private static String tail(ScriptSyntaxError e) {
        String m = e.getMessage();
        return m.substring(m.indexOf('\n') + 1);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            x = lambda a: a                   => 1:5: lambda expressions are not supported in TorchScript
            def f(*args): pass                => 1:7: *args parameters are not supported in TorchScript
            def f(**kw): pass                 => 1:7: **kwargs parameters are not supported in TorchScript
            def f(a, /, b): pass              => 1:10: positional-only parameters (/) are not supported in TorchScript
            def f(a, *): pass                 => 1:10: named parameters must follow bare *
            def f(a=1, b): pass               => 1:12: parameter without a default follows parameter with a default
            def f(a, a): pass                 => 1:10: duplicate parameter 'a' in function definition
            f(*xs)                            => 1:3: starred arguments (*args) are not supported in TorchScript
            f(**kw)                           => 1:3: keyword argument unpacking (**kwargs) is not supported in TorchScript
            f(a=1, 2)                         => 1:8: positional argument follows keyword argument
            f(a=1, a=2)                       => 1:8: keyword argument repeated: a
            global x                          => 1:1: 'global' statements are not supported in TorchScript
            nonlocal x                        => 1:1: 'nonlocal' statements are not supported in TorchScript
            try:                              => 1:1: try statements are not supported in TorchScript
            x = (i for i in y)                => 1:8: generator expressions are not supported in TorchScript; use a list comprehension
            x = {1, 2}                        => 1:5: set literals are not supported in TorchScript
            x = {**a}                         => 1:6: dict unpacking (**) is not supported in TorchScript
            x = [a for a in b for c in a]     => 1:19: a comprehension may have only one 'for' clause in TorchScript
            x = [a for a in b if c if d]      => 1:24: a comprehension may have only one 'if' clause in TorchScript; combine the conditions with 'and'
            x = b'bytes'                      => 1:5: bytes literals are not supported in TorchScript
            from m import *                   => 1:15: wildcard imports (from ... import *) are not supported in TorchScript
            raise E from c                    => 1:9: 'raise ... from ...' is not supported in TorchScript
            yield x                           => 1:1: 'yield' is not supported in TorchScript
            (y := 1)                          => 1:4: assignment expressions (:=) are not supported in TorchScript
            f() = 1                           => 1:1: cannot assign to function call
            1 = x                             => 1:1: cannot assign to literal
            None = x                          => 1:1: cannot assign to None
            a, b += 1                         => 1:1: only a single target (not a tuple) can be used in augmented assignment
            a, b: int = 1                     => 1:1: only a single target (not a tuple) can be used in an annotated assignment
            *a = x                            => 1:1: can't use starred expression here
            a, *b, *c = x                     => 1:8: multiple starred expressions in assignment
            del f()                           => 1:5: cannot delete function call
            x = 0777                          => 1:5: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
            x = 1__0                          => 1:5: invalid decimal literal
            x = 0x                            => 1:5: invalid hexadecimal literal
            x = 0b12                          => 1:8: invalid digit '2' in binary literal
            x = 12abc                         => 1:5: invalid decimal literal
            x = 'abc                          => 1:5: unterminated string literal
            x = '''abc                        => 1:5: unterminated triple-quoted string literal
            x = '\\x4'                        => 1:6: truncated \\xXX escape
            x = 1 \\ 2                        => 1:7: unexpected character after line continuation character
            x = a)                            => 1:6: unmatched ')'
            class A(metaclass=M): pass        => 1:9: class keyword arguments (such as metaclass=) are not supported in TorchScript
            for x in y: pass\\nelse: pass     => 2:1: 'for ... else' is not supported in TorchScript
            @dec\\nx = 1                      => 2:1: expected 'def' or 'class' after a decorator but found identifier 'x'
            async def f(): pass               => 1:1: async code is not supported in TorchScript
            """)
    void refusedAndMalformed(String source, String expected) {
        ScriptSyntaxError e = error(source.replace("\\n", "\n").replace("\\\\", "\\") + "\n");
        assertEquals("bad.py:" + expected.replace("\\\\", "\\").replaceFirst(": ", ": error: "), e.oneLine());
    }

    @Test
    void typeCommentErrors() {
        ScriptSyntaxError count = error("def f(a, b):\n    # type: (int) -> int\n    return a\n");
        assertEquals("bad.py:2:13: error: number of type annotations (1) does not match the number of function "
                + "parameters (2)", count.oneLine());
        ScriptSyntaxError both = error("def f(a: int):\n    # type: (int) -> int\n    return a\n");
        assertEquals("bad.py:2:13: error: a function may have annotations or a type comment, not both",
                both.oneLine());
        ScriptSyntaxError unclosed = error("def f(a):  # type: (int -> int\n    return a\n");
        assertEquals("bad.py:1:20: error: '(' was never closed", unclosed.oneLine());
        ScriptSyntaxError syntax = error("def f(a):  # type: (int) int\n    return a\n");
        assertEquals("bad.py:1:26: error: expected end of input but found identifier 'int'", syntax.oneLine());
        assertEquals("def f(a):  # type: (int) int\n                         ^~~", tail(syntax));
        ScriptSyntaxError tuple = error("a, b = x  # type: int\n");
        assertEquals("bad.py:1:19: error: a type comment needs an assignment to a single target", tuple.oneLine());
    }

    @Test
    void parseExpressionReportsTrailingText() {
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class,
                () -> ScriptParser.parseExpression("List[int] x", "type"));
        assertEquals("type:1:11: error: expected end of input but found identifier 'x'", e.oneLine());
    }
}
