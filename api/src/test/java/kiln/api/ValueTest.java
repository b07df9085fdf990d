package kiln.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TupleType;
import kiln.dialects.torch.types.UnionType;
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;
import org.junit.jupiter.api.Test;

/** TorchScript values: from Java, to and from the runtime's, accessors and their messages, Python's repr. */
class ValueTest {

    @Test
    void javaValuesBecomeTorchScriptValues() {
        assertEquals(new Value.Int(3), Value.from(3));
        assertEquals(new Value.Int(3), Value.from(3L));
        assertEquals(new Value.Float(0.5), Value.from(0.5f));
        assertEquals(new Value.Bool(true), Value.from(true));
        assertEquals(new Value.Str("a"), Value.from("a"));
        assertSame(Value.NONE, Value.from(null));
        assertSame(Value.NONE, Value.from(Optional.empty()));
        assertEquals(new Value.Int(2), Value.from(Optional.of(2)));
        assertEquals(Value.listOf(1, 2), Value.from(List.of(1, 2)));
        assertEquals(Value.listOf(1, 2), Value.from(new long[] {1, 2}));
        assertEquals(Value.listOf(1.5, 2.0), Value.from(new double[] {1.5, 2}));
        assertEquals(Value.listOf("a", 1), Value.from(new Object[] {"a", 1}));
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("x", 1);
        m.put("y", 2);
        Value.Dict d = (Value.Dict) Value.from(m);
        assertEquals(List.of(Value.of("x"), Value.of("y")), List.copyOf(d.entries().keySet()));
        assertEquals(Optional.of(Value.of(2)), d.get("y"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Value.from(new Object()));
        assertTrue(e.getMessage().startsWith("a java.lang.Object is not a TorchScript value"), e.getMessage());
    }

    @Test
    void accessorsUnwrapOrNameBothTypes() {
        Value t = Value.tupleOf(Tensor.zeros(DType.FLOAT32, 2), 3);
        assertEquals(2, t.toTuple().get(0).toTensor().numel());
        assertEquals(3, t.toTuple().get(1).toLong());
        assertEquals(3.0, t.toTuple().get(1).toDouble(), "an int widens to a float");
        ClassCastException e = assertThrows(ClassCastException.class, t::toTensor);
        assertEquals("expected a value of type Tensor, got Tuple[Tensor, int]", e.getMessage());
        assertEquals("expected a value of type int, got float",
                assertThrows(ClassCastException.class, () -> Value.of(1.5).toLong()).getMessage());
        assertTrue(Value.NONE.isNone());
        assertTrue(Value.NONE.toOptional().isEmpty());
        assertEquals(Optional.of(Value.of(1)), Value.of(1).toOptional());
        assertEquals("List[int]", Value.listOf(1, 2).typeName());
        assertEquals("List", Value.listOf().typeName());
        assertEquals("Dict[str, int]", Value.from(Map.of("a", 1)).typeName());
    }

    @Test
    void patternMatchingIsExhaustive() {
        Value v = Value.of(4);
        String kind = switch (v) {
            case Tensor x -> "tensor";
            case Value.Int(long n) -> "int " + n;
            case Value.Float f -> "float";
            case Value.Bool b -> "bool";
            case Value.Str s -> "str";
            case Value.None n -> "none";
            case Value.List l -> "list";
            case Value.Tuple tu -> "tuple";
            case Value.Dict d -> "dict";
            case Value.Device dev -> "device";
            case Value.Instance o -> "object";
        };
        assertEquals("int 4", kind);
    }

    @Test
    void reprIsPythons() {
        assertEquals("(1, 'a', None, True, 0.5, [1.0, 2.5], {'k': 3})",
                Value.tupleOf(1, "a", null, true, 0.5, List.of(1.0, 2.5), Map.of("k", 3)).toString());
        assertEquals("(1,)", Value.tupleOf(1).toString());
        assertEquals("\"it's\"", Value.of("it's").toString());
        assertEquals("'a\\nb'", Value.of("a\nb").toString());
        assertEquals("1e+20", Value.of(1e20).toString());
        assertEquals("device(type='cuda', index=1)", new Value.Device("cuda:1").toString());
        assertEquals("device(type='cpu')", new Value.Device("cpu").toString());
    }

    @Test
    void declaredTypesGuideTheConversionToTheRuntime() {
        assertEquals(2.0, RuntimeValues.toRuntime(Value.of(2), LeafType.FLOAT), "an int for a float");
        assertEquals(2L, RuntimeValues.toRuntime(Value.of(2), LeafType.INT));
        assertNull(RuntimeValues.toRuntime(Value.NONE, new OptionalType(LeafType.INT)));

        ScriptList ints = (ScriptList) RuntimeValues.toRuntime(Value.listOf(1, 2), new ListType(LeafType.INT));
        assertEquals(LeafType.INT, ints.elementType());
        ScriptList floats = (ScriptList) RuntimeValues.toRuntime(Value.listOf(1, 2), new ListType(LeafType.FLOAT));
        assertEquals(List.of(1.0, 2.0), floats.items());
        ScriptList wrong = (ScriptList) RuntimeValues.toRuntime(Value.listOf("a"), new ListType(LeafType.INT));
        assertNull(wrong.elementType(), "left untyped for the callee's check to refuse");

        Object tuple = RuntimeValues.toRuntime(Value.listOf(1, "a"), TupleType.of(LeafType.FLOAT, LeafType.STR));
        assertEquals(new ScriptTuple(List.of(1.0, "a")), tuple, "a Java list for a tuple, elements by type");
        assertInstanceOf(ScriptList.class, RuntimeValues.toRuntime(Value.tupleOf(1, 2), new ListType(LeafType.INT)));
        assertInstanceOf(ScriptTuple.class, RuntimeValues.toRuntime(Value.tupleOf(1, 2)));

        ScriptDict dict = (ScriptDict) RuntimeValues.toRuntime(Value.from(Map.of("a", 1)),
                new DictType(LeafType.STR, LeafType.FLOAT));
        assertEquals(1.0, dict.get("a"));
        assertEquals(LeafType.FLOAT, dict.valueType());

        kiln.dialects.torch.types.TorchType intOrStr = UnionType.of(LeafType.INT, LeafType.STR);
        assertEquals("x", RuntimeValues.toRuntime(Value.of("x"), intOrStr));
        assertEquals(kiln.dialects.torch.types.Device.parse("cuda:0"),
                RuntimeValues.toRuntime(Value.of("cuda:0"), LeafType.DEVICE));
        Tensor t = Tensor.zeros(DType.FLOAT32, 1);
        assertSame(t.unwrap(), RuntimeValues.toRuntime(t, TensorType.TENSOR));
    }

    @Test
    void runtimeValuesComeBackTyped() {
        kiln.runtime.tensor.Tensor t = Tensor.zeros(DType.FLOAT32, 1).unwrap();
        ScriptDict d = new ScriptDict(LeafType.STR, null);
        d.put("k", ScriptList.ofLongs(1, 2));
        Value v = RuntimeValues.fromRuntime(new ScriptTuple(List.of(t, t, 1.5, d)));
        List<Value> e = v.toTuple();
        assertSame(e.get(0), e.get(1), "one runtime tensor is one API tensor");
        assertEquals(Value.of(1.5), e.get(2));
        assertEquals(Value.listOf(1, 2), e.get(3).toDict().get(Value.of("k")));
        assertThrows(IllegalArgumentException.class, () -> RuntimeValues.fromRuntime(new Object()));
    }
}
