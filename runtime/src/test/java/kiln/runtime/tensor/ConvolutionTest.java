package kiln.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import kiln.dialects.torch.types.ScalarType;
import org.junit.jupiter.api.Test;

/**
 * The float32 convolution paths (patches packed straight into GEMM, depthwise, 1x1) against float64, which
 * builds the patch matrix as a tensor and multiplies in double; and a direct definition for one case.
 */
class ConvolutionTest {
    private static final Random RANDOM = new Random(3);

    private static Tensor random(long... shape) {
        float[] data = new float[(int) Shapes.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) RANDOM.nextGaussian();
        }
        return Tensor.of(data, shape);
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.sizes(), actual.sizes());
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-4 * (1 + Math.abs(e[i])), "element " + i);
        }
    }

    private static void check(int spatial, long[] input, long[] weight, long[] stride, long[] padding,
            long[] dilation, long groups) {
        Tensor x = random(input);
        Tensor w = random(weight);
        Tensor b = random(weight[0]);
        Tensor f = Convolution.convolution(x, w, b, stride, padding, dilation, groups, spatial);
        Tensor d = Convolution.convolution(x.to(ScalarType.Double), w.to(ScalarType.Double),
                b.to(ScalarType.Double), stride, padding, dilation, groups, spatial);
        assertClose(d, f);
    }

    @Test
    void floatPathsMatchDouble() {
        check(2, new long[] {2, 3, 11, 9}, new long[] {4, 3, 3, 3}, new long[] {1}, new long[] {1}, new long[] {1}, 1);
        check(2, new long[] {1, 4, 13, 14}, new long[] {6, 2, 3, 2}, new long[] {2, 3}, new long[] {1, 2},
                new long[] {2, 1}, 2);
        check(2, new long[] {2, 6, 9, 9}, new long[] {6, 1, 5, 5}, new long[] {2}, new long[] {2}, new long[] {1}, 6);
        check(2, new long[] {1, 5, 7, 6}, new long[] {3, 5, 1, 1}, new long[] {1}, new long[] {0}, new long[] {1}, 1);
        check(2, new long[] {1, 40, 20, 20}, new long[] {70, 40, 3, 3}, new long[] {1}, new long[] {1},
                new long[] {1}, 1);
        check(1, new long[] {2, 3, 17}, new long[] {5, 3, 4}, new long[] {2}, new long[] {3}, new long[] {2}, 1);
        check(3, new long[] {1, 2, 5, 6, 7}, new long[] {3, 2, 2, 3, 3}, new long[] {1, 2, 1}, new long[] {1},
                new long[] {1}, 1);
    }

    @Test
    void transposedConvolutionMatchesDouble() {
        Tensor x = random(2, 4, 5, 6);
        Tensor w = random(4, 3, 3, 2);
        long[] stride = {2, 1};
        long[] padding = {1, 0};
        long[] outPad = {1, 0};
        long[] dilation = {1, 2};
        Tensor f = Convolution.convTranspose(x, w, null, stride, padding, outPad, 2, dilation, 2);
        assertArrayEquals(new long[] {2, 6, 10, 8}, f.sizes());
        Tensor d = Convolution.convTranspose(x.to(ScalarType.Double), w.to(ScalarType.Double), null, stride,
                padding, outPad, 2, dilation, 2);
        assertClose(d, f);
    }

    @Test
    void aSmallConvolutionByDefinition() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor w = Tensor.of(new float[] {1, 0, 0, -1}, 1, 1, 2, 2);
        Tensor out = Convolution.conv2d(x, w, null, new long[] {1}, new long[] {1}, new long[] {1}, 1);
        assertArrayEquals(new float[] {-1, -2, -3, 0, -4, -4, -4, 3, -7, -4, -4, 6, 0, 7, 8, 9}, out.toFloatArray());
    }
}
