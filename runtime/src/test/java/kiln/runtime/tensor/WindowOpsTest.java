package kiln.runtime.tensor;

import static kiln.runtime.tensor.Assertions2.arange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Padding, pooling in 1d/2d/3d and interpolation against values worked out by hand. */
class WindowOpsTest {
    @Test
    void padModesMapIndicesAsPyTorch() {
        Tensor x = arange(3, 1, 3);
        assertArrayEquals(new float[] {1, 0, 1, 2, 1, 0}, Padding.pad(x, new long[] {1, 2}, "reflect", null)
                .toFloatArray());
        assertArrayEquals(new float[] {0, 0, 1, 2, 2, 2}, Padding.pad(x, new long[] {1, 2}, "replicate", null)
                .toFloatArray());
        assertArrayEquals(new float[] {2, 0, 1, 2, 0, 1}, Padding.pad(x, new long[] {1, 2}, "circular", null)
                .toFloatArray());
        assertArrayEquals(new float[] {7, 0, 1, 2, 7}, Padding.pad(x, new long[] {1, 1}, "constant", 7.0)
                .toFloatArray());
        assertThrows(TorchException.class, () -> Padding.pad(x, new long[] {3, 0}, "reflect", null));
        Tensor transposed = arange(6, 3, 2).transpose(0, 1);
        assertArrayEquals(new float[] {0, 0, 2, 4, 1, 1, 3, 5}, Padding.pad(transposed, new long[] {1, 0},
                "replicate", null).toFloatArray());
    }

    @Test
    void maxPoolReturnsFlatPlaneIndicesAndNanWins() {
        Tensor x = Tensor.of(new float[] {1, 5, 2, Float.NaN, 3, 4}, 1, 1, 6);
        Tensor[] r = Pooling.maxPool(x, 1, new long[] {2}, new long[] {2}, new long[] {0}, new long[] {1}, false);
        assertArrayEquals(new float[] {5, Float.NaN, 4}, r[0].toFloatArray());
        assertArrayEquals(new long[] {1, 3, 5}, r[1].toLongArray());
        Tensor cube = arange(27, 1, 3, 3, 3);
        Tensor[] c = Pooling.maxPool(cube, 3, new long[] {2}, new long[] {1}, new long[] {0}, new long[] {1},
                false);
        assertArrayEquals(new long[] {1, 2, 2, 2}, c[0].sizes());
        assertArrayEquals(new long[] {13, 14, 16, 17, 22, 23, 25, 26}, c[1].toLongArray());
        Tensor back = Pooling.maxUnpool(c[0], c[1], new long[] {3, 3, 3});
        assertEquals(13f, back.toFloatArray()[13]);
        assertEquals(0f, back.toFloatArray()[0]);
    }

    @Test
    void averagesCountPaddingOrNotAndDivideIntegersTruncating() {
        Tensor x = arange(4, 1, 1, 4);
        assertArrayEquals(new float[] {0, 1.5f, 3}, Pooling.avgPool(x, 1, new long[] {2}, new long[] {2},
                new long[] {1}, false, false, null).toFloatArray());
        assertArrayEquals(new float[] {0, 1.5f, 1.5f}, Pooling.avgPool(x, 1, new long[] {2}, new long[] {2},
                new long[] {1}, false, true, null).toFloatArray());
        Tensor ints = Tensor.of(new long[] {1, 2, 4, 4}, 1, 1, 4);
        assertArrayEquals(new long[] {1, 4}, Pooling.avgPool(ints, 1, new long[] {2}, new long[0], new long[] {0},
                false, true, null).toLongArray());
        Tensor[] adaptive = Pooling.adaptiveMaxPool(arange(5, 1, 5), new long[] {2});
        assertArrayEquals(new float[] {2, 4}, adaptive[0].toFloatArray());
        assertArrayEquals(new float[] {1, 3}, Pooling.adaptiveAvgPool(arange(5, 1, 5), new long[] {2})
                .toFloatArray());
    }

