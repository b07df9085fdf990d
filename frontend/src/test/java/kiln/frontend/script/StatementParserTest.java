package kiln.frontend.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Statements in PyTorch's serialized form and in hand-written form. */
class StatementParserTest {

    private static List<Stmt> parse(String source) {
        return RoundTrip.check(source, "s.py").body();
    }

    private static Stmt one(String source) {
        List<Stmt> body = parse(source);
        assertEquals(1, body.size(), body.toString());
        return body.getFirst();
    }

    @Test
    void serializedModuleClass() {
        String source = """
                class Foo(Module):
                  __parameters__ = ["w", ]
                  __buffers__ = []
                  w : Tensor
                  training : bool
                  _is_full_backward_hook : Optional[bool]
                  sub : __torch__.corpus_public.___torch_mangle_3.Sub
                  __annotations__["0"] = __torch__.torch.nn.modules.conv.Conv2d
                  def forward(self: __torch__.corpus_public.Foo,
                    x: Tensor) -> Tensor:
                    _0 = torch.add(x, CONSTANTS.c0, alpha=2)
                    _1 = ops.prim.unchecked_cast(Tensor, _0)
                    return _1
                  @torch.jit.export
                  def extra(self: __torch__.corpus_public.Foo) -> int:
                    x = uninitialized(Tensor)
                    return 1
                """;
        Stmt.ClassDef foo = assertInstanceOf(Stmt.ClassDef.class, one(source));
        assertEquals("Foo", foo.name().name());
        Stmt.Assign params = assertInstanceOf(Stmt.Assign.class, foo.body().getFirst());
        assertEquals("['w']", Sexp.of(params.value()));
        Stmt.AnnAssign w = assertInstanceOf(Stmt.AnnAssign.class, foo.body().get(2));
        assertEquals("w Tensor", Sexp.of(w.target()) + " " + Sexp.of(w.annotation()));
        Stmt.Assign annotations = assertInstanceOf(Stmt.Assign.class, foo.body().get(6));
        assertEquals("([] __annotations__ '0')", Sexp.of(annotations.targets().getFirst()));
        Stmt.FunctionDef forward = assertInstanceOf(Stmt.FunctionDef.class, foo.body().get(7));
        assertEquals(2, forward.params().size());
        assertEquals("(. (. __torch__ corpus_public) Foo)",
                Sexp.of(forward.params().getFirst().annotation().orElseThrow()));
        Stmt.FunctionDef extra = assertInstanceOf(Stmt.FunctionDef.class, foo.body().get(8));
        assertEquals(1, extra.decorators().size());
        assertEquals(9, forward.range().startLine());
        assertEquals(3, forward.body().size());
    }

    @Test
    void ifElifElse() {
        Stmt.If s = assertInstanceOf(Stmt.If.class, one("if a:\n  x = 1\nelif b:\n  x = 2\nelse:\n  x = 3\n"));
        Stmt.If elif = assertInstanceOf(Stmt.If.class, s.orElse().getFirst());
        assertEquals("b", Sexp.of(elif.test()));
        assertEquals(1, elif.orElse().size());
        Stmt.If plain = assertInstanceOf(Stmt.If.class, one("if a:\n  pass\n"));
        assertTrue(plain.orElse().isEmpty());
    }

    @Test
    void assignments() {
        Stmt.Assign multi = assertInstanceOf(Stmt.Assign.class, one("a = b = c\n"));
        assertEquals(List.of("a", "b"), multi.targets().stream().map(Sexp::of).toList());
        assertEquals("c", Sexp.of(multi.value()));
        Stmt.Assign tuple = assertInstanceOf(Stmt.Assign.class, one("a, (b, c) = x, y\n"));
        assertEquals("(tuple a (tuple b c))", Sexp.of(tuple.targets().getFirst()));
        assertEquals("(tuple x y)", Sexp.of(tuple.value()));
        Stmt.Assign starred = assertInstanceOf(Stmt.Assign.class, one("[a, *b] = x\n"));
        assertEquals("[a (* b)]", Sexp.of(starred.targets().getFirst()));
        Stmt.Assign subscript = assertInstanceOf(Stmt.Assign.class, one("self.x[0], y.z = 1, 2\n"));
        assertEquals("(tuple ([] (. self x) 0) (. y z))", Sexp.of(subscript.targets().getFirst()));
        Stmt.AnnAssign ann = assertInstanceOf(Stmt.AnnAssign.class, one("x: int = 3\n"));
        assertEquals("x int 3", Sexp.of(ann.target()) + " " + Sexp.of(ann.annotation()) + " "
                + Sexp.of(ann.value().orElseThrow()));
        Stmt.AnnAssign declaration = assertInstanceOf(Stmt.AnnAssign.class, one("found : Optional[Tensor]\n"));
        assertTrue(declaration.value().isEmpty());
        Stmt.AugAssign aug = assertInstanceOf(Stmt.AugAssign.class, one("x[i] //= 2\n"));
        assertEquals(BinaryOperator.FLOOR_DIV, aug.op());
        Stmt.Assign trailing = assertInstanceOf(Stmt.Assign.class, one("t = 1,\n"));
        assertEquals("(tuple 1)", Sexp.of(trailing.value()));
    }

