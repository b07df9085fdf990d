package kiln.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.frontend.emit.ScriptCompiler;
import kiln.frontend.emit.ScriptUnit;
import kiln.runtime.interp.Interpreter;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Assignment through tensor indices writes into the tensor ({@code aten::index_put_}), as in PyTorch: a mask set to
 * a number, integer indices after a slice, and an augmented assignment.
 */
class IndexAssignmentTest {
    private static final String SOURCE = """
            def f(x: Tensor, idx: Tensor, mask: Tensor):
                x[mask] = 0.0
                x[:, idx] = torch.ones(3, 2)
                x[idx] += 10.0
                return x
            """;

    @Test
    void assignmentsThroughTensorIndicesWriteIntoTheTensor() {
        Graph g = new ScriptCompiler(ScriptUnit.fromSource(SOURCE, "assign.py", "__torch__"),
                OperatorRegistry.standard()).inlinedFunction("__torch__.f");
        Interpreter interp = Interpreter.builder().output(new StringBuilder()).warnings(new StringBuilder()).build();
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
        Tensor idx = Tensor.of(new long[] {2, 0}, 2);
        Tensor mask = Tensor.of(new boolean[] {true, false, false, false, true, false, false, false, true}, 3, 3);
        interp.run(g, List.of(x, idx, mask));
        assertArrayEquals(new float[] {11, 12, 11, 1, 0, 1, 11, 18, 11}, x.toFloatArray());
    }
}
