package kiln.runtime.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.random.Generator;
import org.junit.jupiter.api.Test;

/** The random ops as graphs use them: dropout in training, randint's dtype, seeded reproducibility. */
class RandomKernelsTest {
    private static final String DROPOUT = """
            graph(%x : Tensor, %p : float, %train : bool):
              %y : Tensor = aten::dropout(%x, %p, %train) # model.py:2:8
              return (%y)
            """;

    @Test
    void dropoutInTrainingMasksAndScalesAsPyTorchDoes() {
        Generator.defaultCpu().manualSeed(0);
        Tensor y = (Tensor) Graphs.run(DROPOUT, Tensor.of(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}), 0.5, true)
                .getFirst();
        // torch.manual_seed(0); F.dropout(torch.ones(10), 0.5, True) (reference.txt: dropout_train)
        assertArrayEquals(new float[] {0, 0, 2, 0, 0, 0, 2, 2, 0, 2}, y.toFloatArray());
        Tensor x = Tensor.of(new float[] {3, 4});
        assertEquals(x, Graphs.run(DROPOUT, x, 0.5, false).getFirst(), "the identity at inference");
        ScriptException e = assertThrows(ScriptException.class, () -> Graphs.run(DROPOUT, x, 1.5, true));
        assertTrue(e.getMessage().contains("dropout probability has to be between 0 and 1, but got 1.5"),
                e.getMessage());
    }

    @Test
    void randintIsInt64AndSeededRunsRepeat() {
        String g = """
                graph(%n : int):
                  %none : NoneType = prim::Constant()
                  %lo : int = prim::Constant[value=-3]()
                  %hi : int = prim::Constant[value=3]()
                  %size : int[] = prim::ListConstruct(%n)
                  %r : Tensor = aten::randint(%lo, %hi, %size, %none, %none, %none, %none)
                  return (%r)
                """;
        Generator.defaultCpu().manualSeed(7);
        Tensor a = (Tensor) Graphs.run(g, 6L).getFirst();
        Generator.defaultCpu().manualSeed(7);
        Tensor b = (Tensor) Graphs.run(g, 6L).getFirst();
        assertEquals("torch.int64", a.dtype().pythonName());
        assertArrayEquals(a.toLongArray(), b.toLongArray());
        for (long v : a.toLongArray()) {
            assertTrue(v >= -3 && v < 3, "in [low, high): " + v);
        }
    }
}
