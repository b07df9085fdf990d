package kiln.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import kiln.dialects.torch.types.ScalarType;
import org.junit.jupiter.api.Test;

/** The operators added for the interpreter: Pointwise, Reductions, LinearAlgebra, Joining. */
class PointwiseReductionTest {
    @Test
    void erfMatchesReferenceValues() {
        assertEquals(0.5204998778130465, SpecialFunctions.erf(0.5), 1e-15);
        assertEquals(-0.9999779095030014, SpecialFunctions.erf(-3), 1e-15);
        assertEquals(2.209049699858544e-05, SpecialFunctions.erfc(3), 1e-19);
        assertEquals(0.004677734981047266, SpecialFunctions.erfc(2), 1e-17);
        assertEquals(1.9953222650189528, SpecialFunctions.erfc(-2), 1e-15);
    }

    @Test
    void unaryDtypeRules() {
        Tensor ints = Tensor.of(new long[] {-2, 0, 3});
        assertEquals(ScalarType.Float, Pointwise.unary(UnaryOp.SIGMOID, ints).dtype());
        assertEquals(ScalarType.Long, Pointwise.unary(UnaryOp.SIGN, ints).dtype());
        assertArrayEquals(new long[] {-1, 0, 1}, Pointwise.unary(UnaryOp.SIGN, ints).toLongArray());
        Tensor isnan = Pointwise.unary(UnaryOp.ISNAN, Tensor.of(new float[] {Float.NaN, 1}));
        assertEquals(ScalarType.Bool, isnan.dtype());
        assertArrayEquals(new boolean[] {true, false}, isnan.toBooleanArray());
        assertThrows(TorchException.class, () -> Pointwise.unary_(UnaryOp.SQRT, ints));
    }

    @Test
    void comparisonsGiveBoolAndPromote() {
        Tensor a = Tensor.of(new long[] {1, 2, 3});
        Tensor gt = Pointwise.binary(BinaryOp.GT, a, Scalar.of(1.5));
        assertEquals(ScalarType.Bool, gt.dtype());
        assertArrayEquals(new boolean[] {false, true, true}, gt.toBooleanArray());
        Tensor rem = Pointwise.binary(BinaryOp.REMAINDER, Tensor.of(new long[] {-7, 7}), Scalar.of(3L));
        assertArrayEquals(new long[] {2, 1}, rem.toLongArray());
        Tensor fdiv = Pointwise.binary(BinaryOp.FLOOR_DIVIDE, Tensor.of(new float[] {-7, 7}), Scalar.of(2L));
        assertArrayEquals(new float[] {-4, 3}, fdiv.toFloatArray());
    }

    @Test
    void whereMaskedFillClampAndRsub() {
        Tensor cond = Tensor.of(new boolean[] {true, false, true});
        Tensor w = Pointwise.where(cond, Tensor.of(new float[] {1, 2, 3}), Scalar.of(0L));
        assertArrayEquals(new float[] {1, 0, 3}, w.toFloatArray());
        Tensor m = Pointwise.maskedFill(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2), Tensor.of(new boolean[] {true,
                false}), Scalar.of(-1.0));
        assertArrayEquals(new float[] {-1, 2, -1, 4}, m.toFloatArray());
        assertArrayEquals(new float[] {0, 0.5f, 1}, Pointwise.clamp(Tensor.of(new float[] {-1, 0.5f, 3}),
                Scalar.of(0L), Scalar.of(1L)).toFloatArray());
        assertArrayEquals(new float[] {9, 8}, Pointwise.rsub(Tensor.of(new float[] {1, 2}), Scalar.of(10L),
                Scalar.of(1L)).toFloatArray());
    }

    @Test
    void reductionsOverDimsAndAll() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new float[] {6, 15}, Reductions.sum(t, new long[] {1}, false, null).toFloatArray());
        assertArrayEquals(new long[] {2, 1}, Reductions.sum(t, new long[] {1}, true, null).sizes());
        assertEquals(0, Reductions.sum(t, null, false, null).dim());
        assertEquals(ScalarType.Long, Reductions.sum(Tensor.of(new long[] {1, 2}), null, false, null).dtype());
        assertEquals(3.5f, Reductions.mean(t, null, false, null).toFloatArray()[0]);
        assertEquals(3.5f, Reductions.variance(t, null, 1, false, false).toFloatArray()[0], 1e-6);
        Tensor[] max = Reductions.extremeWithIndex(t, 0, false, true);
        assertArrayEquals(new float[] {4, 5, 6}, max[0].toFloatArray());
        assertArrayEquals(new long[] {1, 1, 1}, max[1].toLongArray());
        Tensor sm = Reductions.softmax(t, 1, null, false);
        assertEquals(1.0, sm.toDoubleArray()[0] + sm.toDoubleArray()[1] + sm.toDoubleArray()[2], 1e-6);
        assertThrows(TorchException.class, () -> Reductions.mean(Tensor.of(new long[] {1}), null, false, null));
    }

    @Test
    void matmulJoinAndStack() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        assertArrayEquals(new float[] {4, 5, 10, 11}, LinearAlgebra.matmul(a, b).toFloatArray());
        assertArrayEquals(new float[] {14, 32}, LinearAlgebra.mv(a, Tensor.of(new float[] {1, 2, 3})).toFloatArray());
        assertEquals(0, LinearAlgebra.dot(Tensor.of(new float[] {1, 2}), Tensor.of(new float[] {3, 4})).dim());
        Tensor batched = LinearAlgebra.matmul(Views.expand(a, new long[] {4, 2, 3}), b);
        assertArrayEquals(new long[] {4, 2, 2}, batched.sizes());
        Tensor cat = Joining.cat(List.of(a, a), 1);
        assertArrayEquals(new long[] {2, 6}, cat.sizes());
        assertArrayEquals(new long[] {2, 2, 3}, Joining.stack(List.of(a, a), 0).sizes());
    }
}
