package kiln.runtime.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.LinearAlgebra;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.TorchException;
import org.junit.jupiter.api.Test;

/** The factorizations and solves against hand-worked values and their defining identities. */
class LinalgTest {
    private static final double TOL = 1e-12;

    private static Tensor matrix(double[] v, long... shape) {
        return Tensor.of(v, shape);
    }

    @Test
    void determinantsAndInverse() {
        Tensor a = matrix(new double[] {1, 2, 3, 4}, 2, 2);
        assertEquals(-2, MatrixFunctions.det(a).item().toDouble(), TOL);
        Tensor[] slog = MatrixFunctions.slogdet(a);
        assertEquals(-1, slog[0].item().toDouble());
        assertEquals(Math.log(2), slog[1].item().toDouble(), TOL);
        assertArrayEquals(new double[] {-2, 1, 1.5, -0.5}, Solvers.inv(a, true)[0].toDoubleArray(), TOL);
        Tensor transposed = a.t();
        assertEquals(-2, MatrixFunctions.det(transposed).item().toDouble(), TOL, "a non-contiguous input");
        Tensor singular = matrix(new double[] {1, 2, 2, 4}, 2, 2);
        assertEquals(0, Math.abs(MatrixFunctions.det(singular).item().toDouble()));
        assertThrows(TorchException.class, () -> Solvers.inv(singular, true));
        assertEquals(2, Solvers.inv(singular, false)[1].item().toLong(), "LAPACK's info: the zero pivot");
        assertArrayEquals(new long[] {0}, MatrixFunctions.det(Tensor.zeros(ScalarType.Float, 0, 3, 3)).sizes());
    }

    @Test
    void solvesBroadcastOverBatches() {
        Tensor a = matrix(new double[] {2, 1, 1, 3}, 2, 2);
        Tensor b = matrix(new double[] {3, 5, 1, 2}, 2, 2, 1);
        Tensor x = Solvers.solve(a, b, true, true)[0];
        assertArrayEquals(new long[] {2, 2, 1}, x.sizes());
        assertArrayEquals(new double[] {0.8, 1.4, 0.2, 0.6}, x.toDoubleArray(), TOL);
        Tensor vector = Solvers.solve(a, Tensor.of(new double[] {3, 5}), true, true)[0];
        assertArrayEquals(new double[] {0.8, 1.4}, vector.toDoubleArray(), TOL);
        Tensor[] lu = Decompositions.luFactor(a, true, "lu_factor");
        assertArrayEquals(new double[] {0.8, 1.4}, Solvers.luSolve(lu[0], lu[1], Tensor.of(new double[] {3, 5},
                2, 1), true, false).toDoubleArray(), TOL);
        Tensor l = Decompositions.cholesky(a, false, "cholesky", true)[0];
        assertArrayEquals(new double[] {0.8, 1.4}, Solvers.choleskySolve(Tensor.of(new double[] {3, 5}, 2, 1), l,
                false).toDoubleArray(), TOL);
        Tensor[] ldl = Decompositions.ldlFactor(a, false);
        assertArrayEquals(new double[] {0.8, 1.4}, Solvers.ldlSolve(ldl[0], ldl[1], Tensor.of(new double[] {3, 5},
                2, 1), false).toDoubleArray(), TOL);
    }

