package kiln.runtime.tensor.linalg;

import java.util.Arrays;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.LinearAlgebra;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.TorchException;

/**
 * The matrix factorizations of {@code torch.linalg} and their unpacking: LU, Cholesky, QR (and its Householder
 * form), LDL^T, the symmetric eigen decomposition and the SVD, batched over leading dims, computed in double
 * and returned in the input's dtype (pivots and infos as int32).
 */
public final class Decompositions {
    private Decompositions() {
    }

    /** {@code linalg.lu_factor_ex}: {@code (LU, pivots, info)}. */
    public static Tensor[] luFactor(Tensor a, boolean pivot, String fn) {
        if (!pivot) {
            throw TorchException.runtime(fn + ": LU without pivoting is not implemented on the CPU");
        }
        MatrixBatch m = MatrixBatch.of(a, fn);
        int k = Math.min(m.rows(), m.cols());
        int[][] pivots = new int[m.size()][k];
        int[][] infos = new int[m.size()][1];
        double[][] lu = new double[m.size()][];
        for (int b = 0; b < m.size(); b++) {
            lu[b] = m.matrices()[b];
            infos[b][0] = Lapack.getrf(lu[b], m.rows(), m.cols(), pivots[b]);
        }
        return new Tensor[] {MatrixBatch.assemble(m.batch(), new long[] {m.rows(), m.cols()}, lu, a.dtype()),
            MatrixBatch.assembleInts(m.batch(), new long[] {k}, pivots, ScalarType.Int),
            MatrixBatch.assembleInts(m.batch(), new long[0], infos, ScalarType.Int)};
    }

    /** {@code linalg.lu}: {@code (P, L, U)} with {@code A = P L U}. */
    public static Tensor[] lu(Tensor a, boolean pivot) {
        Tensor[] f = luFactor(a, pivot, "linalg.lu");
        return luUnpack(f[0], f[1], true, true);
    }

