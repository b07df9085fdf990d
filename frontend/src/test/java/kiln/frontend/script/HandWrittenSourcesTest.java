package kiln.frontend.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import kiln.frontend.script.Stmt.ClassDef;
import kiln.frontend.script.Stmt.FunctionDef;
import org.junit.jupiter.api.Test;

/**
 * TorchScript as people write it (the {@code .py} files beside this test): 4-space indentation, docstrings,
 * comments, imports, decorators, type comments. Each file parses and round-trips, and holds the trees expected.
 */
class HandWrittenSourcesTest {

    private static Path folder() throws URISyntaxException {
        return Path.of(HandWrittenSourcesTest.class.getResource("/kiln/frontend/script").toURI());
    }

    private static Module load(String name) throws IOException, URISyntaxException {
        Path file = folder().resolve(name);
        return RoundTrip.check(Files.readString(file), name);
    }

    private static FunctionDef function(Module m, String name) {
        return m.body().stream().flatMap(s -> s instanceof ClassDef c ? c.body().stream() : Stream.of(s))
                .filter(s -> s instanceof FunctionDef f && f.name().name().equals(name)).map(FunctionDef.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no def " + name));
    }

    private static String annotations(FunctionDef f) {
        StringBuilder out = new StringBuilder();
        for (Param p : f.params()) {
            out.append(p.name().name()).append(':').append(p.annotation().map(Sexp::of).orElse("_")).append(' ');
        }
        return out.append("-> ").append(f.returns().map(Sexp::of).orElse("_")).toString();
    }

    @Test
    void everyFileRoundTrips() throws IOException, URISyntaxException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder())) {
            files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        assertEquals(7, files.size(), files.toString());
        for (Path f : files) {
            RoundTrip.check(Files.readString(f), f.getFileName().toString());
        }
    }

    @Test
    void functions() throws IOException, URISyntaxException {
        Module m = load("functions.py");
        Stmt.ExprStmt doc = assertInstanceOf(Stmt.ExprStmt.class, m.body().getFirst());
        assertTrue(((Expr.StringLiteral) doc.value()).value().startsWith("Hand-written"));
        Stmt.ImportFrom typing = assertInstanceOf(Stmt.ImportFrom.class, m.body().get(1));
        assertEquals("typing", typing.module());
        assertEquals(List.of("List", "Optional", "Tuple"), typing.names().stream().map(Alias::name).toList());
        assertEquals("torch", assertInstanceOf(Stmt.Import.class, m.body().get(2)).names().getFirst().name());

        FunctionDef add = function(m, "add");
        assertEquals("x:Tensor y:Tensor alpha:float -> Tensor", annotations(add));
        assertEquals("1.0", add.params().get(2).defaultValue().map(Sexp::of).orElseThrow());

        FunctionDef clamp = function(m, "clamp_all");
        assertEquals(List.of(false, true, true), clamp.params().stream().map(Param::keywordOnly).toList());
        assertEquals("(neg 1.0)", clamp.params().get(1).defaultValue().map(Sexp::of).orElseThrow());

        assertEquals("(. (. torch jit) script)", Sexp.of(function(m, "first_or_none").decorators().getFirst()));
        FunctionDef outer = function(m, "outer");
        assertInstanceOf(FunctionDef.class, outer.body().getFirst());
        Stmt.Return r = assertInstanceOf(Stmt.Return.class, outer.body().get(1));
        assertEquals("(+ (call inner x) (call inner (+ x 1)))", Sexp.of(r.value().orElseThrow()));
        assertEquals(5, function(m, "one_liners").body().size());
        FunctionDef checks = function(m, "checks");
        assertInstanceOf(Stmt.Assert.class, checks.body().get(0));
        assertInstanceOf(Stmt.Raise.class, ((Stmt.If) checks.body().get(1)).body().getFirst());
        assertInstanceOf(Stmt.Delete.class, checks.body().get(2));
    }

    @Test
    void classes() throws IOException, URISyntaxException {
        Module m = load("classes.py");
        ClassDef point = assertInstanceOf(ClassDef.class, m.body().get(3));
        assertEquals("NamedTuple", Sexp.of(point.bases().getFirst()));
        Stmt.AnnAssign x = assertInstanceOf(Stmt.AnnAssign.class, point.body().getFirst());
        assertEquals("x float", Sexp.of(x.target()) + " " + Sexp.of(x.annotation()));
        assertTrue(x.value().isEmpty());
        ClassDef net = assertInstanceOf(ClassDef.class, m.body().get(5));
        assertEquals("(. nn Module)", Sexp.of(net.bases().getFirst()));
        FunctionDef describe = function(m, "describe");
        assertEquals("(. (. torch jit) export)", Sexp.of(describe.decorators().getFirst()));
        FunctionDef init = function(m, "__init__");
        Stmt.AnnAssign history = assertInstanceOf(Stmt.AnnAssign.class, init.body().get(1));
        assertEquals("(. self history) ([] List int) []", Sexp.of(history.target()) + " "
                + Sexp.of(history.annotation()) + " " + Sexp.of(history.value().orElseThrow()));
        assertEquals("'Counter'", Sexp.of(function(m, "__lt__").params().get(1).annotation().orElseThrow()));
    }

    @Test
    void loops() throws IOException, URISyntaxException {
        Module m = load("loops.py");
        Stmt.For pairs = assertInstanceOf(Stmt.For.class, function(m, "sum_pairs").body().get(1));
        assertEquals("(tuple a b) pairs", Sexp.of(pairs.target()) + " " + Sexp.of(pairs.iter()));
        Stmt.For enumerated = assertInstanceOf(Stmt.For.class, function(m, "enumerate_dict").body().get(1));
        assertEquals("(tuple i (tuple k v))", Sexp.of(enumerated.target()));
        Stmt.If chain = assertInstanceOf(Stmt.If.class, enumerated.body().getFirst());
        Stmt.If elif = assertInstanceOf(Stmt.If.class, chain.orElse().getFirst());
        Stmt.If elif2 = assertInstanceOf(Stmt.If.class, elif.orElse().getFirst());
        assertInstanceOf(Stmt.AugAssign.class, elif2.orElse().getFirst());
        List<Stmt> unpack = function(m, "unpack").body();
        Stmt.Assign star = assertInstanceOf(Stmt.Assign.class, unpack.get(0));
        assertEquals("(tuple first (* rest))", Sexp.of(star.targets().getFirst()));
        Stmt.Assign chained = assertInstanceOf(Stmt.Assign.class, unpack.get(1));
        assertEquals(3, chained.targets().size());
        Stmt.With with = assertInstanceOf(Stmt.With.class, function(m, "with_blocks").body().get(1));
        assertEquals(2, with.items().size());
        assertEquals("rf", Sexp.of(with.items().get(1).target().orElseThrow()));
        List<BinaryOperator> ops = function(m, "augmented").body().stream()
                .filter(Stmt.AugAssign.class::isInstance).map(s -> ((Stmt.AugAssign) s).op()).toList();
        assertEquals(List.of(BinaryOperator.ADD, BinaryOperator.SUB, BinaryOperator.MUL, BinaryOperator.FLOOR_DIV,
                BinaryOperator.MOD, BinaryOperator.POW, BinaryOperator.LSHIFT, BinaryOperator.RSHIFT,
                BinaryOperator.BIT_AND, BinaryOperator.BIT_OR, BinaryOperator.BIT_XOR), ops);
        Stmt.AugAssign matmul = assertInstanceOf(Stmt.AugAssign.class, function(m, "float_aug").body().get(1));
        assertEquals(BinaryOperator.MATMUL, matmul.op());
    }

    @Test
    void comprehensions() throws IOException, URISyntaxException {
        Module m = load("comprehensions.py");
        assertEquals("(listcomp x x xs (cmp (% x 2) == 0))", returned(function(m, "evens")));
        assertEquals("(dictcomp name i (tuple i name) (call enumerate names) _)", returned(function(m, "index")));
        assertEquals("(listcomp a (tuple a _) pairs _)", returned(function(m, "firsts")));
        assertEquals("(listcomp (listcomp j j (call range i) _) i (call range n) _)",
                returned(function(m, "nested_lists")));
    }

    private static String returned(FunctionDef f) {
        return Sexp.of(((Stmt.Return) f.body().getLast()).value().orElseThrow());
    }

    @Test
    void typeCommentsBecomeAnnotations() throws IOException, URISyntaxException {
        Module m = load("type_comments.py");
        assertEquals("x:(. torch Tensor) factor:float -> (. torch Tensor)", annotations(function(m, "scale")));
        assertEquals("xs:([] List int) value:int -> int", annotations(function(m, "count")));
        assertEquals("a:_ b:_ -> int", annotations(function(m, "only_return")));
        assertEquals("self:_ x:(. torch Tensor) n:int -> (. torch Tensor)", annotations(function(m, "forward")));
        assertEquals("self:Model x:int -> int", annotations(function(m, "all_typed")));
        Stmt.AnnAssign buf = assertInstanceOf(Stmt.AnnAssign.class, function(m, "forward").body().getFirst());
        assertEquals("buf ([] List (. torch Tensor)) []", Sexp.of(buf.target()) + " " + Sexp.of(buf.annotation())
                + " " + Sexp.of(buf.value().orElseThrow()));
        assertInstanceOf(Stmt.Assign.class, function(m, "all_typed").body().getFirst(), "type: ignore is a comment");
        Expr type = function(m, "scale").params().getFirst().annotation().orElseThrow();
        assertEquals(6, type.range().startLine());
        assertEquals("torch.Tensor", type.range().text());
    }

    @Test
    void literals() throws IOException, URISyntaxException {
        Module m = load("literals.py");
        List<Stmt> numbers = function(m, "numbers").body();
        assertEquals("[0 7 1000000 255 15 10 9223372036854775807]", assigned(numbers.get(0)));
        assertEquals("[1.0 1.0 0.5 1.0E10 0.0015 200.0 10.01]", assigned(numbers.get(1)));
        assertEquals("[1.0j 2.5j 3.0j]", assigned(numbers.get(2)));
        List<Stmt> strings = function(m, "strings").body();
        assertEquals("'triple\nsingle'", assigned(strings.get(2)));
        assertEquals("'raw \\n stays'", assigned(strings.get(4)));
        assertEquals("'tab\tnew\nline A é α A \\'", assigned(strings.get(5)));
        assertEquals("'adjacent literals concatenate'", assigned(strings.get(6)));
        assertEquals("'line continued'", assigned(strings.get(8)));
        assertEquals("(tuple True False None ... Ellipsis)", returned(function(m, "constants")));
    }

    private static String assigned(Stmt s) {
        return Sexp.of(assertInstanceOf(Stmt.Assign.class, s).value());
    }

    @Test
    void operators() throws IOException, URISyntaxException {
        Module m = load("operators.py");
        List<Stmt> arithmetic = function(m, "arithmetic").body();
        assertEquals("(+ (+ (+ (neg (** a 2)) (** (neg a) 2)) (** a (neg b))) (** 2 (** 3 2)))",
                assigned(arithmetic.get(1)));
        assertEquals("(| (& (invert a) b) (^ a (>> (<< b 2) 1)))", assigned(arithmetic.get(2)));
        List<Stmt> logic = function(m, "logic").body();
        assertEquals("(cmp a < b <= 10 != a)", assigned(logic.get(0)));
        assertEquals("(or (and (cmp a in xs) (cmp b not in xs)) (not (cmp a is None)))", assigned(logic.get(1)));
    }
}
