package kiln.frontend.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The printer's canonical form. */
class ScriptPrinterTest {

    @Test
    void printsPyTorchSerializedCodeCanonically() {
        String source = """
                class Hyp:
                  tokens : List[int]
                  def __init__(self: __torch__.corpus_public.Hyp,
                    tokens: List[int],
                    score: float=0.10000000000000001) -> NoneType:
                    self.tokens = tokens
                    _3 = (_2).__init__(_1, 0., h0, )
                    if torch.gt(torch.len(beam), 0):
                      _4 = torch.lt(0, max_len)
                    else:
                      _4 = False
                    vals, idx = torch.topk(logp, beam_size)
                    return None
                def f(x: Tensor) -> Tuple[Tensor, Tensor]:
                  return (x, x)
                """;
        assertEquals("""
                class Hyp:
                    tokens: List[int]

                    def __init__(self: __torch__.corpus_public.Hyp, tokens: List[int], score: float = 0.1) -> NoneType:
                        self.tokens = tokens
                        _3 = _2.__init__(_1, 0.0, h0)
                        if torch.gt(torch.len(beam), 0):
                            _4 = torch.lt(0, max_len)
                        else:
                            _4 = False
                        vals, idx = torch.topk(logp, beam_size)
                        return None

                def f(x: Tensor) -> Tuple[Tensor, Tensor]:
                    return x, x
                """, ScriptPrinter.print(RoundTrip.check(source, "p.py")));
    }

    @Test
    void printsHandWrittenConstructs() {
        String source = """
                @torch.jit.export
                def g(a, *, b: int=1, c=2) -> int:
                    '''Doc "string".'''
                    x = [i for i in range(3) if i]
                    y = {k: v for k, v in d.items()}
                    z = a if b else c
                    with ctx() as (p, q):
                        del x[0], y
                    assert z, 'msg'
                    from ..m import n as o
                    return -(a ** 2)
                """;
        assertEquals("""
                @torch.jit.export
                def g(a, *, b: int = 1, c=2) -> int:
                    'Doc "string".'
                    x = [i for i in range(3) if i]
                    y = {k: v for k, v in d.items()}
                    z = a if b else c
                    with ctx() as (p, q):
                        del x[0], y
                    assert z, "msg"
                    from ..m import n as o
                    return -a ** 2
                """, ScriptPrinter.print(RoundTrip.check(source, "p.py")));
    }

    @Test
    void quotesStrings() {
        assertEquals("\"a\\\\b\\n\\t\\x00\"", ScriptPrinter.print(new Expr.StringLiteral("a\\b\n\t\0", null)));
        assertEquals("'say \"hi\"'", ScriptPrinter.print(new Expr.StringLiteral("say \"hi\"", null)));
        assertEquals("\"it's \\\"x\\\"\"", ScriptPrinter.print(new Expr.StringLiteral("it's \"x\"", null)));
    }
}
