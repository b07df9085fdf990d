package kiln.runtime.tensor;

import static kiln.runtime.tensor.Assertions2.arange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import kiln.dialects.torch.types.ScalarType;
import org.junit.jupiter.api.Test;

/** Advanced indexing, searching, unique, losses and the shape operators against values worked out by hand. */
class IndexingOpsTest {
    @Test
    void indexWithAdjacentAndSeparatedIndexTensors() {
        Tensor x = arange(24, 2, 3, 4);
        Tensor rows = Tensor.of(new long[] {2, 0}, 2);
        Tensor cols = Tensor.of(new long[] {1, -1}, 2);
        Tensor adjacent = AdvancedIndexing.index(x, Arrays.asList(null, rows, cols));
        assertArrayEquals(new long[] {2, 2}, adjacent.sizes());
        assertArrayEquals(new float[] {9, 3, 21, 15}, adjacent.toFloatArray());
        Tensor separated = AdvancedIndexing.index(x, Arrays.asList(Tensor.of(new long[] {1, 0}, 2), null, cols));
        assertArrayEquals(new long[] {2, 3}, separated.sizes());
        assertArrayEquals(new float[] {13, 17, 21, 3, 7, 11}, separated.toFloatArray());
        Tensor mask = Tensor.of(new boolean[] {true, false, true}, 3);
        assertArrayEquals(new long[] {2, 2, 4}, AdvancedIndexing.index(x, Arrays.asList(null, mask)).sizes());
        assertThrows(TorchException.class, () -> AdvancedIndexing.index(x, Arrays.asList(Tensor.of(new long[] {2},
                1))));
    }

    @Test
    void indexPutAccumulatesRepeatedPositions() {
        Tensor x = Tensor.zeros(ScalarType.Float, 3);
        Tensor idx = Tensor.of(new long[] {0, 2, 0}, 3);
        Tensor put = AdvancedIndexing.indexPut(x, Arrays.asList(idx), Tensor.of(new float[] {1, 2, 3}, 3), true);
        assertArrayEquals(new float[] {4, 0, 2}, put.toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0}, x.toFloatArray());
        Tensor scattered = AdvancedIndexing.maskedScatter(Tensor.zeros(ScalarType.Float, 2, 2),
                Tensor.of(new boolean[] {false, true}, 2), arange(4, 4));
        assertArrayEquals(new float[] {0, 0, 0, 1}, scattered.toFloatArray());
        assertArrayEquals(new long[] {1, -1, -1}, AdvancedIndexing.nonzeroStatic(Tensor.of(new float[] {0, 5}, 2), 3,
                -1).toLongArray());
    }

    @Test
    void searchsortedAndUnique() {
        Tensor seq = Tensor.of(new float[] {1, 3, 5, 7}, 4);
        Tensor v = Tensor.of(new float[] {3, 6, 9, Float.NaN}, 4);
        assertArrayEquals(new long[] {1, 3, 4, 4}, Searching.searchsorted(seq, v, false, false, null, null)
                .toLongArray());
        assertArrayEquals(new long[] {2, 3, 4, 4}, Searching.searchsorted(seq, v, false, true, null, null)
                .toLongArray());
        Tensor x = Tensor.of(new long[] {3, 1, 3, 3, 2}, 5);
        Tensor[] u = Searching.unique(x, null, true, true);
        assertArrayEquals(new long[] {1, 2, 3}, u[0].toLongArray());
        assertArrayEquals(new long[] {2, 0, 2, 2, 1}, u[1].toLongArray());
        assertArrayEquals(new long[] {1, 1, 3}, u[2].toLongArray());
        Tensor[] c = Searching.uniqueConsecutive(x, null, true, true);
        assertArrayEquals(new long[] {3, 1, 3, 2}, c[0].toLongArray());
        assertArrayEquals(new long[] {1, 1, 2, 1}, c[2].toLongArray());
    }

    @Test
    void shapeOperators() {
        Tensor m = arange(4, 2, 2);
        assertArrayEquals(new float[] {1, 3, 0, 2}, Rearrange.rot90(m, 1, new long[] {0, 1}).contiguous()
                .toFloatArray());
        assertArrayEquals(new float[] {2, 0, 3, 1}, Rearrange.rot90(m, -1, new long[] {0, 1}).contiguous()
                .toFloatArray());
        Tensor embedded = Rearrange.diagEmbed(Tensor.of(new float[] {1, 2}, 2), 1, -2, -1);
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 2, 0, 0, 0}, embedded.toFloatArray());
        assertArrayEquals(new float[] {2, 4}, Rearrange.sumToSize(m, new long[] {1, 2}).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 1}, Scatter.repeatInterleave(Tensor.of(new float[] {0, 1}, 2),
                Tensor.of(new long[] {2, 1}, 2), 0L, null).toFloatArray());
    }

    @Test
    void lossReductionsAndClassLosses() {
        Tensor a = Tensor.of(new float[] {1, 2, 3}, 3);
        Tensor b = Tensor.of(new float[] {1, 4, 0}, 3);
        assertArrayEquals(new float[] {0, 4, 9}, Losses.mse(a, b, 0).toFloatArray());
        assertArrayEquals(new float[] {13f / 3}, Losses.mse(a, b, 1).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {5}, Losses.l1(a, b, 2).toFloatArray());
        Tensor logp = Tensor.of(new float[] {-1, -2, -3, -4}, 2, 2);
        Tensor target = Tensor.of(new long[] {1, -100}, 2);
        assertArrayEquals(new float[] {2, 0}, ClassLosses.nll(logp, target, null, 0, -100).toFloatArray());
        assertArrayEquals(new float[] {2}, ClassLosses.nll(logp, target, null, 1, -100).toFloatArray());
    }

    @Test
    void indexPatterns() {
        Tensor m = arange(6, 2, 3);
        assertArrayEquals(new float[] {2, 0, 1, 5, 3, 4}, IndexPatterns.roll(m, new long[] {1}, new long[] {1})
                .toFloatArray());
        assertArrayEquals(new float[] {5, 0, 1, 2, 3, 4}, IndexPatterns.roll(m, new long[] {1}, new long[0])
                .toFloatArray());
        Tensor bd = IndexPatterns.blockDiag(Arrays.asList(Tensor.of(new long[] {1}, 1), Tensor.of(new float[] {2, 3},
                1, 2)));
        assertArrayEquals(new long[] {2, 3}, bd.sizes());
        assertArrayEquals(new float[] {1, 0, 0, 0, 2, 3}, bd.toFloatArray());
        assertArrayEquals(new float[] {0, 1, 0, 2, 1, 2}, IndexPatterns.combinations(arange(3, 3), 2, false)
                .toFloatArray());
        assertArrayEquals(new long[] {0, 1, 1, 0, 0, 1}, IndexPatterns.triangleIndices(2, 2, 0, true, null)
                .toLongArray());
        Tensor k = IndexPatterns.kron(Tensor.of(new float[] {1, 2}, 2), Tensor.of(new float[] {1, 10}, 2));
        assertArrayEquals(new float[] {1, 10, 2, 20}, k.toFloatArray());
    }
}
