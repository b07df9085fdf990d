package kiln.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import kiln.dialects.torch.types.ScalarType;
import org.junit.jupiter.api.Test;

/**
 * {@link Gemm} against a double-precision reference: shapes around the block and tile sizes, transposed and
 * sliced operands, broadcast batches, an empty inner dimension, on the vector and the scalar micro-kernel.
 */
class GemmTest {
    private static final Random RANDOM = new Random(7);

    private static Tensor random(long... shape) {
        long n = Shapes.numel(shape);
        float[] data = new float[(int) n];
        for (int i = 0; i < n; i++) {
            data[i] = (float) RANDOM.nextGaussian();
        }
        return Tensor.of(data, shape);
    }

    /** a @ b in double from the elements, as a flat row-major array. */
    private static double[] reference(Tensor a, Tensor b) {
        int m = (int) a.size(0);
        int k = (int) a.size(1);
        int n = (int) b.size(1);
        double[] x = a.contiguous().toDoubleArray();
        double[] y = b.contiguous().toDoubleArray();
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += x[i * k + p] * y[p * n + j];
                }
                out[i * n + j] = s;
            }
        }
        return out;
    }

    private static void check(Tensor a, Tensor b) {
        double[] expected = reference(a, b);
        double[] actual = LinearAlgebra.mm(a, b).toDoubleArray();
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-5 + 1e-5 * Math.sqrt(a.size(1)) * Math.abs(expected[i]);
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol + 1e-5 * Math.sqrt(a.size(1)),
                    "element " + i + ": " + actual[i] + " vs " + expected[i] + " for " + a.size(0) + "x" + a.size(1)
                            + " @ " + b.size(0) + "x" + b.size(1));
        }
    }

    private static void shapes() {
        int[][] cases = {{1, 1, 1}, {3, 5, 7}, {8, 32, 16}, {9, 33, 17}, {64, 300, 70}, {130, 257, 45},
                {1, 300, 2100}, {200, 3, 260}, {17, 0, 5}};
        for (int[] c : cases) {
            check(random(c[0], c[1]), random(c[1], c[2]));
            check(random(c[1], c[0]).t(), random(c[1], c[2]));
            check(random(c[0], c[1]), random(c[2], c[1]).t());
            check(random(c[1], c[0]).t(), random(c[2], c[1]).t());
        }
        Tensor big = random(40, 90);
        check(big.slice(0, 3L, 30L, 2).slice(1, 1L, 60L), random(59, 70).slice(1, 0L, 70L, 3));
    }

    @Test
    void vectorKernelMatchesTheReference() {
        shapes();
    }

    @Test
    void scalarKernelMatchesTheReference() {
        boolean was = Gemm.vectorize;
        Gemm.vectorize = false;
        try {
            shapes();
        } finally {
            Gemm.vectorize = was;
        }
    }

    @Test
    void batchedProductsBroadcastTheirBatchDims() {
        Tensor a = random(3, 1, 20, 30);
        Tensor b = random(4, 30, 50);
        Tensor out = LinearAlgebra.matmul(a, b);
        assertArrayEquals(new long[] {3, 4, 20, 50}, out.sizes());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                double[] expected = reference(a.select(0, i).select(0, 0), b.select(0, j));
                double[] actual = out.select(0, i).select(0, j).contiguous().toDoubleArray();
                for (int e = 0; e < expected.length; e++) {
                    assertEquals(expected[e], actual[e], 1e-4);
                }
            }
        }
    }

    @Test
    void halfPrecisionComputesInFloat() {
        Tensor a = random(5, 7);
        Tensor b = random(7, 3);
        Tensor out = LinearAlgebra.mm(a.to(ScalarType.BFloat16), b.to(ScalarType.BFloat16));
        assertEquals(ScalarType.BFloat16, out.dtype());
        double[] expected = reference(a.to(ScalarType.BFloat16).to(ScalarType.Float),
                b.to(ScalarType.BFloat16).to(ScalarType.Float));
        double[] actual = out.toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 0.02 * (1 + Math.abs(expected[i])));
        }
    }
}