    @Test
    void triangularSolvesAndHouseholderProducts() {
        Tensor u = matrix(new double[] {2, 1, 0, 4}, 2, 2);
        Tensor b = matrix(new double[] {4, 8}, 2, 1);
        assertArrayEquals(new double[] {1, 2}, Solvers.solveTriangular(u, b, true, true, false).toDoubleArray(),
                TOL);
        Tensor row = matrix(new double[] {2, 9}, 1, 2);
        assertArrayEquals(new double[] {1, 2}, Solvers.solveTriangular(u, row, true, false, false).toDoubleArray(),
                TOL, "X U = B");
        Tensor m = matrix(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Tensor[] packed = Decompositions.geqrf(m);
        Tensor q = Decompositions.qr(m, "complete")[0];
        Tensor c = matrix(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 3);
        assertArrayEquals(q.toDoubleArray(), Decompositions.ormqr(packed[0], packed[1], c, true, false)
                .toDoubleArray(), TOL);
        assertArrayEquals(q.t().contiguous().toDoubleArray(), Decompositions.ormqr(packed[0], packed[1], c, false,
                true).toDoubleArray(), TOL);
    }

    @Test
    void factorizationsFollowLapack() {
        Tensor a = matrix(new double[] {4, 2, 2, 3}, 2, 2);
        assertArrayEquals(new double[] {2, 0, 1, Math.sqrt(2)}, Decompositions.cholesky(a, false, "cholesky",
                true)[0].toDoubleArray(), TOL);
        Tensor m = matrix(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Tensor[] qr = Decompositions.qr(m, "reduced");
        assertArrayEquals(m.toDoubleArray(), LinearAlgebra.matmul(qr[0], qr[1]).toDoubleArray(), 1e-12);
        assertEquals(-Math.sqrt(35), qr[1].toDoubleArray()[0], TOL, "R[0][0] = -sign(a00) * ||a_0||, as dgeqrf");
        Tensor[] plu = Decompositions.lu(m, true);
        Tensor back = LinearAlgebra.matmul(LinearAlgebra.matmul(plu[0], plu[1]), plu[2]);
        assertArrayEquals(m.toDoubleArray(), back.toDoubleArray(), TOL);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1, 1, 0, 0}, plu[0].toDoubleArray(), "pivots on 5, then 0.8");
    }

    @Test
    void spectralDecompositions() {
        Tensor s = matrix(new double[] {2, 1, 1, 2}, 2, 2);
        assertArrayEquals(new double[] {1, 3}, Decompositions.eigh(s, "L", false)[0].toDoubleArray(), TOL);
        Tensor d = matrix(new double[] {3, 0, 0, -4}, 2, 2);
        assertArrayEquals(new double[] {4, 3}, Decompositions.svd(d, false)[1].toDoubleArray(), TOL);
        Tensor m = matrix(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor pinv = MatrixFunctions.pinv(m, null, null, false);
        Tensor identity = LinearAlgebra.matmul(m, pinv);
        assertArrayEquals(new double[] {1, 0, 0, 1}, identity.toDoubleArray(), 1e-12);
        assertEquals(2, MatrixFunctions.matrixRank(m.t(), null, null, false).item().toLong());
        assertEquals(1, MatrixFunctions.matrixRank(matrix(new double[] {1, 2, 2, 4}, 2, 2), null, null, true)
                .item().toLong());
    }

    @Test
    void normsPowersAndProducts() {
        Tensor a = matrix(new double[] {1, -2, 3, 4}, 2, 2);
        assertEquals(Math.sqrt(30), Norms.matrixNorm(a, "fro", new long[] {-2, -1}, false, null).item()
                .toDouble(), TOL);
        assertEquals(6, Norms.matrixNorm(a, 1L, new long[] {-2, -1}, false, null).item().toDouble(), TOL);
        assertEquals(7, Norms.matrixNorm(a, Double.POSITIVE_INFINITY, new long[] {-2, -1}, false, null).item()
                .toDouble(), TOL);
        assertArrayEquals(new double[] {-5, -10, 15, 10}, MatrixFunctions.matrixPower(a, 2).toDoubleArray(), TOL);
        assertArrayEquals(new double[] {Math.E, 0, 0, 1 / Math.E}, MatrixFunctions.matrixExp(matrix(new double[] {
            1, 0, 0, -1}, 2, 2)).toDoubleArray(), 1e-12);
        Tensor x = Tensor.of(new double[] {1, 0, 0});
        Tensor y = Tensor.of(new double[] {0, 1, 0});
        assertArrayEquals(new double[] {0, 0, 1}, MatrixFunctions.cross(x, y, -1).toDoubleArray());
        assertArrayEquals(new double[] {1, 2, 4, 1, 3, 9}, MatrixFunctions.vander(Tensor.of(new double[] {2, 3}),
                3L).toDoubleArray());
    }
}
