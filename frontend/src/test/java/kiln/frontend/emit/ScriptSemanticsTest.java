package kiln.frontend.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.GraphShape;
import kiln.dialects.torch.schema.OperatorRegistry;
import org.junit.jupiter.api.Test;

/**
 * Compiler semantics the standard library relies on, each checked against the graph PyTorch 2.13 built from the same
 * source (node kinds and if/loop nesting): a branch that raises gives the other branch's variables an uninitialized
 * value; assigning a narrower value narrows a variable in its block; assert refines; isinstance is decided at
 * compile time; a number left of a tensor uses TorchScript's scalar-operator builtins; {@code is not None} is
 * {@code aten::__isnot__}; an if's unused outputs go; {@code float("-inf")} folds.
 */
class ScriptSemanticsTest {
    private static final String SOURCE = """
            def branches(x: Tensor, o: Optional[Tensor]):
                if x.dim() == 2:
                    b = x
                elif x.dim() == 1:
                    if o is None:
                        raise ValueError("no")
                    b = o
                else:
                    raise ValueError("bad")
                return b

            def narrowing(a: Optional[bool], c: bool, t: Optional[Tensor]):
                if a is None:
                    a = False
                assert t is not None, "t is None"
                if a and c:
                    return t + 1
                return t

            def scalars(t: Tensor, n: int):
                if isinstance(n, (float, int)):
                    u = 1 - t
                else:
                    u = t
                return u, 2 / t, 0 < t, 3 * t

            def outputs(t: Optional[Tensor], u: Tensor):
                a = t is u
                if t is not None:
                    return t + 1, a
                return u, a

            def infinity(x: float):
                return x < float("-inf")
            """;

    private static void assertLikePyTorch(String fn, String pytorchGraph) {
        ScriptCompiler c = new ScriptCompiler(ScriptUnit.fromSource(SOURCE, "semantics.py", "__torch__"),
                OperatorRegistry.standard());
        Graph g = c.function("__torch__." + fn);
        assertEquals(java.util.List.of(), Verifier.verify(g.region()));
        assertNull(GraphShape.of(g).differenceFrom(GraphShape.of(GraphParser.parse(pytorchGraph))), fn);
    }

    @Test
    void branches() {
        assertLikePyTorch("branches", """
                graph(%x.1 : Tensor,
                      %o.1 : Tensor?):
                  %27 : str = prim::Constant[value="bad"]() # <string>:10:25
                  %17 : str = prim::Constant[value="builtins.ValueError"]() # <string>:7:18
                  %16 : str = prim::Constant[value="no"]() # <string>:7:29
                  %14 : NoneType = prim::Constant() # <string>:6:16
                  %4 : int = prim::Constant[value=2]() # <string>:3:18
                  %10 : int = prim::Constant[value=1]() # <string>:5:20
                  %65 : Tensor = prim::Uninitialized()
                  %3 : int = aten::dim(%x.1) # <string>:3:7
                  %5 : bool = aten::eq(%3, %4) # <string>:3:7
                  %b : Tensor = prim::If(%5) # <string>:3:4
                    block0():
                      -> (%x.1)
                    block1():
                      %9 : int = aten::dim(%x.1) # <string>:5:9
                      %11 : bool = aten::eq(%9, %10) # <string>:5:9
                      %b.13 : Tensor = prim::If(%11) # <string>:5:9
                        block0():
                          %15 : bool = aten::__is__(%o.1, %14) # <string>:6:11
                          %o.33 : Tensor = prim::If(%15) # <string>:6:8
                            block0():
                               = prim::RaiseException(%16, %17) # <string>:7:12
                              -> (%65)
                            block1():
                              %o.7 : Tensor = prim::unchecked_cast(%o.1)
                              -> (%o.7)
                          -> (%o.33)
                        block1():
                           = prim::RaiseException(%27, %17) # <string>:10:8
                          -> (%65)
                      -> (%b.13)
                  return (%b)
                """);
    }