    @Test
    void interpolationModes() {
        Tensor x = arange(4, 1, 1, 4);
        Interpolation.Mode linear = Interpolation.Mode.LINEAR;
        assertArrayEquals(new float[] {0, 1.5f, 3}, Interpolation.upsample(x, linear, new long[] {3}, null, true)
                .toFloatArray());
        assertArrayEquals(new float[] {0.16666667f, 1.5f, 2.8333333f}, Interpolation.upsample(x, linear,
                new long[] {3}, null, false).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0, 1, 2}, Interpolation.upsample(x, Interpolation.Mode.NEAREST,
                new long[] {3}, null, false).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 1, 1, 2, 2, 3, 3}, Interpolation.upsample(x,
                Interpolation.Mode.NEAREST, null, new double[] {2}, false).toFloatArray());
        Tensor square = arange(4, 1, 1, 2, 2);
        Tensor cubic = Interpolation.upsample(square, Interpolation.Mode.CUBIC, new long[] {2, 2}, null, true);
        assertArrayEquals(square.toFloatArray(), cubic.toFloatArray(), 1e-6f);
    }

    @Test
    void instanceNormNormalizesEachPlaneAndAveragesRunningStatistics() {
        Tensor x = arange(4, 1, 2, 2);
        Tensor runningMean = Tensor.zeros(kiln.dialects.torch.types.ScalarType.Float, 2);
        Tensor y = Normalization.instanceNorm(x, null, null, runningMean, null, true, 0.1, 0);
        assertArrayEquals(new float[] {-1, 1, -1, 1}, y.toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0.05f, 0.25f}, runningMean.toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {(float) Math.log(2)}, Losses.softMargin(Tensor.of(new float[] {0}, 1),
                Tensor.of(new float[] {1}, 1), 1).toFloatArray(), 1e-6f);
    }

    @Test
    void affineGridWithIdentityThetaSamplesTheInputBack() {
        Tensor identity2d = Tensor.of(new float[] {1, 0, 0, 0, 1, 0}, 1, 2, 3);
        Tensor grid = GridSampling.affineGrid(identity2d, new long[] {1, 1, 2, 3}, false);
        assertArrayEquals(new long[] {1, 2, 3, 2}, grid.sizes());
        assertArrayEquals(new float[] {-2f / 3, -0.5f, 0, -0.5f, 2f / 3, -0.5f}, java.util.Arrays.copyOf(
                grid.toFloatArray(), 6), 1e-6f);
        Tensor x = arange(6, 1, 1, 2, 3);
        assertArrayEquals(x.toFloatArray(), GridSampling.gridSample(x, grid, 0, 0, false).toFloatArray(), 1e-5f);
        Tensor identity3d = Tensor.of(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, 1, 3, 4);
        Tensor cube = arange(8, 1, 1, 2, 2, 2);
        Tensor grid3d = GridSampling.affineGrid(identity3d, new long[] {1, 1, 2, 2, 2}, true);
        assertArrayEquals(cube.toFloatArray(), GridSampling.gridSample(cube, grid3d, 0, 1, true).toFloatArray(),
                1e-5f);
        assertArrayEquals(cube.toFloatArray(), GridSampling.gridSample(cube, grid3d, 1, 0, true).toFloatArray());
    }

    @Test
    void distances() {
        Tensor rows = Tensor.of(new float[] {0, 0, 3, 4, 6, 8}, 3, 2);
        assertArrayEquals(new float[] {5, 10, 5}, Statistics.pdist(rows, 2).toFloatArray(), 1e-6f);
        Tensor cos = Losses.cosineSimilarity(Tensor.of(new float[] {1, 0}, 1, 2), Tensor.of(new float[] {1, 1}, 1, 2),
                1, 1e-8);
        assertArrayEquals(new float[] {(float) Math.sqrt(0.5)}, cos.toFloatArray(), 1e-6f);
    }
}
