package kiln.dialects.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kiln.dialects.ir.MemoryEffects;
import kiln.dialects.ir.MemoryEffects.Effect;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.torch.schema.OperatorRegistry;
import org.junit.jupiter.api.Test;

/**
 * Properties of torch ops that depend on the overload they call: {@link Trait#ELEMENTWISE} for PyTorch's pointwise
 * overloads, and memory effects that name the operands an overload writes.
 */
class TorchOverloadPropertiesTest {
    private static final String GRAPH = """
            graph(%x : Tensor, %y : Tensor, %n : int, %l : Tensor[], %o : __torch__.M):
              %one : int = prim::Constant[value=1]()
              %add : Tensor = aten::add(%x, %y, %one)
              %addi : int = aten::add(%n, %one)
              %s : Tensor = aten::silu(%x)
              %mm : Tensor = aten::mm(%x, %y)
              %max : Tensor = aten::max(%x, %y)
              %ip : Tensor = aten::add_(%x, %y, %one)
              %ap : Tensor[] = aten::append(%l, %x)
              %set : Tensor = aten::set_(%x, %y)
              %obj : __torch__.M = prim::CreateObject()
               = prim::SetAttr[name="w"](%o, %x)
              return (%add)
            """;

    private static List<Operation> ops() {
        List<Operation> out = new ArrayList<>();
        GraphParser.parse(GRAPH).block().ops().forEach(out::add);
        return out;
    }

    private static Operation op(String resultName) {
        return ops().stream().filter(o -> o.numResults() > 0 && resultName.equals(o.result(0).name())).findFirst()
                .orElseThrow();
    }

    @Test
    void pointwiseOverloadsAreElementwise() {
        assertTrue(op("add").has(Trait.ELEMENTWISE), "aten::add.Tensor");
        assertTrue(op("s").has(Trait.ELEMENTWISE), "aten::silu");
        assertTrue(op("max").has(Trait.ELEMENTWISE), "aten::max.other");
        assertFalse(op("addi").has(Trait.ELEMENTWISE), "aten::add.int adds two ints");
        assertFalse(op("mm").has(Trait.ELEMENTWISE), "aten::mm");
        assertFalse(op("ip").has(Trait.ELEMENTWISE), "aten::add_.Tensor writes in place: not in the table");
    }

    @Test
    void everyTableEntryIsAnOverloadPyTorchHas() {
        OperatorRegistry registry = OperatorRegistry.standard();
        for (String overload : PointwiseOverloads.OVERLOADS) {
            String name = overload.contains(".") ? overload.substring(0, overload.indexOf('.')) : overload;
            assertTrue(registry.overloads(name).stream().anyMatch(s -> s.overloadedName().equals(overload)), overload);
        }
    }

    @Test
    void effectsNameTheOperandsTheCalledOverloadWrites() {
        Operation add = op("add");
        assertEquals(List.of(Effect.read(add.operand(0)), Effect.read(add.operand(1)), Effect.allocate(add.result(0))),
                MemoryEffects.of(add).orElseThrow(), "aten::add.Tensor reads and makes a tensor, although add.out writes");
        Operation inPlace = op("ip");
        assertEquals(List.of(Effect.write(inPlace.operand(0)), Effect.read(inPlace.operand(0)),
                Effect.read(inPlace.operand(1))), MemoryEffects.of(inPlace).orElseThrow());
        Operation append = op("ap");
        assertEquals(List.of(Effect.write(append.operand(0)), Effect.read(append.operand(0)),
                Effect.read(append.operand(1))), MemoryEffects.of(append).orElseThrow(), "append writes its list");
        assertEquals(MemoryEffects.ANYTHING, MemoryEffects.of(op("set")).orElseThrow(),
                "set_ makes its operand share another storage: it may do anything");
        Operation obj = op("obj");
        assertEquals(List.of(Effect.allocate(obj.result(0))), MemoryEffects.of(obj).orElseThrow());
        Operation setAttr = ops().stream().filter(o -> o.def() == TorchDialect.SET_ATTR).findFirst().orElseThrow();
        assertEquals(List.of(Effect.write(setAttr.operand(0))), MemoryEffects.of(setAttr).orElseThrow());
    }
}
