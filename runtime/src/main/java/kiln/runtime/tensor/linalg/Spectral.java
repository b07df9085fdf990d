package kiln.runtime.tensor.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Eigen- and singular value decompositions of one row-major double matrix by Jacobi rotations (accurate to
 * double precision for the small matrices the interpreter meets). Eigenvalues come in ascending order, singular
 * values in descending order, as LAPACK returns them; the signs of the vectors are this algorithm's own.
 */
final class Spectral {
    private static final int SWEEPS = 100;

    private Spectral() {
    }

    /** The eigen decomposition of a symmetric matrix. */
    record Eigen(double[] values, double[] vectors) {
    }

    /** The thin SVD {@code A = U diag(s) V^T}: U is m x k, V is n x k, k = min(m, n). */
    record Svd(double[] u, double[] s, double[] v, int m, int n) {
    }

    /**
     * The eigenvalues (ascending) and eigenvectors (the columns of an n x n matrix) of the symmetric matrix
     * whose {@code lower} (else upper) triangle {@code a} holds.
     */
    static Eigen symmetricEigen(double[] a, int n, boolean lower) {
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i * n + j] = (i >= j) == lower ? a[i * n + j] : a[j * n + i];
            }
        }
        double[] v = identity(n);
        for (int sweep = 0; sweep < SWEEPS && offDiagonal(s, n) > 0; sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = s[p * n + q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (s[q * n + q] - s[p * n + p]) / (2 * apq);
                    double t = Math.copySign(1, theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    rotate(s, n, p, q, c, t * c, true);
                    rotate(s, n, p, q, c, t * c, false);
                    rotate(v, n, p, q, c, t * c, false);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = s[i * n + i];
        }
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> values[i]))
                .toArray(Integer[]::new);
        return new Eigen(Arrays.stream(order).mapToDouble(i -> values[i]).toArray(), columns(v, n, n, order));
    }

    private static double offDiagonal(double[] s, int n) {
        double off = 0;
        double diag = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    off += s[i * n + j] * s[i * n + j];
                } else {
                    diag += s[i * n + j] * s[i * n + j];
                }
            }
        }
        return off > 1e-32 * diag ? off : 0;
    }

    /** Rotates rows ({@code rows}) or columns p and q of the n x n matrix: {@code x_p' = c x_p - s x_q}. */
    private static void rotate(double[] a, int n, int p, int q, double c, double s, boolean rows) {
        for (int k = 0; k < n; k++) {
            int ip = rows ? p * n + k : k * n + p;
            int iq = rows ? q * n + k : k * n + q;
            double xp = a[ip];
            double xq = a[iq];
            a[ip] = c * xp - s * xq;
            a[iq] = s * xp + c * xq;
        }
    }

    static double[] identity(int n) {
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        return v;
    }

    /** The columns {@code order} of the rows x cols matrix, as a rows x order.length matrix. */
    private static double[] columns(double[] a, int rows, int cols, Integer[] order) {
        double[] out = new double[rows * order.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < order.length; j++) {
                out[i * order.length + j] = a[i * cols + order[j]];
            }
        }
        return out;
    }

    static double[] transpose(double[] a, int m, int n) {
        double[] t = new double[a.length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                t[j * m + i] = a[i * n + j];
            }
        }
        return t;
    }

    /** The thin SVD of the m x n matrix, by one-sided Jacobi rotations of the columns (of A^T when m < n). */
    static Svd svd(double[] a, int m, int n) {
        if (m < n) {
            Svd t = svd(transpose(a, m, n), n, m);
            return new Svd(t.v(), t.s(), t.u(), m, n);
        }
        double[] w = a.clone();
        double[] v = identity(n);
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    for (int i = 0; i < m; i++) {
                        alpha += w[i * n + p] * w[i * n + p];
                        beta += w[i * n + q] * w[i * n + q];
                        gamma += w[i * n + p] * w[i * n + q];
                    }
                    if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta) || gamma == 0) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.copySign(1, zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t);
                    rotateColumns(w, m, n, p, q, c, c * t);
                    rotateColumns(v, n, n, p, q, c, c * t);
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm = Math.hypot(norm, w[i * n + j]);
            }
            s[j] = norm;
            for (int i = 0; i < m; i++) {
                w[i * n + j] = norm == 0 ? (i == j ? 1 : 0) : w[i * n + j] / norm;
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> -s[i]))
                .toArray(Integer[]::new);
        return new Svd(columns(w, m, n, order), Arrays.stream(order).mapToDouble(i -> s[i]).toArray(),
                columns(v, n, n, order), m, n);
    }

    private static void rotateColumns(double[] a, int rows, int cols, int p, int q, double c, double s) {
        for (int i = 0; i < rows; i++) {
            double xp = a[i * cols + p];
            double xq = a[i * cols + q];
            a[i * cols + p] = c * xp - s * xq;
            a[i * cols + q] = s * xp + c * xq;
        }
    }

    /** The singular values alone, descending. */
    static double[] singularValues(double[] a, int m, int n) {
        return svd(a, m, n).s();
    }
}