    @Test
    void simpleStatements() {
        assertEquals(List.of(Stmt.Pass.class, Stmt.Break.class, Stmt.Continue.class),
                parse("pass; break; continue;\n").stream().map(Object::getClass).toList());
        assertTrue(assertInstanceOf(Stmt.Return.class, one("return\n")).value().isEmpty());
        assertEquals("(tuple a b)", Sexp.of(assertInstanceOf(Stmt.Return.class, one("return a, b\n")).value()
                .orElseThrow()));
        Stmt.Raise raise = assertInstanceOf(Stmt.Raise.class, one("raise Exception('bad')\n"));
        assertEquals("(call Exception 'bad')", Sexp.of(raise.exception().orElseThrow()));
        assertTrue(assertInstanceOf(Stmt.Raise.class, one("raise\n")).exception().isEmpty());
        Stmt.Assert a = assertInstanceOf(Stmt.Assert.class, one("assert x > 0, 'positive'\n"));
        assertEquals("'positive'", Sexp.of(a.message().orElseThrow()));
        Stmt.Delete del = assertInstanceOf(Stmt.Delete.class, one("del a, b[0], c.d\n"));
        assertEquals(3, del.targets().size());
        Stmt.ExprStmt call = assertInstanceOf(Stmt.ExprStmt.class, one("torch.sort(plans)\n"));
        assertEquals("(call (. torch sort) plans)", Sexp.of(call.value()));
    }

    @Test
    void loops() {
        Stmt.For f = assertInstanceOf(Stmt.For.class, one("for i, x in enumerate(xs):\n  continue\n"));
        assertEquals("(tuple i x)", Sexp.of(f.target()));
        Stmt.For overTuple = assertInstanceOf(Stmt.For.class, one("for x in a, b:\n  pass\n"));
        assertEquals("(tuple a b)", Sexp.of(overTuple.iter()));
        Stmt.While w = assertInstanceOf(Stmt.While.class, one("while _5:\n  _5, beam0, step = _21, _15, step0\n"));
        assertEquals("(tuple _5 beam0 step)", Sexp.of(((Stmt.Assign) w.body().getFirst()).targets().getFirst()));
    }

    @Test
    void imports() {
        Stmt.Import i = assertInstanceOf(Stmt.Import.class, one("import torch.nn.functional as F, math\n"));
        assertEquals("torch.nn.functional", i.names().getFirst().name());
        assertEquals("F", i.names().getFirst().asName().orElseThrow().name());
        Stmt.ImportFrom f = assertInstanceOf(Stmt.ImportFrom.class,
                one("from typing import (\n    List,\n    Dict as D,\n)\n"));
        assertEquals(2, f.names().size());
        Stmt.ImportFrom relative = assertInstanceOf(Stmt.ImportFrom.class, one("from ..utils import helper\n"));
        assertEquals(2, relative.level());
        assertEquals("utils", relative.module());
        Stmt.ImportFrom dot = assertInstanceOf(Stmt.ImportFrom.class, one("from . import sibling\n"));
        assertEquals("", dot.module());
        assertEquals(1, dot.level());
    }

    @Test
    void functionsAndDecorators() {
        Stmt.FunctionDef f = assertInstanceOf(Stmt.FunctionDef.class,
                one("@torch.jit.export\n@other(1)\ndef f(a, b: int = 2, *, c: float, d=4):\n    return a\n"));
        assertEquals(2, f.decorators().size());
        assertEquals(List.of(false, false, true, true), f.params().stream().map(Param::keywordOnly).toList());
        assertTrue(f.returns().isEmpty());
        Stmt.FunctionDef oneLine = assertInstanceOf(Stmt.FunctionDef.class, one("def g(): return 1\n"));
        assertEquals(1, oneLine.body().size());
        assertEquals("def g(): return 1", oneLine.range().text());
    }

    @Test
    void indentedSourceAndTabs() {
        List<Stmt> body = parse("    def f(x):\n        return x\n    y = 1\n");
        assertEquals(2, body.size());
        Stmt.FunctionDef tabbed = assertInstanceOf(Stmt.FunctionDef.class,
                one("def f(x):\n\tif x:\n\t\treturn 1\n\treturn 2\n"));
        assertEquals(2, tabbed.body().size());
    }

    @Test
    void rangesPointAtTheSource() {
        Module m = ScriptParser.parse("def f(x):\n    y = x + 1\n    return y\n\nz = 2\n", "r.py");
        Stmt.FunctionDef f = (Stmt.FunctionDef) m.body().getFirst();
        assertEquals(1, f.range().startLine());
        assertEquals(3, f.range().endLine());
        Stmt y = f.body().getFirst();
        assertEquals("y = x + 1", y.range().text());
        assertEquals(2, y.range().startLine());
        assertEquals(5, y.range().startColumn());
        assertEquals("    y = x + 1", y.range().lineText());
        assertEquals("r.py", y.range().file());
        assertEquals(5, m.body().get(1).range().startLine());
    }
}
