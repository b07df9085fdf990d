package kiln.runtime.tensor.linalg;

import java.util.Arrays;
import java.util.List;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.Joining;
import kiln.runtime.tensor.LinearAlgebra;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Reductions;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.TorchException;

/**
 * Functions of matrices in {@code torch.linalg}: determinants, powers and the exponential, the pseudo-inverse,
 * rank and condition number (by the SVD or the symmetric eigen decomposition), least squares, products of
 * several matrices, Vandermonde matrices, cross products and the tensor forms of solve and inverse.
 */
public final class MatrixFunctions {
    private static final Scalar ONE = Scalar.of(1L);

    private MatrixFunctions() {
    }

    /** {@code linalg.det}. */
    public static Tensor det(Tensor a) {
        return determinant(a, "linalg.det")[1];
    }

    /** {@code linalg.slogdet}: the sign and the log of the absolute value of the determinant. */
    public static Tensor[] slogdet(Tensor a) {
        Tensor[] d = determinant(a, "linalg.slogdet");
        return new Tensor[] {d[0], d[2]};
    }

    /** The sign, the determinant and log |det| of each matrix, by LU. */
    private static Tensor[] determinant(Tensor a, String fn) {
        MatrixBatch m = MatrixBatch.square(a, fn);
        int n = m.rows();
        double[][] sign = new double[m.size()][1];
        double[][] det = new double[m.size()][1];
        double[][] log = new double[m.size()][1];
        for (int b = 0; b < m.size(); b++) {
            double[] x = m.matrices()[b];
            int[] piv = new int[n];
            Lapack.getrf(x, n, n, piv);
            double s = 1;
            double l = 0;
            double d = 1;
            for (int i = 0; i < n; i++) {
                double u = x[i * n + i];
                d *= piv[i] != i + 1 ? -u : u;
                s *= (piv[i] != i + 1 ? -1 : 1) * Math.signum(u);
                l += Math.log(Math.abs(u));
            }
            sign[b][0] = s;
            det[b][0] = d;
            log[b][0] = l;
        }
        long[] none = {};
        return new Tensor[] {MatrixBatch.assemble(m.batch(), none, sign, a.dtype()),
            MatrixBatch.assemble(m.batch(), none, det, a.dtype()), MatrixBatch.assemble(m.batch(), none, log,
                    a.dtype())};
    }

    /** Tolerances of {@code pinv} and {@code matrix_rank}: per batch entry, {@code max(atol, rtol * sigma_max)}. */
    private record Tolerance(Tensor atol, Tensor rtol) {
        /** ATen's defaults: atol 0; rtol eps * max(m, n) unless a positive atol was given (then 0). */
        static Tolerance of(Double atol, Double rtol, Tensor a) {
            double eps = a.dtype() == ScalarType.Double ? Math.ulp(1.0) : Math.ulp(1.0f);
            double defaultRtol = eps * Math.max(a.size(-2), a.size(-1));
            double r = rtol != null ? rtol : atol != null && atol > 0 ? 0 : defaultRtol;
            return new Tolerance(MatrixBatch.scalar(atol == null ? 0 : atol),
                    MatrixBatch.scalar(r));
        }

        static Tolerance ofTensors(Tensor atol, Tensor rtol, Tensor a) {
            Tolerance d = of(null, null, a);
            return new Tolerance(atol != null ? atol : d.atol(), rtol != null ? rtol : atol != null
                    ? MatrixBatch.scalar(0) : d.rtol());
        }

        /** The tolerance of each batch entry, from the largest singular value of each. */
        double[] values(long[] batch, double[] largest) {
            double[] at = atol.to(ScalarType.Double).expand(batch).contiguous().toDoubleArray();
            double[] rt = rtol.to(ScalarType.Double).expand(batch).contiguous().toDoubleArray();
            double[] out = new double[largest.length];
            for (int b = 0; b < out.length; b++) {
                out[b] = Math.max(at[b], rt[b] * largest[b]);
            }
            return out;
        }
    }

