package kiln.dialects.torch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Looking up PyTorch's operator schemas by name. */
class OperatorRegistryTest {
    private static final OperatorRegistry REGISTRY = OperatorRegistry.standard();

    @Test
    void counts() {
        assertEquals(SchemaRoundTripTest.SCHEMA_COUNT, REGISTRY.all().size());
        assertEquals(3754, REGISTRY.all().stream().filter(s -> s.namespace().equals("aten")).count());
        assertEquals(128, REGISTRY.all().stream().filter(s -> s.namespace().equals("prim")).count());
        assertEquals(27, REGISTRY.namespaces().size());
        assertEquals(REGISTRY.all().size(), REGISTRY.names().stream().mapToInt(n -> REGISTRY.overloads(n).size()).sum());
    }

    @Test
    void overloadsOfAName() {
        List<String> add = REGISTRY.overloads("aten::add").stream().map(FunctionSchema::overloadName).toList();
        assertEquals(List.of("", "Scalar", "Scalar_out", "Tensor", "complex", "complex_float", "complex_int", "float",
                "float_complex", "float_int", "int", "int_complex", "int_float", "out", "str", "t"), add);
        assertEquals(List.of(), REGISTRY.overloads("aten::frobnicate"));
        assertEquals(List.of(), REGISTRY.overloads("add"), "names are qualified");
        assertTrue(REGISTRY.contains("prim::min"));
        assertFalse(REGISTRY.contains("prim::If"), "control flow is structural, not a registered operator");
    }

    @Test
    void lookupByOverload() {
        assertEquals("aten::relu(Tensor self) -> Tensor", REGISTRY.lookup("aten::relu", "").orElseThrow().toString());
        assertEquals(REGISTRY.lookup("aten::add", "Tensor"), REGISTRY.lookup("aten::add.Tensor"));
        assertEquals(REGISTRY.lookup("aten::__getitem__", "t"), REGISTRY.lookup("aten::__getitem__.t"));
        assertEquals(Optional.empty(), REGISTRY.lookup("aten::add", "nope"));
        assertEquals(Optional.empty(), REGISTRY.lookup("aten::add.nope"));
    }

    @Test
    void loadsOnceAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<OperatorRegistry>> tasks = List.of(OperatorRegistry::standard, OperatorRegistry::standard,
                    OperatorRegistry::standard, OperatorRegistry::standard);
            for (Future<OperatorRegistry> f : pool.invokeAll(tasks)) {
                assertSame(REGISTRY, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRegistryOfOwnSchemas() {
        OperatorRegistry own = OperatorRegistry.of(List.of(SchemaParser.parse("mylib::f(Tensor x) -> Tensor"),
                SchemaParser.parse("mylib::f.int(int x) -> int")));
        assertEquals(2, own.overloads("mylib::f").size());
        assertEquals(List.of("mylib"), List.copyOf(own.namespaces()));
    }

    @Test
    void aBadLineNamesItsLine() {
        String text = "# header\naten::ok(Tensor x) -> Tensor\n\naten::bad(Tensor x -> Tensor\n";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OperatorRegistry.read(new BufferedReader(new StringReader(text)), "test.txt"));
        assertTrue(e.getMessage().startsWith("test.txt:4: "), e.getMessage());
    }
}
