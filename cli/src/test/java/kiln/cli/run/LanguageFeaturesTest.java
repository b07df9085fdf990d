package kiln.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kiln.api.internal.CompiledCallables;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphShape;
import kiln.dialects.torch.GraphText;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.dialects.torch.types.LeafType;
import kiln.frontend.emit.ScriptClass;
import kiln.frontend.emit.ScriptCompiler;
import kiln.frontend.emit.ScriptUnit;
import kiln.runtime.interp.Interpreter;
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptObject;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code with} statements (user context managers, {@code torch.no_grad()}, early return, break/continue and
 * exceptions inside the body), dict comprehensions and {@code torch.jit.fork} of script functions and methods:
 * {@code language_features.py} compiled from source to PyTorch's graph shape ({@code language_features.graph.txt},
 * written by {@code tools/gen-language-features-graphs.py}) and run on the interpreter, with the results and printed
 * text PyTorch 2.13 gave for the same calls.
 */
class LanguageFeaturesTest {
    private static final String PREFIX = "__torch__.language_features";
    private static final String SOURCE = read("language_features.py");
    private static final Map<String, Graph> PYTORCH = GraphText.parse(read("language_features.graph.txt"),
            "language_features.graph.txt").stream().collect(Collectors.toMap(GraphText.Section::name,
            GraphText.Section::graph));

    private final ScriptCompiler compiler = new ScriptCompiler(ScriptUnit.fromSource(SOURCE, "language_features.py",
            PREFIX), OperatorRegistry.standard());
    private final StringBuilder printed = new StringBuilder();
    private final Interpreter interpreter = Interpreter.builder().callables(new CompiledCallables(compiler))
            .output(printed).build();

    private static String read(String name) {
        try (InputStream in = LanguageFeaturesTest.class.getResourceAsStream("/kiln/cli/run/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Graph graph(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return compiler.function(PREFIX + "." + name);
        }
        ScriptClass cls = compiler.unit().classNamed(PREFIX + "." + name.substring(0, dot)).orElseThrow();
        return compiler.method(cls, name.substring(dot + 1));
    }

    private Object call(String function, Object... args) {
        return interpreter.run(graph(function), args).getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nested", "early_return", "grad_modes", "squares", "swapped", "indexed", "paired",
        "scale", "forked", "Helper.forward"})
    void compilesToTheGraphPyTorchBuilds(String name) {
        Graph g = graph(name);
        assertEquals(List.of(), Verifier.verify(g.region()));
        assertNull(GraphShape.of(g).differenceFrom(GraphShape.of(PYTORCH.get(name))), name);
    }

    @Test
    void withExitsEachContextOnBreakContinueAndAtTheEnd() {
        assertEquals(3L, call("nested", 1L));
        assertEquals("""
                enter 1
                enter 2
                enter 0
                body 0
                exit 0
                enter 1
                exit 1
                enter 2
                exit 2
                exit 2
                exit 1
                """, printed.toString());
    }

    @Test
    void anExceptionInTheBodyExitsTheEnteredContexts() {
        ScriptException e = assertThrows(ScriptException.class, () -> call("nested", 5L));
        assertEquals("builtins.ValueError", e.pythonClass());
        assertEquals("enter 5\nenter 6\nexit 6\nexit 5\n", printed.toString());
    }

    @Test
    void anEarlyReturnStillExits() {
        assertEquals(4L, call("early_return", 1L));
        assertEquals(6L, call("early_return", 5L));
        assertEquals("enter 1\nexit 1\nenter 5\nexit 5\n", printed.toString());
    }

    @Test
    void noGradTurnsGradModeOffInsideOnly() {
        ScriptTuple t = (ScriptTuple) call("grad_modes", Tensor.of(new float[] {1, 2}, 2));
        assertArrayEquals(new float[] {2, 4}, ((Tensor) t.get(0)).toFloatArray());
        assertEquals(false, t.get(1));
        assertEquals(true, t.get(2));
    }

    @Test
    void dictComprehensions() {
        ScriptDict squares = (ScriptDict) call("squares", ScriptList.of(LeafType.INT, List.of(1L, 2L, 3L)));
        assertEquals(List.of("1", "2", "3"), List.copyOf(squares.entries().keySet()));
        assertEquals(List.of(1L, 4L, 9L), List.copyOf(squares.entries().keySet()).stream().map(squares::get).toList());
        ScriptDict d = new ScriptDict(LeafType.STR, LeafType.INT);
        d.put("a", 1L);
        d.put("b", 2L);
        ScriptDict swapped = (ScriptDict) call("swapped", d);
        assertEquals(LeafType.INT, swapped.keyType());
        assertEquals(List.of(1L, 2L), List.copyOf(swapped.entries().keySet()));
        assertEquals(List.of("a", "b"), List.copyOf(swapped.entries().keySet()).stream().map(swapped::get).toList());
        ScriptDict paired = (ScriptDict) call("paired", ScriptList.of(LeafType.STR, List.of("x", "y", "z")),
                ScriptList.of(LeafType.INT, List.of(7L, 8L)));
        assertEquals(List.of("x", "y"), List.copyOf(paired.entries().keySet()));
        ScriptDict indexed = (ScriptDict) call("indexed", ScriptList.of(kiln.dialects.torch.types.TensorType.TENSOR,
                List.of(Tensor.of(new float[] {1}, 1), Tensor.of(new float[] {3}, 1))));
        assertArrayEquals(new float[] {6}, ((Tensor) indexed.get(1L)).toFloatArray());
    }

    @Test
    void forkOfAScriptFunctionWithPositionalAndKeywordArguments() {
        Tensor out = (Tensor) call("forked", Tensor.of(new float[] {1, 2}, 2));
        assertArrayEquals(new float[] {6, 11}, out.toFloatArray());
    }

    @Test
    void forkOfAMethod() {
        ScriptClass helper = compiler.unit().classNamed(PREFIX + ".Helper").orElseThrow();
        ScriptObject self = new ScriptObject(helper.type());
        self.set("k", 4L);
        Tensor out = (Tensor) call("Helper.forward", self, Tensor.of(new float[] {1, 2}, 2));
        assertArrayEquals(new float[] {-1, -1}, out.toFloatArray());
    }
}
