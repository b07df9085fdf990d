package kiln.runtime.tensor.linalg;

import java.util.Arrays;
import java.util.List;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.Joining;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.TorchException;

/**
 * Determinants, inverses and linear solves of {@code torch.linalg}: by LU ({@code det}, {@code slogdet},
 * {@code inv}, {@code solve}, {@code lu_solve}), by triangular substitution ({@code triangular_solve},
 * {@code cholesky_solve}, {@code cholesky_inverse}), by LDL^T ({@code ldl_solve}) and least squares; right-hand
 * sides broadcast over the batch dims as in PyTorch.
 */
public final class Solvers {
    private Solvers() {
    }

    /** Solves in place for the {@code n x k} right-hand side {@code b} given the batch's {@code a}. */
    @FunctionalInterface
    interface RhsSolver {
        /** Returns LAPACK's info for this matrix (0 when it could be solved). */
        int solve(double[] a, int n, double[] b, int k);
    }

    /**
     * Solves {@code A X = B} for each pair of a batch, with broadcast batch dims: {@code a} is n x n (plus rows
     * of extra data for {@code solver}, such as pivots), {@code b} is n x k. Returns X (in {@code b}'s dtype) and
     * the int32 infos.
     */
    static Tensor[] solveEach(Tensor a, Tensor b, String fn, RhsSolver solver) {
        MatrixBatch.checkFloating(a, fn);
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime("Expected b and A to have the same dtype, but found b of type "
                + b.dtype() + " and A of type " + a.dtype() + " instead.");
        }
        long[] batch = MatrixBatch.broadcast(Arrays.copyOf(a.sizes(), a.dim() - 2), Arrays.copyOf(b.sizes(),
                b.dim() - 2));
        MatrixBatch am = MatrixBatch.of(MatrixBatch.expandBatch(a, batch).contiguous(), fn);
        MatrixBatch bm = MatrixBatch.of(MatrixBatch.expandBatch(b, batch).contiguous(), fn);
        if (am.cols() != bm.rows()) {
            throw TorchException.runtime(fn + ": Incompatible shapes of A and B for the equation "
                + "AX = B (" + am.rows() + "x" + am.cols() + " and " + bm.rows() + "x" + bm.cols() + ")");
        }
        int[][] infos = new int[bm.size()][1];
        double[][] x = new double[bm.size()][];
        for (int i = 0; i < bm.size(); i++) {
            x[i] = bm.matrices()[i];
            infos[i][0] = solver.solve(am.matrices()[i], am.cols(), x[i], bm.cols());
        }
        return new Tensor[] {MatrixBatch.assemble(batch, new long[] {bm.rows(), bm.cols()}, x, b.dtype()),
            MatrixBatch.assembleInts(batch, new long[0], infos, ScalarType.Int)};
    }

    /** LU-solves {@code A X = B} (or {@code A^T X = B}) in place; returns getrf's info. */
    private static int luSolve(double[] a, int n, double[] b, int k, boolean transpose) {
        int[] piv = new int[n];
        int info = Lapack.getrf(a, n, n, piv);
        solveFactored(a, n, piv, b, k, transpose);
        return info;
    }

    /** Solves with packed LU factors: {@code P L U X = B}, or {@code (P L U)^T X = B}. */
    static void solveFactored(double[] lu, int n, int[] piv, double[] b, int k, boolean transpose) {
        if (!transpose) {
            Lapack.permuteRows(b, k, piv, false);
            Lapack.trsm(lu, n, false, false, true, b, k);
            Lapack.trsm(lu, n, true, false, false, b, k);
        } else {
            Lapack.trsm(lu, n, true, true, false, b, k);
            Lapack.trsm(lu, n, false, true, true, b, k);
            Lapack.permuteRows(b, k, piv, true);
        }
    }

    /** Is {@code b} a batch of vectors for {@code A X = B} ({@code linalg.solve}'s rule)? */
    private static boolean vectorCase(Tensor a, Tensor b) {
        return b.dim() == 1 || b.dim() == a.dim() - 1 && Arrays.equals(b.sizes(), Arrays.copyOf(a.sizes(),
                a.dim() - 1));
    }

    /** {@code linalg.solve_ex}: {@code (X, info)} for {@code A X = B} ({@code X A = B} unless {@code left}). */
    public static Tensor[] solve(Tensor a, Tensor b, boolean left, boolean checkErrors) {
        return solve(a, b, left, checkErrors, "torch.linalg.solve_ex");
    }

    /** {@link #solve} with the name errors report ({@code torch.linalg.solve}, ...). */
    public static Tensor[] solve(Tensor a, Tensor b, boolean left, boolean checkErrors, String fn) {
        MatrixBatch.square(a, "linalg.solve");
        boolean vector = vectorCase(a, b);
        Tensor rhs = vector ? b.unsqueeze(-1) : b;
        Tensor[] r = left ? solveEach(a, rhs, "linalg.solve", (m, n, x, k) -> luSolve(m, n, x, k, false))
                : transposeResult(solveEach(a, rhs.transpose(-2, -1), "linalg.solve",
                        (m, n, x, k) -> luSolve(m, n, x, k, true)));
        checkSingular(r[1], checkErrors, fn);
        return new Tensor[] {vector ? r[0].squeeze(-1) : r[0], r[1]};
    }

    private static Tensor[] transposeResult(Tensor[] r) {
        return new Tensor[] {r[0].transpose(-2, -1).contiguous(), r[1]};
    }

    /** ATen's {@code _linalg_check_errors} for a singular matrix, worded for solves or for inverses. */
    private static void checkSingular(Tensor infos, boolean check, String fn) {
        if (!check) {
            return;
        }
        long[] info = infos.contiguous().toLongArray();
        for (int i = 0; i < info.length; i++) {
            if (info[i] > 0) {
                String batch = infos.dim() > 0 ? ": (Batch element " + i + ")" : "";
                throw TorchException.runtime(fn + batch + (fn.contains("solve")
                        ? ": The solver failed because the input matrix is singular."
                        : ": The diagonal element " + info[i] + " is zero, the inversion could not be completed "
                                + "because the input matrix is singular."));
            }
        }
    }

    /** {@code linalg.inv_ex}: {@code (inverse, info)}. */
    public static Tensor[] inv(Tensor a, boolean checkErrors) {
        return inv(a, checkErrors, "linalg.inv_ex");
    }

    /** {@link #inv} with the name errors report ({@code linalg.inv}, ...). */
    public static Tensor[] inv(Tensor a, boolean checkErrors, String fn) {
        MatrixBatch m = MatrixBatch.square(a, fn);
        Tensor[] r = solveEach(a, identity(m, a.dtype()), "linalg.inv", (x, n, b, k) -> luSolve(x, n, b, k,
                false));
        checkSingular(r[1], checkErrors, fn);
        return r;
    }

    /** Identity matrices with {@code m}'s batch and size. */
    static Tensor identity(MatrixBatch m, ScalarType dtype) {
        int n = m.rows();
        double[][] eye = new double[m.size()][];
        Arrays.setAll(eye, b -> Spectral.identity(n));
        return MatrixBatch.assemble(m.batch(), new long[] {n, n}, eye, dtype);
    }

    /** {@code linalg.lu_solve}: X from the packed LU factors and pivots of A. */
    public static Tensor luSolve(Tensor lu, Tensor pivots, Tensor b, boolean left, boolean adjoint) {
        MatrixBatch.square(lu, "linalg.lu_solve");
        TorchException.check(pivots.size(-1) == lu.size(-1), "linalg.lu_solve: Incompatible shapes of A and pivots");
        Tensor withPivots = joinPivots(lu, pivots);
        RhsSolver solver = (m, size, x, k) -> {
            int[] p = new int[size];
            for (int i = 0; i < size; i++) {
                p[i] = (int) m[size * size + i];
            }
            solveFactored(m, size, p, x, k, left == adjoint);
            return 0;
        };
        if (left) {
            return solveEach(withPivots, b, "linalg.lu_solve", solver)[0];
        }
        return solveEach(withPivots, b.transpose(-2, -1), "linalg.lu_solve", solver)[0].transpose(-2, -1)
                .contiguous();
    }

    /**
     * The factors with the pivots appended as one more row (exact in any float dtype for these small integers),
     * so that both broadcast together with B; solvers read them back from row n.
     */
    private static Tensor joinPivots(Tensor factors, Tensor pivots) {
        return Joining.cat(List.of(factors, pivots.to(factors.dtype()).unsqueeze(-2)), factors.dim() - 2);
    }

    /** {@code torch.triangular_solve}: {@code (X, A)} for {@code op(A) X = B} with triangular A. */
    public static Tensor[] triangularSolve(Tensor b, Tensor a, boolean upper, boolean transpose, boolean unit) {
        MatrixBatch.square(a, "torch.triangular_solve");
        Tensor x = solveEach(a, b, "torch.triangular_solve", (m, n, rhs, k) -> {
            Lapack.trsm(m, n, upper, transpose, unit, rhs, k);
            return 0;
        })[0];
        long[] batch = Arrays.copyOf(x.sizes(), x.dim() - 2);
        return new Tensor[] {x, MatrixBatch.expandBatch(a, batch).contiguous()};
    }

    /** {@code linalg.solve_triangular}: X for {@code A X = B}, or {@code X A = B} unless {@code left}. */
    public static Tensor solveTriangular(Tensor a, Tensor b, boolean upper, boolean left, boolean unit) {
        MatrixBatch.square(a, "linalg.solve_triangular");
        RhsSolver solver = (m, n, rhs, k) -> {
            Lapack.trsm(m, n, upper, !left, unit, rhs, k);
            return 0;
        };
        return left ? solveEach(a, b, "linalg.solve_triangular", solver)[0]
                : solveEach(a, b.transpose(-2, -1), "linalg.solve_triangular", solver)[0].transpose(-2, -1)
                        .contiguous();
    }

    /** {@code torch.cholesky_solve}: X for {@code A X = B} given the Cholesky factor of A. */
    public static Tensor choleskySolve(Tensor b, Tensor factor, boolean upper) {
        MatrixBatch.square(factor, "torch.cholesky_solve");
        return solveEach(factor, b, "torch.cholesky_solve", (m, n, rhs, k) -> {
            Lapack.trsm(m, n, upper, upper, false, rhs, k);
            Lapack.trsm(m, n, upper, !upper, false, rhs, k);
            return 0;
        })[0];
    }

    /** {@code torch.cholesky_inverse}: the inverse of {@code L L^T} (or {@code U^T U}). */
    public static Tensor choleskyInverse(Tensor factor, boolean upper) {
        MatrixBatch m = MatrixBatch.square(factor, "torch.cholesky_inverse");
        return choleskySolve(identity(m, factor.dtype()), factor, upper);
    }

    /** {@code linalg.ldl_solve}: X for {@code A X = B} from {@code ldl_factor}'s LD and pivots. */
    public static Tensor ldlSolve(Tensor ld, Tensor pivots, Tensor b, boolean hermitian) {
        MatrixBatch.square(ld, "torch.linalg.ldl_solve");
        Tensor withPivots = joinPivots(ld, pivots);
        return solveEach(withPivots, b, "torch.linalg.ldl_solve", (m, n, rhs, k) -> {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = (int) m[n * n + i];
            }
            Lapack.sytrs(m, n, p, rhs, k);
            return 0;
        })[0];
    }
}
