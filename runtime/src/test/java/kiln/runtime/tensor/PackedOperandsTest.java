package kiln.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Products that read a weight packed by an earlier product ({@link PackedOperands}) give the bits of a product
 * that packs it afresh (a clone, whose storage no product has seen), for either operand, odd sizes around the
 * block sizes, transposed, sliced and broadcast weights, convolution kernels; a write into the weight's storage drops the copy.
 */
class PackedOperandsTest {
    private static final Random RANDOM = new Random(11);

    private static Tensor random(long... shape) {
        float[] data = new float[Math.toIntExact(Shapes.numel(shape))];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) RANDOM.nextGaussian();
        }
        return Tensor.of(data, shape).clone();
    }

    /**
     * Runs {@code product(x, view(w))} four times (the weight packed on the second, read packed on the third and
     * fourth) and checks each against the product over a fresh clone of {@code w}.
     */
    private static void checkRepeated(Tensor x, Tensor w, UnaryOperator<Tensor> view, BinaryOperator<Tensor> product) {
        long hits = PackedOperands.hits();
        for (int call = 0; call < 4; call++) {
            float[] expected = product.apply(x, view.apply(w.clone())).toFloatArray();
            float[] actual = product.apply(x, view.apply(w)).toFloatArray();
            assertArrayEquals(expected, actual, "call " + call);
        }
        assertTrue(PackedOperands.hits() >= hits + 2, "the third and fourth calls read the packed weight");
    }

    @Test
    void aWeightAsBGivesTheBitsOfAFreshPack() {
        int[][] shapes = {{37, 300, 45}, {5, 513, 2100}, {130, 33, 70}, {64, 512, 200}};
        for (int[] s : shapes) {
            Tensor x = random(s[0], s[1]);
            checkRepeated(x, random(s[2], s[1]), Tensor::t, LinearAlgebra::mm);
            checkRepeated(x, random(s[1], s[2]), w -> w, LinearAlgebra::mm);
        }
        Tensor x = random(33, 61);
        checkRepeated(x, random(90, 80), w -> w.slice(0, 3L, 64L).slice(1, 1L, 80L, 2), LinearAlgebra::mm);
    }

    @Test
    void aWeightAsAGivesTheBitsOfAFreshPack() {
        int[][] shapes = {{37, 300, 45}, {300, 260, 9}, {129, 70, 2050}};
        for (int[] s : shapes) {
            Tensor x = random(s[1], s[2]);
            BinaryOperator<Tensor> weightFirst = (in, w) -> LinearAlgebra.weightProduct(w, in);
            checkRepeated(x, random(s[0], s[1]), w -> w, weightFirst);
            checkRepeated(x, random(s[1], s[0]), Tensor::t, weightFirst);
        }
    }

    @Test
    void aBroadcastWeightOfABatchedProduct() {
        Tensor x = random(3, 21, 70);
        checkRepeated(x, random(70, 50), w -> w.expand(3, 70, 50), LinearAlgebra::bmm);
        checkRepeated(x, random(2, 70, 50), w -> w, (in, w) -> LinearAlgebra.matmul(in.unsqueeze(1), w));
    }

    @Test
    void theScalarKernelReadsThePackedCopyToo() {
        boolean was = Gemm.vectorize;
        Gemm.vectorize = false;
        try {
            checkRepeated(random(19, 270), random(40, 270), Tensor::t, LinearAlgebra::mm);
        } finally {
            Gemm.vectorize = was;
        }
    }

    @Test
    void theThirdProductReadsTheCopyThatTheSecondPacked() {
        Tensor x = random(16, 128);
        Tensor w = random(256, 128);
        long hits = PackedOperands.hits();
        long packs = PackedOperands.packs();
        LinearAlgebra.mm(x, w.t());
        assertEquals(packs, PackedOperands.packs(), "a first sighting packs nothing ahead");
        LinearAlgebra.mm(x, w.t());
        assertEquals(hits, PackedOperands.hits());
        LinearAlgebra.mm(x, w.t());
        // w on the second call; x, an mm's left operand, is not a known constant and is never kept
        assertEquals(packs + 1, PackedOperands.packs());
        assertEquals(hits + 1, PackedOperands.hits());
        LinearAlgebra.mm(random(16, 128), w.t());
        assertEquals(hits + 2, PackedOperands.hits());
        for (int i = 0; i < 3; i++) {
            LinearAlgebra.weightProduct(w, random(128, 16));
        }
        assertEquals(packs + 2, PackedOperands.packs());
        assertEquals(hits + 3, PackedOperands.hits());
    }

    @Test
    void aWriteIntoTheWeightDropsItsPackedCopy() {
        Tensor x = random(24, 300);
        Tensor w = random(70, 300);
        for (int i = 0; i < 3; i++) {
            LinearAlgebra.mm(x, w.t());
        }
        float[] before = LinearAlgebra.mm(x, w.t()).toFloatArray();
        Ops.add_(w, Scalar.of(1.0), Scalar.of(1L));
        float[] after = LinearAlgebra.mm(x, w.t()).toFloatArray();
        assertNotEquals(before[0], after[0]);
        assertArrayEquals(LinearAlgebra.mm(x, w.clone().t()).toFloatArray(), after);
        w.select(0, 0).copyFrom(Tensor.full(Scalar.of(2.0), w.dtype(), 300));
        w.setDouble(-3.0, 1, 7);
        assertArrayEquals(LinearAlgebra.mm(x, w.clone().t()).toFloatArray(), LinearAlgebra.mm(x, w.t()).toFloatArray());
        Pointwise.unary_(UnaryOp.SIGMOID, w);
        assertArrayEquals(LinearAlgebra.mm(x, w.clone().t()).toFloatArray(), LinearAlgebra.mm(x, w.t()).toFloatArray());
    }

    @Test
    void convolutionKernelsAsA() {
        long[] one = {1, 1};
        BinaryOperator<Tensor> conv3x3 = (in, w) -> Convolution.conv2d(in, w, null, one, one, one, 2);
        BinaryOperator<Tensor> pointwise = (in, w) -> Convolution.conv2d(in, w, null, one, new long[2], one, 1);
        BinaryOperator<Tensor> transposed = (in, w) -> Convolution.convTranspose(in, w, null, new long[] {2, 2},
                one, new long[2], 1, one, 2);
        checkRepeated(random(2, 18, 11, 13), random(64, 9, 3, 3), w -> w, conv3x3);
        checkRepeated(random(1, 70, 9, 7), random(130, 70, 1, 1), w -> w, pointwise);
        checkRepeated(random(1, 70, 5, 6), random(70, 33, 3, 3), w -> w, transposed);
    }
}
