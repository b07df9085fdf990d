package kiln.runtime.tensor;

import static kiln.runtime.tensor.Assertions2.arangeF;
import static org.junit.jupiter.api.Assertions.assertEquals;

import kiln.dialects.torch.types.ScalarType;
import org.junit.jupiter.api.Test;

/** Python's repr(tensor), as torch/_tensor_str.py prints with default options. */
class TensorFormatterTest {
    private static Tensor floats(float... v) {
        return Tensor.of(v);
    }

    private static Tensor arangeL(long n) {
        return Tensor.arange(n, ScalarType.Long);
    }

    @Test
    void scalars() {
        assertEquals("tensor(-0.0054)", Tensor.scalar(Scalar.of(-0.0054)).toString());
        assertEquals("tensor(0.3421)", Tensor.scalar(Scalar.of(0.34210026264190674)).toString());
        assertEquals("tensor(3)", Tensor.scalar(Scalar.of(3L)).toString());
        assertEquals("tensor(True)", Tensor.scalar(Scalar.of(true)).toString());
        assertEquals("tensor(-0.)", Tensor.scalar(Scalar.of(-0.0)).toString());
        assertEquals("tensor(2.5000, dtype=torch.float64)",
                Tensor.scalar(Scalar.of(2.5), ScalarType.Double).toString());
        assertEquals("tensor(1.0000e-05)", Tensor.scalar(Scalar.of(1e-5)).toString());
    }

    @Test
    void vectors() {
        assertEquals("tensor([1, 2, 3])", Tensor.of(new long[] {1, 2, 3}).toString());
        assertEquals("tensor([1., 2., 3.])", floats(1, 2, 3).toString());
        assertEquals("tensor([0., 0., 0.])", Tensor.zeros(ScalarType.Float, 3).toString());
        assertEquals("tensor([-0.])", floats(-0f).toString());
        assertEquals("tensor([ True, False])", Tensor.of(new boolean[] {true, false}).toString());
        assertEquals("tensor([1, 2], dtype=torch.int32)", Tensor.of(new int[] {1, 2}).toString());
        assertEquals("tensor([255,   0], dtype=torch.uint8)",
                Tensor.of(new byte[] {(byte) 255, 0}, ScalarType.Byte).toString());
        assertEquals("tensor([-5,  3], dtype=torch.int8)",
                Tensor.of(new byte[] {-5, 3}, ScalarType.Char).toString());
        assertEquals("tensor([1.5000, 2.2500], dtype=torch.float16)",
                floats(1.5f, 2.25f).to(ScalarType.Half).toString());
        assertEquals("tensor([1., 2.], dtype=torch.bfloat16)", floats(1, 2).to(ScalarType.BFloat16).toString());
    }

    @Test
    void notationFollowsTheMagnitudes() {
        assertEquals("tensor([1.0000e-05, 1.0000e+00])", floats(1e-5f, 1).toString());
        assertEquals("tensor([1.2340e-05])", floats(1.234e-5f).toString());
        assertEquals("tensor([100000000.])", floats(1e8f).toString());
        assertEquals("tensor([1.0000e+09])", floats(1e9f).toString());
        assertEquals("tensor([-1.0000e+10,  1.0000e+00])", floats(-1e10f, 1).toString());
        assertEquals("tensor([   1., 1000.])", floats(1, 1000).toString());
        assertEquals("tensor([1.0000e+00, 1.0010e+03])", floats(1, 1001).toString());
        assertEquals("tensor([ 0.1000, -2.0000])", floats(0.1f, -2).toString());
        assertEquals("tensor([0.1235, 0.1250])", floats(0.12345f, 0.125f).toString());
    }

    @Test
    void nanAndInfinity() {
        assertEquals("tensor([nan, 1., inf])", floats(Float.NaN, 1, Float.POSITIVE_INFINITY).toString());
        assertEquals("tensor([   -inf, -2.5000])", floats(Float.NEGATIVE_INFINITY, -2.5f).toString());
        assertEquals("tensor([nan, nan])", floats(Float.NaN, Float.NaN).toString());
        assertEquals("tensor([1.0000e-05,        nan])", floats(1e-5f, Float.NaN).toString());
    }

    @Test
    void matrices() {
        assertEquals("tensor([[ 0.1000, -2.0000],\n        [ 3.5000,  4.2500]])",
                Tensor.of(new float[] {0.1f, -2, 3.5f, 4.25f}, 2, 2).toString());
        assertEquals("tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]])",
                arangeL(8).view(2, 2, 2).toString());
        assertEquals("tensor([[0., 3.],\n        [1., 4.],\n        [2., 5.]])", arangeF(2, 3).t().toString());
    }

    @Test
    void longRowsWrapAtEightyColumns() {
        assertEquals("tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n"
                + "        14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,\n"
                + "        28., 29.])", arangeF(30).toString());
        assertEquals("tensor([0., 1., 2., 3., 4., 5., 6., 7., 8., 9.], dtype=torch.float64)",
                arangeF(10).to(ScalarType.Double).toString());
        assertEquals("tensor([1.5000, 1.5000, 1.5000, 1.5000, 1.5000, 1.5000, 1.5000, 1.5000],\n"
                + "       dtype=torch.float64)", Tensor.full(Scalar.of(1.5), ScalarType.Double, 8).toString());
    }

    @Test
    void largeTensorsAreSummarized() {
        assertEquals("tensor([   0,    1,    2,  ..., 1997, 1998, 1999])", arangeL(2000).toString());
        assertEquals("tensor([[   0,    1,    2,  ...,   47,   48,   49],\n"
                + "        [  50,   51,   52,  ...,   97,   98,   99],\n"
                + "        [ 100,  101,  102,  ...,  147,  148,  149],\n"
                + "        ...,\n"
                + "        [1850, 1851, 1852,  ..., 1897, 1898, 1899],\n"
                + "        [1900, 1901, 1902,  ..., 1947, 1948, 1949],\n"
                + "        [1950, 1951, 1952,  ..., 1997, 1998, 1999]])", arangeL(2000).view(40, 50).toString());
        assertEquals("tensor([0., 0., 0.,  ..., 0., 0., 0.])", Tensor.zeros(ScalarType.Float, 1001).toString());
        long[] digits = new long[1001];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = i % 10;
        }
        assertEquals("tensor([0, 1, 2,  ..., 8, 9, 0])", Tensor.of(digits).toString());
    }

    @Test
    void emptyTensors() {
        assertEquals("tensor([])", floats().toString());
        assertEquals("tensor([], size=(0, 3))", Tensor.zeros(ScalarType.Float, 0, 3).toString());
        assertEquals("tensor([], dtype=torch.int64)", Tensor.of(new long[0]).toString());
        assertEquals("tensor([], size=(2, 0), dtype=torch.bool)", Tensor.zeros(ScalarType.Bool, 2, 0).toString());
    }
}
