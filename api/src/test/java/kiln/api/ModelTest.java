package kiln.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model through the public API: signatures, binding (positional, keyword, defaults), conversions of every kind of
 * TorchScript value both ways, errors, results to close. {@code signatures.pt} is written by {@code
 * tools/gen-api-signatures-archive.py} with PyTorch.
 */
class ModelTest {
    private static Model model;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ModelTest.class.getResource("/kiln/api/" + name).toURI());
    }

    @BeforeAll
    static void load() throws Exception {
        model = Model.load(resource("signatures.pt"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theModelDescribesItself() {
        assertEquals("__torch__.Signatures", model.className());
        assertEquals(Target.interpreter(), model.target());
        assertTrue(model.methodNames().containsAll(List.of("forward", "scaled", "pick", "check", "stats")),
                model.methodNames().toString());
        assertTrue(model.hasMethod("twice"));
        assertFalse(model.hasMethod("backward"));
        Method scaled = model.method("scaled");
        assertEquals("scaled(Tensor x, float factor=2., int offset=1, str label=\"y\", int[]? sizes=None) "
                + "-> ((Tensor, str, int[]))", scaled.signature(), "as PyTorch prints a schema returning a tuple");
        assertEquals(new Method.Parameter("factor", "float", Optional.of(Value.of(2.0)), false),
                scaled.parameters().get(1));
        assertEquals(Optional.of(Value.NONE), scaled.parameters().get(4).defaultValue());
        assertEquals("(Tensor, str, int[])", scaled.returnType());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.method("backward"));
        assertTrue(e.getMessage().contains("has no method 'backward' (it has: forward"), e.getMessage());
    }

    @Test
    void forwardTakesArraysAndReturnsTensors() {
        Value out = model.forward(Tensor.fromArray(new float[] {1, 0, 0, 1}, 2, 2));
        assertArrayEquals(new float[] {1, 2, 3, 4}, out.toTensor().toFloatArray());
        assertArrayEquals(new long[] {2, 2}, out.toTensor().shape());
    }

    @Test
    void argumentsBindAsPythonBindsThem() {
        Tensor x = Tensor.fromArray(new float[] {1, 2});
        List<Value> defaults = model.call("scaled", x).toTuple();
        assertArrayEquals(new float[] {3, 5}, defaults.get(0).toTensor().toFloatArray());
        assertEquals(Value.of("y"), defaults.get(1));
        assertEquals(Value.listOf(1, 2), defaults.get(2));

        List<Value> given = model.method("scaled").call(List.of(x, 3), Map.of("label", "z", "sizes", List.of(4)))
                .toTuple();
        assertArrayEquals(new float[] {4, 7}, given.get(0).toTensor().toFloatArray(), "an int for a float");
        assertEquals(Value.of("z"), given.get(1));
        assertEquals(Value.listOf(4), given.get(2));

        Method scaled = model.method("scaled");
        assertEquals("scaled() expected at most 5 argument(s) but received 6 argument(s). Declared signature: "
                + scaled.signature(), assertThrows(IllegalArgumentException.class,
                () -> scaled.call(x, 1, 2, "a", List.of(), 5)).getMessage());
        assertEquals("scaled() is missing value for argument 'x'. Declared signature: " + scaled.signature(),
                assertThrows(IllegalArgumentException.class, () -> scaled.call(List.of(), Map.of("factor", 1)))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> scaled.call(List.of(x), Map.of("scale", 1)))
                .getMessage().startsWith("Unknown keyword argument 'scale' for operator 'scaled'."));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> scaled.call(List.of(x), Map.of("x", x)))
                .getMessage().startsWith("scaled() got multiple values for argument 'x'."));
    }

    @Test
    void wrongTypesAreRefusedByTheSignature() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> model.call("check", "three"));
        assertTrue(e.getMessage().contains("'n'"), e.getMessage());
    }

    @Test
    void containersOptionalsAndNone() {
        Tensor a = Tensor.fromArray(new float[] {1});
        Value found = model.call("pick", Map.of("a", a), "a");
        assertSame(a.unwrap(), found.toTensor().unwrap(), "the dict's own tensor comes back");
        assertTrue(model.call("pick", Map.of("a", a), "b").isNone());
        Tensor fallback = Tensor.fromArray(new float[] {2});
        assertEquals(2, model.call("pick", Map.of(), "b", fallback).toTensor().getDouble(0));
        assertEquals(2, model.call("pick", Map.of(), "b", Optional.of(fallback)).toTensor().getDouble(0));

        Map<Value, Value> stats = model.call("stats", List.of(1, 2.5), List.of(7, "seven"), true).toDict();
        assertEquals(Value.of(3.5), stats.get(Value.of("sum")));
        assertEquals(Value.of(2.0), stats.get(Value.of("n")));
        assertEquals(Value.of(7.0), stats.get(Value.of("first")));
        assertEquals(Value.of(1.0), stats.get(Value.of("flag")));
        assertEquals(List.of("sum", "n", "first", "flag"), stats.keySet().stream().map(Value::toStr).toList(),
                "in insertion order");

        assertTrue(model.call("nothing").isNone());
        assertEquals(new Value.Device("cpu"), model.call("where", a));
    }

    @Test
    void aliasedOutputsStayOneTensor() {
        List<Value> two = model.call("twice", Tensor.fromArray(new float[] {1})).toTuple();
        assertSame(two.get(0), two.get(1));
    }

    @Test
    void objectsComeOutAndGoBackIn() {
        Value.Instance p = model.call("make_point", 3, -4).toInstance();
        assertEquals("__torch__.Point", p.className());
        assertEquals(List.of("x", "y"), p.attributeNames());
        assertEquals(Value.of(-4), p.attribute("y"));
        assertEquals(Value.of(7), model.call("norm1", p));
        assertThrows(IllegalArgumentException.class, () -> p.attribute("z"));
    }

    @Test
    void attributesOfTheRootModule() {
        assertTrue(model.attributeNames().containsAll(List.of("weight", "names", "scale")), model.attributeNames()
                .toString());
        assertArrayEquals(new float[] {1, 2, 3, 4}, model.attribute("weight").toTensor().toFloatArray());
        assertEquals(Value.listOf("a", "b"), model.attribute("names"));
        assertEquals(Value.of(0.5), model.attribute("scale"));
        assertThrows(IllegalArgumentException.class, () -> model.attribute("bias"));
    }

    @Test
    void errorsTheProgramRaisesAreScriptErrors() {
        ScriptError e = assertThrows(ScriptError.class, () -> model.call("check", -1));
        assertEquals("ValueError", e.pythonType());
        assertEquals("builtins.ValueError", e.pythonClass());
        assertEquals("n must be non-negative", e.scriptMessage());
        assertTrue(e.getMessage().startsWith("ValueError: n must be non-negative (in prim::RaiseException at "),
                e.getMessage());
        assertEquals(Value.of(4), model.call("check", 2), "the model stays usable");
    }

    @Test
    void resultsHandTheirMemoryBack() {
        Tensor out;
        try (Result r = model.method("forward").invoke(Tensor.fromArray(new float[] {1, 0, 0, 1}, 2, 2))) {
            out = r.value().toTensor();
            assertEquals(4, out.getDouble(1, 1));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, out::toFloatArray);
        assertTrue(e.getMessage().contains("Result that was closed"), e.getMessage());
    }

    @Test
    void printGoesWhereTheOptionsSay() throws Exception {
        StringBuilder printed = new StringBuilder();
        try (Model m = Model.load(resource("signatures.pt"), Model.Options.defaults().withOutput(printed)
                .withTarget("interp"))) {
            assertEquals(Value.of(2), m.call("check", 1));
        }
    }

    @Test
    void aClosedModelRefusesCalls() throws Exception {
        Model m = Model.load(resource("signatures.pt"));
        Method check = m.method("check");
        m.close();
        m.close();
        assertThrows(IllegalStateException.class, () -> check.call(1));
        assertThrows(IllegalStateException.class, () -> m.forward(Tensor.zeros(DType.FLOAT32, 1, 2)));
    }

    @Test
    void filesThatAreNoModelsGetOneLine(@TempDir Path dir) throws IOException {
        assertThrows(NoSuchFileException.class, () -> Model.load(dir.resolve("missing.pt")));
        IOException isDir = assertThrows(IOException.class, () -> Model.load(dir));
        assertEquals(dir + ": is a directory, not a model file (give the archive torch.jit.save wrote)",
                isDir.getMessage());
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        IOException unknown = assertThrows(IOException.class, () -> Model.load(text));
        assertTrue(unknown.getMessage().startsWith(text + ": not a model file Kiln can read (known: TorchScript"),
                unknown.getMessage());
    }

    @Test
    void targetsAreFoundByName() {
        assertEquals("interp", Target.available().getFirst().name());
        assertInstanceOf(String.class, Target.interpreter().description());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.named("nope"));
        assertTrue(e.getMessage().startsWith("unknown target 'nope' (available: interp"), e.getMessage());
    }
}