    /** {@code torch.lu_unpack}: P, L and U from packed LU factors and 1-based pivots. */
    public static Tensor[] luUnpack(Tensor luData, Tensor pivots, boolean unpackData, boolean unpackPivots) {
        MatrixBatch m = MatrixBatch.of(luData, "lu_unpack");
        int rows = m.rows();
        int cols = m.cols();
        int k = Math.min(rows, cols);
        long[] piv = pivots.contiguous().toLongArray();
        double[][] p = new double[m.size()][];
        double[][] l = new double[m.size()][];
        double[][] u = new double[m.size()][];
        for (int b = 0; b < m.size(); b++) {
            double[] x = m.matrices()[b];
            l[b] = new double[rows * k];
            u[b] = new double[k * cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < k; j++) {
                    l[b][i * k + j] = i == j ? 1 : i > j ? x[i * cols + j] : 0;
                }
            }
            for (int i = 0; i < k; i++) {
                for (int j = i; j < cols; j++) {
                    u[b][i * cols + j] = x[i * cols + j];
                }
            }
            int[] perm = new int[rows];
            for (int i = 0; i < rows; i++) {
                perm[i] = i;
            }
            for (int i = 0; i < k; i++) {
                int to = (int) piv[b * k + i] - 1;
                TorchException.check(to >= 0 && to < rows, "torch.lu_unpack: LU_pivots is out of range");
                int t = perm[i];
                perm[i] = perm[to];
                perm[to] = t;
            }
            p[b] = new double[rows * rows];
            for (int i = 0; i < rows; i++) {
                p[b][perm[i] * rows + i] = 1;
            }
        }
        long[] batch = m.batch();
        ScalarType dtype = luData.dtype();
        return new Tensor[] {
            unpackPivots ? MatrixBatch.assemble(batch, new long[] {rows, rows}, p, dtype) : Tensor.empty(dtype, 0),
            unpackData ? MatrixBatch.assemble(batch, new long[] {rows, k}, l, dtype) : Tensor.empty(dtype, 0),
            unpackData ? MatrixBatch.assemble(batch, new long[] {k, cols}, u, dtype) : Tensor.empty(dtype, 0)};
    }

    /** {@code linalg.cholesky_ex}: {@code (L, info)}, or U = L^T when {@code upper}. */
    public static Tensor[] cholesky(Tensor a, boolean upper, String fn, boolean checkErrors) {
        MatrixBatch m = MatrixBatch.square(a, fn);
        int n = m.rows();
        double[][] out = new double[m.size()][];
        int[][] infos = new int[m.size()][1];
        for (int b = 0; b < m.size(); b++) {
            double[] x = upper ? Spectral.transpose(m.matrices()[b], n, n) : m.matrices()[b];
            infos[b][0] = Lapack.potrf(x, n);
            if (checkErrors && infos[b][0] > 0) {
                throw TorchException.runtime(fn + ": " + (m.size() > 1 ? "(Batch element " + b + "): " : "")
                        + "The factorization could not be completed because the input is not positive-definite "
                        + "(the leading minor of order " + infos[b][0] + " is not positive-definite).");
            }
            out[b] = upper ? Spectral.transpose(x, n, n) : x;
        }
        return new Tensor[] {MatrixBatch.assemble(m.batch(), new long[] {n, n}, out, a.dtype()),
            MatrixBatch.assembleInts(m.batch(), new long[0], infos, ScalarType.Int)};
    }

    /** {@code torch.geqrf}: the packed Householder QR and its scalars {@code tau}. */
    public static Tensor[] geqrf(Tensor a) {
        MatrixBatch m = MatrixBatch.of(a, "geqrf");
        int k = Math.min(m.rows(), m.cols());
        double[][] tau = new double[m.size()][k];
        double[][] qr = new double[m.size()][];
        for (int b = 0; b < m.size(); b++) {
            qr[b] = m.matrices()[b];
            Lapack.geqrf(qr[b], m.rows(), m.cols(), tau[b]);
        }
        return new Tensor[] {MatrixBatch.assemble(m.batch(), new long[] {m.rows(), m.cols()}, qr, a.dtype()),
            MatrixBatch.assemble(m.batch(), new long[] {k}, tau, a.dtype())};
    }

    /** {@code linalg.householder_product}: the first n columns of {@code H_1 ... H_k}. */
    public static Tensor householderProduct(Tensor a, Tensor tau) {
        if (!(a.dim() < 2 || a.size(-2) >= a.size(-1))) {
            throw TorchException.runtime("torch.linalg.householder_product: "
                + "input.shape[-2] must be greater than or equal to input.shape[-1]");
        }
        return householderQ(a, tau, Math.toIntExact(a.size(-1)), "torch.linalg.householder_product");
    }

    /** {@code torch.ormqr}: {@code op(Q) C} (or {@code C op(Q)} unless {@code left}) for Q of geqrf's reflectors. */
    public static Tensor ormqr(Tensor a, Tensor tau, Tensor c, boolean left, boolean transpose) {
        Tensor q = householderQ(a, tau, Math.toIntExact(a.size(-2)), "torch.ormqr");
        Tensor op = transpose ? q.transpose(-2, -1) : q;
        return left ? LinearAlgebra.matmul(op, c) : LinearAlgebra.matmul(c, op);
    }

    /** The first {@code cols} columns of {@code H_1 ... H_k}. */
    private static Tensor householderQ(Tensor a, Tensor tau, int cols, String fn) {
        MatrixBatch m = MatrixBatch.of(a, fn);
        int k = Math.toIntExact(tau.size(-1));
        if (k > m.cols()) {
            throw TorchException.runtime(fn + ": input.shape[-1] must be greater than or equal to "
                + "tau.shape[-1]");
        }
        double[] taus = tau.contiguous().toDoubleArray();
        double[][] q = new double[m.size()][];
        for (int b = 0; b < m.size(); b++) {
            double[] t = Arrays.copyOfRange(taus, b * k, (b + 1) * k);
            q[b] = Lapack.orgqr(m.matrices()[b], m.rows(), m.cols(), t, k, cols);
        }
        return MatrixBatch.assemble(m.batch(), new long[] {m.rows(), cols}, q, a.dtype());
    }

    /** {@code linalg.qr}: Q and R for mode {@code reduced}, {@code complete} or {@code r} (Q empty). */
    public static Tensor[] qr(Tensor a, String mode) {
        if (!(mode.equals("reduced") || mode.equals("complete") || mode.equals("r"))) {
            throw TorchException.runtime("qr received unrecognized mode '" + mode + "' but expected one of 'reduced' (default), 'r', or "
                        + "'complete'");
        }
        MatrixBatch m = MatrixBatch.of(a, "linalg.qr");
        int rows = m.rows();
        int cols = m.cols();
        int k = Math.min(rows, cols);
        int qCols = mode.equals("complete") ? rows : k;
        int rRows = mode.equals("complete") ? rows : k;
        double[][] q = new double[m.size()][];
        double[][] r = new double[m.size()][];
        for (int b = 0; b < m.size(); b++) {
            double[] x = m.matrices()[b];
            double[] tau = new double[k];
            Lapack.geqrf(x, rows, cols, tau);
            r[b] = new double[rRows * cols];
            for (int i = 0; i < Math.min(rRows, rows); i++) {
                for (int j = i; j < cols; j++) {
                    r[b][i * cols + j] = x[i * cols + j];
                }
            }
            q[b] = Lapack.orgqr(x, rows, cols, tau, k, qCols);
        }
        Tensor rt = MatrixBatch.assemble(m.batch(), new long[] {rRows, cols}, r, a.dtype());
        Tensor qt = mode.equals("r") ? Tensor.empty(a.dtype(), 0)
                : MatrixBatch.assemble(m.batch(), new long[] {rows, qCols}, q, a.dtype());
        return new Tensor[] {qt, rt};
    }

    /** {@code linalg.ldl_factor_ex}: {@code (LD, pivots, info)} by Bunch-Kaufman pivoting. */
    public static Tensor[] ldlFactor(Tensor a, boolean hermitian) {
        MatrixBatch m = MatrixBatch.square(a, "torch.linalg.ldl_factor_ex");
        int n = m.rows();
        int[][] pivots = new int[m.size()][n];
        int[][] infos = new int[m.size()][1];
        double[][] ld = new double[m.size()][];
        for (int b = 0; b < m.size(); b++) {
            ld[b] = m.matrices()[b];
            infos[b][0] = Lapack.sytrf(ld[b], n, pivots[b]);
        }
        return new Tensor[] {MatrixBatch.assemble(m.batch(), new long[] {n, n}, ld, a.dtype()),
            MatrixBatch.assembleInts(m.batch(), new long[] {n}, pivots, ScalarType.Int),
            MatrixBatch.assembleInts(m.batch(), new long[0], infos, ScalarType.Int)};
    }

    /** {@code linalg.eigh}: ascending eigenvalues and the eigenvectors (columns) of a symmetric matrix. */
    public static Tensor[] eigh(Tensor a, String uplo, boolean vectors) {
        if (!(uplo.equals("L") || uplo.equals("U") || uplo.equals("l") || uplo.equals("u"))) {
            throw TorchException.runtime("Expected UPLO argument to be 'L' or 'U', but got " + uplo);
        }
        MatrixBatch m = MatrixBatch.square(a, vectors ? "linalg.eigh" : "linalg.eigvalsh");
        int n = m.rows();
        double[][] values = new double[m.size()][];
        double[][] vecs = new double[m.size()][];
        for (int b = 0; b < m.size(); b++) {
            Spectral.Eigen e = Spectral.symmetricEigen(m.matrices()[b], n, uplo.equalsIgnoreCase("L"));
            values[b] = e.values();
            vecs[b] = e.vectors();
        }
        Tensor w = MatrixBatch.assemble(m.batch(), new long[] {n}, values, a.dtype());
        return vectors ? new Tensor[] {w, MatrixBatch.assemble(m.batch(), new long[] {n, n}, vecs, a.dtype())}
                : new Tensor[] {w};
    }

    /** {@code linalg.svd}: {@code (U, S, Vh)}, thin unless {@code fullMatrices} (then U and Vh are square). */
    public static Tensor[] svd(Tensor a, boolean fullMatrices) {
        MatrixBatch m = MatrixBatch.of(a, "linalg.svd");
        int rows = m.rows();
        int cols = m.cols();
        int k = Math.min(rows, cols);
        int uCols = fullMatrices ? rows : k;
        int vRows = fullMatrices ? cols : k;
        double[][] u = new double[m.size()][];
        double[][] s = new double[m.size()][];
        double[][] vh = new double[m.size()][];
        for (int b = 0; b < m.size(); b++) {
            Spectral.Svd d = Spectral.svd(m.matrices()[b], rows, cols);
            s[b] = d.s();
            u[b] = complete(d.u(), rows, k, uCols);
            vh[b] = Spectral.transpose(complete(d.v(), cols, k, vRows), cols, vRows);
        }
        return new Tensor[] {MatrixBatch.assemble(m.batch(), new long[] {rows, uCols}, u, a.dtype()),
            MatrixBatch.assemble(m.batch(), new long[] {k}, s, a.dtype()),
            MatrixBatch.assemble(m.batch(), new long[] {vRows, cols}, vh, a.dtype())};
    }

    /** The singular values alone ({@code linalg.svdvals}), descending, as a double batch. */
    static double[][] singularValues(MatrixBatch m) {
        double[][] s = new double[m.size()][];
        for (int b = 0; b < m.size(); b++) {
            s[b] = Spectral.singularValues(m.matrices()[b], m.rows(), m.cols());
        }
        return s;
    }

    /** The n x k orthonormal columns {@code q} completed to n x want by Gram-Schmidt against unit vectors. */
    private static double[] complete(double[] q, int n, int k, int want) {
        double[] out = new double[n * want];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                out[i * want + j] = q[i * k + j];
            }
        }
        int filled = k;
        for (int e = 0; e < n && filled < want; e++) {
            double[] v = new double[n];
            v[e] = 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < filled; j++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += out[i * want + j] * v[i];
                    }
                    for (int i = 0; i < n; i++) {
                        v[i] -= dot * out[i * want + j];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm = Math.hypot(norm, x);
            }
            if (norm > 1e-8) {
                for (int i = 0; i < n; i++) {
                    out[i * want + filled] = v[i] / norm;
                }
                filled++;
            }
        }
        return out;
    }
}
