package kiln.runtime.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiln.dialects.torch.schema.SchemaParser;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The interpreter bumps the version of what an op's schema writes ({@code Tensor(a!)}, the tensors of a written
 * list, from the schema), so that a product after {@code aten::add_} on its weight does not read the weight packed before.
 */
class WrittenOperandsTest {
    private static final String PRODUCT = """
            graph(%x : Tensor, %w : Tensor):
              %wt : Tensor = aten::t(%w)
              %y : Tensor = aten::mm(%x, %wt)
              return (%y)
            """;

    private static Tensor ramp(long rows, long cols, double scale) {
        float[] data = new float[Math.toIntExact(rows * cols)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (Math.sin(i * scale) + 0.25);
        }
        return Tensor.of(data, rows, cols).clone();
    }

    @Test
    void anInPlaceAddOnTheWeightReachesTheNextProduct() {
        Tensor x = ramp(40, 300, 0.37);
        Tensor w = ramp(96, 300, 0.11);
        Interpreter interp = Interpreter.create();
        for (int i = 0; i < 3; i++) {
            interp.run(Graphs.parse(PRODUCT), x, w);
        }
        long version = w.storage().version();
        interp.run(Graphs.parse("""
                graph(%w : Tensor):
                  %one : int = prim::Constant[value=1]()
                  %r : Tensor = aten::add_(%w, %one, %one)
                  return (%r)
                """), w);
        assertTrue(w.storage().version() > version);
        Tensor y = (Tensor) interp.run(Graphs.parse(PRODUCT), x, w).getFirst();
        Tensor fresh = (Tensor) interp.run(Graphs.parse(PRODUCT), x, w.clone()).getFirst();
        assertArrayEquals(fresh.toFloatArray(), y.toFloatArray());
    }

    @Test
    void theWrittenOperandsComeFromTheSchema() {
        assertArrayEquals(new int[] {0}, KernelStep.writtenOperands(SchemaParser.parse(
                "aten::add_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)"), 3));
        assertArrayEquals(new int[] {0}, KernelStep.writtenOperands(SchemaParser.parse(
                "aten::_foreach_add_.Scalar(Tensor(a!)[] self, Scalar scalar) -> ()"), 2));
        assertArrayEquals(new int[] {2}, KernelStep.writtenOperands(SchemaParser.parse(
                "aten::mm.out(Tensor self, Tensor mat2, *, Tensor(a!) out) -> Tensor(a!)"), 3));
        assertArrayEquals(new int[] {}, KernelStep.writtenOperands(SchemaParser.parse(
                "aten::t(Tensor(a) self) -> Tensor(a)"), 1));
        assertArrayEquals(new int[] {}, KernelStep.writtenOperands(null, 2));
    }
}
