package kiln.runtime.tensor;

import static kiln.runtime.tensor.Assertions2.arange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Convolution, pooling, normalization and indexing against values worked out by hand. */
class NeuralOpsTest {
    @Test
    void conv2dWithPaddingStrideAndGroups() {
        Tensor x = arange(16, 1, 1, 4, 4);
        Tensor w = Tensor.of(new float[] {1, 0, 0, 1}, 1, 1, 2, 2);
        Tensor y = Convolution.conv2d(x, w, Tensor.of(new float[] {0.5f}), new long[] {2}, new long[] {0},
                new long[] {1}, 1);
        assertArrayEquals(new long[] {1, 1, 2, 2}, y.sizes());
        assertArrayEquals(new float[] {5.5f, 9.5f, 21.5f, 25.5f}, y.toFloatArray());
        Tensor padded = Convolution.conv2d(x, w, null, new long[] {1}, new long[] {1}, new long[] {1}, 1);
        assertArrayEquals(new long[] {1, 1, 5, 5}, padded.sizes());
        assertEquals(0f, padded.toFloatArray()[0]);
        assertEquals(5f, padded.toFloatArray()[6], "x[0][0] + x[1][1]");
        Tensor two = Tensor.of(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, 1, 2, 2, 2);
        Tensor depthwise = Convolution.conv2d(two, Tensor.of(new float[] {1, 1, 1, 1, 2, 2, 2, 2}, 2, 1, 2, 2), null,
                new long[] {1}, new long[] {0}, new long[] {1}, 2);
        assertArrayEquals(new float[] {10, 200}, depthwise.toFloatArray());
    }

    @Test
    void pooling() {
        Tensor x = arange(16, 1, 4, 4);
        assertArrayEquals(new float[] {5, 7, 13, 15}, Pooling.maxPool(x, 2, new long[] {2}, new long[0],
                new long[] {0}, new long[] {1}, false)[0].toFloatArray());
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, Pooling.avgPool(x, 2, new long[] {2}, new long[0],
                new long[] {0}, false, true, null).toFloatArray());
        assertArrayEquals(new float[] {7.5f}, Pooling.adaptiveAvgPool(x, new long[] {1, 1}).toFloatArray());
        assertArrayEquals(new long[] {1, 3, 3}, Pooling.maxPool(x, 2, new long[] {3}, new long[] {2},
                new long[] {1}, new long[] {1}, true)[0].sizes());
    }

    @Test
    void normalizationAndIndexing() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor ln = Normalization.layerNorm(x, new long[] {2}, null, null, 0);
        assertArrayEquals(new float[] {-1, 1, -1, 1}, ln.toFloatArray(), 1e-6f);
        Tensor bn = Normalization.batchNorm(x, Tensor.of(new float[] {2, 1}), Tensor.of(new float[] {0, 1}),
                Tensor.of(new float[] {1, 2}), Tensor.of(new float[] {4, 1}), false, 0.1, 0);
        assertArrayEquals(new float[] {0, 1, 2, 3}, bn.toFloatArray(), 1e-6f);
        Tensor emb = Indexing.embedding(x, Tensor.of(new long[] {1, 0, 1}));
        assertArrayEquals(new float[] {3, 4, 1, 2, 3, 4}, emb.toFloatArray());
        assertArrayEquals(new float[] {1, 0, 3, 4}, Indexing.triangle(x, 0, true).toFloatArray());
        Tensor[] top = Indexing.topk(Tensor.of(new float[] {3, 1, 4, 1, 5}), 2, -1, true);
        assertArrayEquals(new float[] {5, 4}, top[0].toFloatArray());
        assertArrayEquals(new long[] {4, 2}, top[1].toLongArray());
    }
}
