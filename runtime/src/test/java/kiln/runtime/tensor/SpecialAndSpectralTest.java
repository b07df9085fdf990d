package kiln.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kiln.dialects.torch.types.ScalarType;
import org.junit.jupiter.api.Test;

/** Special functions, the real FFTs and the order statistics against reference values. */
class SpecialAndSpectralTest {
    private static final double TOL = 1e-14;
    private static final OrthogonalPolynomials.Precision D = OrthogonalPolynomials.Precision.DOUBLE;

    @Test
    void specialFunctionsMatchReferenceValues() {
        assertEquals(1.2660658777520082, Bessel.i0(1), TOL);
        assertEquals(0.44005058574493355, Bessel.j1(1), TOL);
        assertEquals(0.08825696421567697, Bessel.y0(1), TOL);
        assertEquals(0.42102443824070834, Bessel.k0(1), TOL);
        assertEquals(0.3550280538878172, Bessel.airyAi(0), TOL);
        assertEquals(0.5723649429247001, GammaFunctions.lgamma(0.5), TOL);
        assertEquals(-0.5772156649015329, GammaFunctions.digamma(1), TOL);
        assertEquals(0.4769362762044699, GammaFunctions.erfinv(0.5), TOL);
        assertEquals(1.959963984540054, GammaFunctions.ndtri(0.975), TOL);
        assertEquals(Math.PI * Math.PI / 6, GammaFunctions.zeta(2, 1), TOL);
        assertEquals(Math.exp(-1), GammaFunctions.igammac(1, 1), TOL);
        assertEquals(-1, OrthogonalPolynomials.chebyshevT(0.5, 3, D), TOL);
        assertEquals(40, OrthogonalPolynomials.hermiteH(2, 3, D), TOL);
        assertEquals(-0.125, OrthogonalPolynomials.legendreP(0.5, 2, D), TOL);
        assertEquals(-0.5, OrthogonalPolynomials.laguerreL(1, 2, D), TOL);
        assertEquals(0, OrthogonalPolynomials.chebyshevU(0.3, Double.NaN, D), "a NaN degree casts to INT64_MIN");
        Tensor ints = Tensor.of(new long[] {1, 2});
        Tensor y = Pointwise.binary(BinaryOp.SPECIAL_LEGENDRE_POLYNOMIAL_P, ints, Scalar.of(2L));
        assertEquals(ScalarType.Float, y.dtype());
        assertArrayEquals(new float[] {1, 5.5f}, y.toFloatArray());
    }

    @Test
    void realFourierTransforms() {
        Tensor impulse = Tensor.of(new float[] {1, 0, 0});
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, Fourier.irfftn(impulse, new long[] {4}, null,
                null).toFloatArray(), 1e-7f);
        Tensor x = Tensor.of(new double[] {1, 2, 3});
        assertArrayEquals(new double[] {8, -2, 0, -2}, Fourier.hfftn(x, new long[] {4}, null, null)
                .toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {4, -1, 0, -1}, Fourier.hfftn(x, new long[] {4}, null, "ortho")
                .toDoubleArray(), 1e-12);
        Tensor r = Tensor.of(new double[] {0, 1, 2, 3, 4});
        assertArrayEquals(new double[] {3, 4, 0, 1, 2}, Fourier.fftshift(r, null, false).toDoubleArray());
        assertArrayEquals(new double[] {2, 3, 4, 0, 1}, Fourier.fftshift(r, null, true).toDoubleArray());
        assertEquals(7.0, Fourier.fftshift(Tensor.of(new double[] {7}).reshape(), null, false).item().toDouble());
    }

    @Test
    void orderStatistics() {
        Tensor x = Tensor.of(new double[] {5, 5, 7, 6, 5, 1, 9, 9, 2, 3}, 2, 5);
        Tensor[] k = OrderStatistics.kthvalue(x, 2, -1, false);
        assertArrayEquals(new double[] {5, 2}, k[0].toDoubleArray());
        assertArrayEquals(new long[] {0, 3}, k[1].toLongArray(), "the first of equal values");
        Tensor[] mode = OrderStatistics.mode(x, -1, false);
        assertArrayEquals(new double[] {5, 9}, mode[0].toDoubleArray());
        assertArrayEquals(new long[] {4, 2}, mode[1].toLongArray(), "the last occurrence");
        assertEquals(5, OrderStatistics.median(x, false).item().toDouble());
        Tensor withNan = Tensor.of(new double[] {1, Double.NaN, 3});
        assertEquals(Double.NaN, OrderStatistics.median(withNan, false).item().toDouble());
        assertEquals(1, OrderStatistics.median(withNan, true).item().toDouble());
        assertEquals(2.5, OrderStatistics.quantile(Tensor.of(new double[] {1, 2, 3, 4}), 0.5, null, false,
                "linear", false).item().toDouble());
        Tensor[] cummin = OrderStatistics.cumulativeExtreme(Tensor.of(new double[] {3, 1, 2, 1}), 0, false);
        assertArrayEquals(new double[] {3, 1, 1, 1}, cummin[0].toDoubleArray());
        assertArrayEquals(new long[] {0, 1, 1, 3}, cummin[1].toLongArray());
    }

    @Test
    void calculusAndStatistics() {
        Tensor y = Tensor.of(new double[] {1, 4, 9, 16});
        assertArrayEquals(new double[] {3, 5, 7}, Statistics.diff(y, 1, -1, null, null).toDoubleArray());
        List<Tensor> g = Statistics.gradient(y, 1, null, 1);
        assertArrayEquals(new double[] {3, 4, 6, 7}, g.getFirst().toDoubleArray());
        Tensor x = Tensor.of(new double[] {0, 1, 2, 3});
        assertEquals(21.5, Statistics.trapezoid(y, x, -1).item().toDouble());
        assertArrayEquals(new double[] {2.5, 9, 21.5}, Statistics.cumulativeTrapezoid(y, x, -1).toDoubleArray());
        assertEquals(5.0 / 3, Statistics.cov(Tensor.of(new double[] {1, 2, 3, 4}), 1, null, null).item()
                .toDouble(), 1e-12);
        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 0.75f, 1}, Statistics.linspace(0, 1, 5, ScalarType.Float)
                .toFloatArray());
        Tensor samples = Tensor.of(new double[] {0, 0.5, 1, 2, 3, 3}, 6, 1);
        List<Tensor> even = Statistics.histogramdd(samples, new long[] {3}, null, null, false);
        assertArrayEquals(new double[] {2, 1, 3}, even.getFirst().toDoubleArray(), "the last bin is closed");
        assertArrayEquals(new double[] {0, 1, 2, 3}, even.get(1).toDoubleArray());
        assertArrayEquals(new double[] {2, 1, 3}, Statistics.histc(samples, 3, 0, 0).toDoubleArray());
        assertArrayEquals(new double[] {1, 2, Math.sqrt(5)}, Statistics.pdist(Tensor.of(new double[] {0, 0, 1, 0, 0,
            2}, 3, 2), 2).toDoubleArray(), 1e-15);
        List<Tensor> given = Statistics.histogramdd(samples, List.of(Tensor.of(new double[] {0, 0.75, 3})), null,
                true);
        assertArrayEquals(new double[] {2.0 / 6 / 0.75, 4.0 / 6 / 2.25}, given.getFirst().toDoubleArray(), 1e-12);
    }
}
