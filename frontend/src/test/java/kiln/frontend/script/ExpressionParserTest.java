package kiln.frontend.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expressions parse with Python's precedence and associativity, and print back to the same tree. */
class ExpressionParserTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            a + b * c                  => (+ a (* b c))
            a - b - c                  => (- (- a b) c)
            a * b / c // d % e @ f     => (@ (% (// (/ (* a b) c) d) e) f)
            -a ** 2                    => (neg (** a 2))
            a ** -b                    => (** a (neg b))
            a ** b ** c                => (** a (** b c))
            (-a) ** 2                  => (** (neg a) 2)
            ~a & b | c ^ d             => (| (& (invert a) b) (^ c d))
            a << 1 + 2 >> 3            => (>> (<< a (+ 1 2)) 3)
            a | b ^ c & d              => (| a (^ b (& c d)))
            - - +a                     => (neg (neg (pos a)))
            not a == b                 => (not (cmp a == b))
            not not a                  => (not (not a))
            a or b and c               => (or a (and b c))
            a and b or c and d         => (or (and a b) (and c d))
            a or b or c                => (or (or a b) c)
            a < b <= c != d            => (cmp a < b <= c != d)
            a in b                     => (cmp a in b)
            a not in b                 => (cmp a not in b)
            a is None                  => (cmp a is None)
            a is not None              => (cmp a is not None)
            a | b < c & d              => (cmp (| a b) < (& c d))
            a if b else c              => (if b a c)
            a if b else c if d else e  => (if b a (if d c e))
            a or b if c and d else e   => (if (and c d) (or a b) e)
            x.y.z                      => (. (. x y) z)
            f(x)(y)                    => (call (call f x) y)
            f(a, b=1, c=x + 1,)        => (call f a b=1 c=(+ x 1))
            f()                        => (call f)
            a[0][1]                    => ([] ([] a 0) 1)
            a[1:]                      => ([] a (: 1 _ _))
            a[:2]                      => ([] a (: _ 2 _))
            a[::2]                     => ([] a (: _ _ 2))
            a[:]                       => ([] a (: _ _ _))
            a[1:-1:3]                  => ([] a (: 1 (neg 1) 3))
            a[:, 0]                    => ([] a (: _ _ _) 0)
            a[..., None]               => ([] a ... None)
            a[(1, 2)]                  => ([] a (tuple 1 2))
            a[1, 2]                    => ([] a 1 2)
            List[Tuple[int, str]]      => ([] List ([] Tuple int str))
            Dict[str, Optional[Tensor]] => ([] Dict str ([] Optional Tensor))
            ()                         => (tuple)
            (a,)                       => (tuple a)
            (a, b, )                   => (tuple a b)
            (a)                        => a
            ((a + b)) * c              => (* (+ a b) c)
            [1, 2, ]                   => [1 2]
            []                         => []
            [*a, b]                    => [(* a) b]
            {}                         => {}
            {'a': 1, 'b': x}           => {'a':1 'b':x}
            [x * 2 for x in xs]        => (listcomp (* x 2) x xs _)
            [x for x in xs if x > 0]   => (listcomp x x xs (cmp x > 0))
            [k for k, v in d.items()]  => (listcomp k (tuple k v) (call (. d items)) _)
            {k: v for k, v in d if v}  => (dictcomp k v (tuple k v) d v)
            [a for a in b or c if d]   => (listcomp a a (or b c) d)
            __torch__.corpus_public.Foo => (. (. __torch__ corpus_public) Foo)
            ops.prim.unchecked_cast(Tensor, x) => (call (. (. ops prim) unchecked_cast) Tensor x)
            annotate(List[int], [])    => (call annotate ([] List int) [])
            CONSTANTS.c0               => (. CONSTANTS c0)
            (_2).__init__(_1, 0., h0, ) => (call (. _2 __init__) _1 0.0 h0)
            uninitialized(Tensor)      => (call uninitialized Tensor)
            """)
    void precedenceAndShape(String source, String expected) {
        assertEquals(expected, Sexp.of(source));
        Expr e = ScriptParser.parseExpression(source, "<test>");
        Expr reparsed = ScriptParser.parseExpression(ScriptPrinter.print(e), "<test>");
        assertEquals(null, AstEquality.firstDifference(e, reparsed), ScriptPrinter.print(e));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            a+b*c                 => a + b * c
            (a+b)*c               => (a + b) * c
            -a**2                 => -a ** 2
            (-a)**2               => (-a) ** 2
            (a**b)**c             => (a ** b) ** c
            a-(b-c)               => a - (b - c)
            (a<b)<c               => (a < b) < c
            not (a and b)         => not (a and b)
            (a if b else c) if d else e => (a if b else c) if d else e
            (1).real              => (1).real
            (a, b)[0]             => (a, b)[0]
            [x for x in (a if b else c)] => [x for x in (a if b else c)]
            (a or b).c            => (a or b).c
            x[1:2, ::3]           => x[1:2, ::3]
            {1: (2, 3)}           => {1: (2, 3)}
            (*a, b)               => (*a, b)
            """)
    void printsWithTheFewestParentheses(String source, String printed) {
        assertEquals(printed, ScriptPrinter.print(ScriptParser.parseExpression(source, "<test>")));
    }

    @Test
    void literalsHaveTheirValues() {
        Expr.IntLiteral big = assertInstanceOf(Expr.IntLiteral.class,
                ScriptParser.parseExpression("9223372036854775808", "<test>"));
        assertEquals(BigInteger.TWO.pow(63), big.value());
        assertEquals("(neg 9223372036854775808)", Sexp.of("-9223372036854775808"));
        assertEquals("[255 15 10 1000 1.0 0.5 1.0E10 0.001 2.5j 3.0j]",
                Sexp.of("[0xff, 0o17, 0b1010, 1_000, 1., .5, 1e10, 1E-3, 2.5j, 3J]"));
        assertEquals("'abc'", Sexp.of("'a' \"b\" '''c'''"));
        assertEquals("(tuple True False None ...)", Sexp.of("(True, False, None, ...)"));
        Expr.FloatLiteral inf = assertInstanceOf(Expr.FloatLiteral.class,
                ScriptParser.parseExpression("1e999", "<test>"));
        assertEquals(Double.POSITIVE_INFINITY, inf.value());
        assertEquals("1e999", ScriptPrinter.print(inf));
    }

    @Test
    void rangesCoverTheExpression() {
        Expr e = ScriptParser.parseExpression("foo(a, b=[1, 2])", "f.py");
        assertEquals("foo(a, b=[1, 2])", e.range().text());
        Expr.Call call = assertInstanceOf(Expr.Call.class, e);
        Keyword b = call.keywords().getFirst();
        assertEquals("b=[1, 2]", b.range().text());
        assertEquals(8, b.range().startColumn());
        assertEquals("[1, 2]", b.value().range().text());
        assertEquals("(a, b)", ScriptParser.parseExpression("(a, b)", "f.py").range().text());
        assertEquals("x[1:2]", ScriptParser.parseExpression("x[1:2]", "f.py").range().text());
    }
}