    /** The SVD or (hermitian) eigen decomposition of each matrix, as {@code A = U diag(s) V^T}. */
    private static Spectral.Svd[] decompose(MatrixBatch m, boolean hermitian) {
        Spectral.Svd[] out = new Spectral.Svd[m.size()];
        for (int b = 0; b < m.size(); b++) {
            if (hermitian) {
                Spectral.Eigen e = Spectral.symmetricEigen(m.matrices()[b], m.rows(), true);
                out[b] = new Spectral.Svd(e.vectors(), e.values(), e.vectors(), m.rows(), m.rows());
            } else {
                out[b] = Spectral.svd(m.matrices()[b], m.rows(), m.cols());
            }
        }
        return out;
    }

    private static double largest(double[] s) {
        double max = 0;
        for (double v : s) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** {@code linalg.pinv} with tensor or float tolerances ({@code null} for None). */
    public static Tensor pinv(Tensor a, Tensor atol, Tensor rtol, boolean hermitian) {
        MatrixBatch m = hermitian ? MatrixBatch.square(a, "linalg.pinv") : MatrixBatch.of(a, "linalg.pinv");
        Spectral.Svd[] d = decompose(m, hermitian);
        double[] tol = Tolerance.ofTensors(atol, rtol, a).values(m.batch(), Arrays.stream(d).mapToDouble(x ->
                largest(x.s())).toArray());
        int rows = m.rows();
        int cols = m.cols();
        double[][] out = new double[m.size()][];
        for (int b = 0; b < m.size(); b++) {
            Spectral.Svd x = d[b];
            int k = x.s().length;
            out[b] = new double[cols * rows];
            for (int r = 0; r < k; r++) {
                double s = x.s()[r];
                if (Math.abs(s) <= tol[b]) {
                    continue;
                }
                for (int i = 0; i < cols; i++) {
                    for (int j = 0; j < rows; j++) {
                        out[b][i * rows + j] += x.v()[i * k + r] * x.u()[j * k + r] / s;
                    }
                }
            }
        }
        return MatrixBatch.assemble(m.batch(), new long[] {cols, rows}, out, a.dtype());
    }

    /** {@code linalg.matrix_rank}: how many singular values (eigenvalues) exceed the tolerance, as int64. */
    public static Tensor matrixRank(Tensor a, Tensor atol, Tensor rtol, boolean hermitian) {
        MatrixBatch m = hermitian ? MatrixBatch.square(a, "torch.linalg.matrix_rank")
                : MatrixBatch.of(a, "torch.linalg.matrix_rank");
        Spectral.Svd[] d = decompose(m, hermitian);
        double[] tol = Tolerance.ofTensors(atol, rtol, a).values(m.batch(), Arrays.stream(d).mapToDouble(x ->
                largest(x.s())).toArray());
        int[][] rank = new int[m.size()][1];
        for (int b = 0; b < m.size(); b++) {
            for (double s : d[b].s()) {
                rank[b][0] += Math.abs(s) > tol[b] ? 1 : 0;
            }
        }
        return MatrixBatch.assembleInts(m.batch(), new long[0], rank, ScalarType.Long);
    }

    /** A 0-dim float64 tolerance. */
    public static Tensor tolerance(double v) {
        return MatrixBatch.scalar(v);
    }

    /** Float tolerances as the tensors {@link #pinv} and {@link #matrixRank} take, with ATen's defaults. */
    public static Tensor[] tolerances(Tensor a, Double atol, Double rtol) {
        Tolerance t = Tolerance.of(atol, rtol, a);
        return new Tensor[] {t.atol(), t.rtol()};
    }

    /** {@code linalg.matrix_power}: by repeated squaring, through the inverse for negative powers. */
    public static Tensor matrixPower(Tensor a, long n) {
        if (!(a.dim() >= 2 && a.size(-1) == a.size(-2))) {
            throw TorchException.runtime("linalg.matrix_power: A must be batches "
                + "of square matrices");
        }
        if (n == 0) {
            long[] batch = Arrays.copyOf(a.sizes(), a.dim() - 2);
            double[][] eye = new double[(int) MatrixBatch.count(batch)][];
            Arrays.setAll(eye, b -> Spectral.identity((int) a.size(-1)));
            return MatrixBatch.assemble(batch, new long[] {a.size(-1), a.size(-1)}, eye, a.dtype());
        }
        Tensor base = n < 0 ? Solvers.inv(a, true, "linalg.inv")[0] : a;
        long e = Math.abs(n);
        if (e == 1) {
            return base.clone();
        }
        Tensor z = null;
        Tensor result = null;
        while (e > 0) {
            boolean bit = e % 2 == 1;
            e /= 2;
            z = z == null ? base : LinearAlgebra.matmul(z, z);
            if (bit) {
                result = result == null ? z : LinearAlgebra.matmul(result, z);
            }
        }
        return result;
    }

    /** {@code linalg.matrix_exp}: scaling and squaring of a Taylor series, in double. */
    public static Tensor matrixExp(Tensor a) {
        MatrixBatch m = MatrixBatch.square(a, "linalg.matrix_exp");
        int n = m.rows();
        double[][] out = new double[m.size()][];
        for (int b = 0; b < m.size(); b++) {
            double[] x = m.matrices()[b];
            double norm = 0;
            for (double v : x) {
                norm = Math.max(norm, Math.abs(v));
            }
            int squarings = Math.max(0, Math.getExponent(norm * n) + 2);
            double scale = Math.scalb(1.0, -squarings);
            double[] term = Spectral.identity(n);
            double[] sum = Spectral.identity(n);
            for (int k = 1; k < 30; k++) {
                term = multiply(term, x, n);
                for (int i = 0; i < term.length; i++) {
                    term[i] *= scale / k;
                    sum[i] += term[i];
                }
            }
            for (int s = 0; s < squarings; s++) {
                sum = multiply(sum, sum, n);
            }
            out[b] = sum;
        }
        return MatrixBatch.assemble(m.batch(), new long[] {n, n}, out, a.dtype());
    }

    private static double[] multiply(double[] x, double[] y, int n) {
        double[] z = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double v = x[i * n + k];
                for (int j = 0; j < n; j++) {
                    z[i * n + j] += v * y[k * n + j];
                }
            }
        }
        return z;
    }

    /** {@code linalg.cond}: the 2-norm condition number (or {@code -2}), else {@code ||A|| ||A^-1||} for p. */
    public static Tensor cond(Tensor a, Object p) {
        if (p == null || p instanceof Double d && Math.abs(d) == 2 || p instanceof Long l && Math.abs(l) == 2) {
            MatrixBatch m = MatrixBatch.of(a, "linalg.cond");
            double[][] s = Decompositions.singularValues(m);
            boolean inverse = p != null && ((Number) p).doubleValue() < 0;
            double[][] c = new double[m.size()][1];
            for (int b = 0; b < m.size(); b++) {
                double max = s[b].length == 0 ? 0 : s[b][0];
                double min = s[b].length == 0 ? 0 : s[b][s[b].length - 1];
                c[b][0] = inverse ? min / max : max / min;
            }
            return MatrixBatch.assemble(m.batch(), new long[0], c, a.dtype());
        }
        Tensor inv = Solvers.inv(a, false)[0];
        return Ops.mul(Norms.matrixNorm(a, p, new long[] {-2, -1}, false, null), Norms.matrixNorm(inv, p,
                new long[] {-2, -1}, false, null));
    }

    /**
     * {@code linalg.lstsq}: {@code (solution, residuals, rank, singular_values)}, the minimum-norm solution by
     * the SVD; which of the others are filled follows the driver as in ATen ({@code gelsy} by default).
     */
    public static Tensor[] lstsq(Tensor a, Tensor b, Double rcond, String driver) {
        String drv = driver == null ? "gelsy" : driver;
        if (!List.of("gels", "gelsy", "gelsd", "gelss").contains(drv)) {
            throw TorchException.runtime("torch.linalg.lstsq: "
                + "parameter `driver` should be one of (gels, gelsy, gelsd, gelss)");
        }
        boolean vector = b.dim() == a.dim() - 1;
        Tensor rhs = vector ? b.unsqueeze(-1) : b;
        MatrixBatch.checkFloating(a, "torch.linalg.lstsq");
        long[] batch = MatrixBatch.broadcast(Arrays.copyOf(a.sizes(), a.dim() - 2), Arrays.copyOf(rhs.sizes(),
                rhs.dim() - 2));
        MatrixBatch am = MatrixBatch.of(MatrixBatch.expandBatch(a, batch).contiguous(), "torch.linalg.lstsq");
        MatrixBatch bm = MatrixBatch.of(MatrixBatch.expandBatch(rhs, batch).contiguous(), "torch.linalg.lstsq");
        int m = am.rows();
        int n = am.cols();
        int k = bm.cols();
        TorchException.check(bm.rows() == m, "torch.linalg.lstsq: input.size(-2) should match other.size(-2)");
        double eps = a.dtype() == ScalarType.Double ? Math.ulp(1.0) : Math.ulp(1.0f);
        double rc = rcond != null && rcond > 0 ? rcond : eps * Math.max(m, n);
        double[][] x = new double[am.size()][];
        double[][] residuals = new double[am.size()][k];
        double[][] sv = new double[am.size()][];
        int[][] rank = new int[am.size()][1];
        boolean fullRank = true;
        for (int i = 0; i < am.size(); i++) {
            Spectral.Svd d = Spectral.svd(am.matrices()[i], m, n);
            sv[i] = d.s();
            double tol = rc * (d.s().length == 0 ? 0 : d.s()[0]);
            double[] bb = bm.matrices()[i];
            x[i] = new double[n * k];
            for (int r = 0; r < d.s().length; r++) {
                if (d.s()[r] <= tol) {
                    continue;
                }
                rank[i][0]++;
                for (int c = 0; c < k; c++) {
                    double dot = 0;
                    for (int j = 0; j < m; j++) {
                        dot += d.u()[j * d.s().length + r] * bb[j * k + c];
                    }
                    for (int j = 0; j < n; j++) {
                        x[i][j * k + c] += d.v()[j * d.s().length + r] * dot / d.s()[r];
                    }
                }
            }
            fullRank &= rank[i][0] == n;
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < m; j++) {
                    double r = -bb[j * k + c];
                    for (int l = 0; l < n; l++) {
                        r += am.matrices()[i][j * n + l] * x[i][l * k + c];
                    }
                    residuals[i][c] += r * r;
                }
            }
        }
        ScalarType dt = a.dtype();
        Tensor solution = MatrixBatch.assemble(batch, new long[] {n, k}, x, dt);
        boolean withResiduals = m > n && !drv.equals("gelsy") && (drv.equals("gels") || fullRank);
        Tensor res = withResiduals ? MatrixBatch.assemble(batch, new long[] {k}, residuals, dt)
                : Tensor.empty(dt, 0);
        Tensor rk = drv.equals("gels") ? Tensor.empty(ScalarType.Long, 0)
                : MatrixBatch.assembleInts(batch, new long[0], rank, ScalarType.Long);
        Tensor s = drv.equals("gelsd") || drv.equals("gelss") ? MatrixBatch.assemble(batch,
                new long[] {Math.min(m, n)}, sv, dt) : Tensor.empty(dt, 0);
        return new Tensor[] {vector ? solution.squeeze(-1) : solution, vector && withResiduals ? res.squeeze(-1)
                : res, rk, s};
    }

    /** {@code linalg.multi_dot}: the product of the chain; the first and last may be vectors. */
    public static Tensor multiDot(List<Tensor> tensors) {
        if (tensors.size() < 2) {
            throw TorchException.runtime("multi_dot(): expected at least 2 tensors but got "
                + tensors.size());
        }
        for (int i = 0; i < tensors.size(); i++) {
            int d = tensors.get(i).dim();
            boolean end = i == 0 || i == tensors.size() - 1;
            if (!(d == 2 || end && d == 1)) {
                throw TorchException.runtime("multi_dot(): tensor " + i + " must be 2D but got "
                    + d + "D");
            }
        }
        Tensor out = tensors.getFirst();
        for (int i = 1; i < tensors.size(); i++) {
            out = LinearAlgebra.matmul(out, tensors.get(i));
        }
        return out;
    }

    /** {@code linalg.vander}: the powers {@code x^0 .. x^(N-1)} along a new last dim, by a cumulative product. */
    public static Tensor vander(Tensor v, Long n) {
        Tensor x = v.dim() == 0 ? v.unsqueeze(0) : v;
        long cols = n != null ? n : x.size(-1);
        TorchException.check(cols > 1, "N must be greater than 1.");
        long[] shape = MatrixBatch.shape(x.sizes(), cols - 1);
        Tensor powers = Reductions.cumulative(x.unsqueeze(-1).expand(shape), -1, null, true);
        shape[shape.length - 1] = 1;
        Tensor ones = Tensor.full(Scalar.of(1L), powers.dtype(), shape);
        return Joining.cat(List.of(ones, powers), -1);
    }

    /** {@code linalg.cross}: the cross product along {@code dim}, which must have size 3; operands broadcast. */
    public static Tensor cross(Tensor a, Tensor b, long dim) {
        TorchException.check(a.dim() == b.dim(), "linalg.cross: inputs must have the same number of dimensions.");
        long[] shape = MatrixBatch.broadcast(a.sizes(), b.sizes());
        Tensor x = a.expand(shape);
        Tensor y = b.expand(shape);
        long d = dim < 0 ? dim + shape.length : dim;
        if (!(x.size(d) == 3 && y.size(d) == 3)) {
            throw TorchException.runtime("linalg.cross: inputs dimension " + dim
                + " must have length 3. Got " + a.size(d) + " and " + b.size(d));
        }
        Tensor[] out = new Tensor[3];
        for (int i = 0; i < 3; i++) {
            int j = (i + 1) % 3;
            int k = (i + 2) % 3;
            out[i] = Ops.sub(Ops.mul(x.narrow(d, j, 1), y.narrow(d, k, 1)), Ops.mul(x.narrow(d, k, 1),
                    y.narrow(d, j, 1)), ONE);
        }
        return Joining.cat(List.of(out), d);
    }

    /** {@code torch.cross} without a dim: the first dim of size 3. */
    public static long defaultCrossDim(Tensor a) {
        for (int i = 0; i < a.dim(); i++) {
            if (a.size(i) == 3) {
                return i;
            }
        }
        throw TorchException.runtime("no dimension of size 3 in input");
    }

    /** {@code linalg.tensorsolve}: X with {@code tensordot(A, X, X.ndim) = B}. */
    public static Tensor tensorsolve(Tensor a, Tensor b, long[] dims) {
        Tensor am = a;
        if (dims != null) {
            long[] to = new long[dims.length];
            for (int i = 0; i < dims.length; i++) {
                to[i] = a.dim() - dims.length + i;
            }
            am = a.movedim(dims, to);
        }
        long[] resultShape = Arrays.copyOfRange(am.sizes(), b.dim(), am.dim());
        long prod = MatrixBatch.count(resultShape);
        if (!(MatrixBatch.count(am.sizes()) == prod * prod && b.numel() == prod)) {
            throw TorchException.runtime("Expected self to satisfy the requirement prod(self.shape[other.ndim:]) == "
                        + "prod(self.shape[:other.ndim])");
        }
        Tensor x = Solvers.solve(am.reshape(prod, prod), b.reshape(prod), true, true,
                "torch.linalg.solve")[0];
        return x.reshape(resultShape);
    }

    /** {@code linalg.tensorinv}: the inverse for {@code tensordot} over the first {@code ind} dims. */
    public static Tensor tensorinv(Tensor a, long ind) {
        if (ind <= 0) {
            throw TorchException.runtime("Expected a strictly positive integer for 'ind', but got " + ind);
        }
        long[] head = Arrays.copyOf(a.sizes(), (int) ind);
        long[] tail = Arrays.copyOfRange(a.sizes(), (int) ind, a.dim());
        long rows = MatrixBatch.count(head);
        if (rows != MatrixBatch.count(tail)) {
            throw TorchException.runtime("Expected self to satisfy the requirement "
                + "prod(self.shape[ind:]) == prod(self.shape[:ind]), but got " + MatrixBatch.count(tail) + " != "
                + rows);
        }
        Tensor inv = Solvers.inv(a.reshape(rows, rows), true, "linalg.inv")[0];
        long[] shape = Arrays.copyOf(tail, tail.length + head.length);
        System.arraycopy(head, 0, shape, tail.length, head.length);
        return inv.reshape(shape);
    }
}