    @Test
    void narrowing() {
        assertLikePyTorch("narrowing", """
                graph(%a.1 : bool?,
                      %c.1 : bool,
                      %t.1 : Tensor?):
                  %64 : str = prim::Constant[value="AssertionError: t is None"]()
                  %a.5 : bool = prim::Constant[value=0]() # <string>:15:12
                  %4 : NoneType = prim::Constant() # <string>:14:12
                  %38 : int = prim::Constant[value=1]() # <string>:18:19
                  %53 : Tensor = prim::Uninitialized()
                  %5 : bool = aten::__is__(%a.1, %4) # <string>:14:7
                  %a : bool = prim::If(%5) # <string>:14:4
                    block0():
                      -> (%a.5)
                    block1():
                      %a.11 : bool = prim::unchecked_cast(%a.1)
                      -> (%a.11)
                  %18 : bool = aten::__isnot__(%t.1, %4) # <string>:16:11
                  %t : Tensor = prim::If(%18) # <string>:16:4
                    block0():
                      %t.7 : Tensor = prim::unchecked_cast(%t.1)
                      -> (%t.7)
                    block1():
                       = prim::RaiseException(%64, %4) # <string>:16:4
                      -> (%53)
                  %36 : bool = prim::If(%a) # <string>:17:7
                    block0():
                      -> (%c.1)
                    block1():
                      -> (%a.5)
                  %63 : Tensor = prim::If(%36) # <string>:17:4
                    block0():
                      %40 : Tensor = aten::add(%t, %38, %38) # <string>:18:15
                      -> (%40)
                    block1():
                      -> (%t)
                  return (%63)
                """);
    }

    @Test
    void scalars() {
        assertLikePyTorch("scalars", """
                graph(%t.1 : Tensor,
                      %n.1 : int):
                  %6 : int = prim::Constant[value=1]() # <string>:23:12
                  %12 : int = prim::Constant[value=2]() # <string>:26:14
                  %16 : int = prim::Constant[value=0]() # <string>:26:21
                  %19 : int = prim::Constant[value=3]() # <string>:26:28
                  %9 : Tensor = aten::neg(%t.1) # <string>:11:9
                  %u.1 : Tensor = aten::add(%9, %6, %6) # <string>:11:9
                  %14 : Tensor = aten::reciprocal(%t.1) # <string>:13:9
                  %15 : Tensor = aten::mul(%14, %12) # <string>:13:9
                  %18 : Tensor = aten::gt(%t.1, %16) # <string>:3:9
                  %21 : Tensor = aten::mul(%t.1, %19) # <string>:3:9
                  %22 : (Tensor, Tensor, Tensor, Tensor) = prim::TupleConstruct(%u.1, %15, %18, %21)
                  return (%22)
                """);
    }

    @Test
    void outputs() {
        assertLikePyTorch("outputs", """
                graph(%t.1 : Tensor?,
                      %u.1 : Tensor):
                  %6 : NoneType = prim::Constant() # <string>:30:16
                  %12 : int = prim::Constant[value=1]() # <string>:31:19
                  %a.1 : bool = aten::__is__(%t.1, %u.1) # <string>:29:8
                  %7 : bool = aten::__isnot__(%t.1, %6) # <string>:30:7
                  %44 : (Tensor, bool) = prim::If(%7) # <string>:30:4
                    block0():
                      %t.9 : Tensor = prim::unchecked_cast(%t.1)
                      %14 : Tensor = aten::add(%t.9, %12, %12) # <string>:31:15
                      %16 : (Tensor, bool) = prim::TupleConstruct(%14, %a.1)
                      -> (%16)
                    block1():
                      %42 : (Tensor, bool) = prim::TupleConstruct(%u.1, %a.1)
                      -> (%42)
                  return (%44)
                """);
    }

    @Test
    void infinity() {
        assertLikePyTorch("infinity", """
                graph(%x.1 : float):
                  %14 : float = prim::Constant[value=-inf]()
                  %5 : bool = aten::lt(%x.1, %14) # <string>:35:11
                  return (%5)
                """);
    }
}
