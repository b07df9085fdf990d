package kiln.runtime.tensor.linalg;

/**
 * The dense factorizations PyTorch's linear algebra calls LAPACK for, on one row-major double matrix, following
 * the reference LAPACK algorithms where the result is not unique (pivot choices of {@code getrf} and
 * {@code sytrf}, the Householder vectors and signs of {@code geqrf}), so that results match PyTorch's.
 * {@code a} holds an {@code m x n} matrix at {@code a[i * n + j]} and is overwritten as LAPACK does.
 */
final class Lapack {
    private Lapack() {
    }

    /**
     * LU with partial pivoting ({@code getrf}): {@code L} (unit lower) and {@code U} in {@code a}; the 1-based
     * pivots go to {@code piv} ({@code min(m, n)} of them). Returns LAPACK's info: 0, or the 1-based index of
     * the first zero pivot.
     */
    static int getrf(double[] a, int m, int n, int[] piv) {
        int info = 0;
        for (int k = 0; k < Math.min(m, n); k++) {
            int p = k;
            double max = Math.abs(a[k * n + k]);
            for (int i = k + 1; i < m; i++) {
                double v = Math.abs(a[i * n + k]);
                if (v > max || Double.isNaN(v) && !Double.isNaN(max)) {
                    max = v;
                    p = i;
                }
            }
            piv[k] = p + 1;
            if (a[p * n + k] != 0) {
                if (p != k) {
                    swapRows(a, n, p, k);
                }
                double inv = 1 / a[k * n + k];
                for (int i = k + 1; i < m; i++) {
                    a[i * n + k] *= inv;
                }
            } else if (info == 0) {
                info = k + 1;
            }
            for (int i = k + 1; i < m; i++) {
                double l = a[i * n + k];
                if (l != 0) {
                    for (int j = k + 1; j < n; j++) {
                        a[i * n + j] -= l * a[k * n + j];
                    }
                }
            }
        }
        return info;
    }

    static void swapRows(double[] a, int n, int r1, int r2) {
        for (int j = 0; j < n; j++) {
            double t = a[r1 * n + j];
            a[r1 * n + j] = a[r2 * n + j];
            a[r2 * n + j] = t;
        }
    }

    /**
     * Cholesky ({@code potrf}) of the lower triangle of the {@code n x n} matrix {@code a}: {@code L} in the lower
     * triangle, zeros above. Returns 0, or the order of the first leading minor that is not positive definite.
     */
    static int potrf(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            if (!(d > 0)) {
                return j + 1;
            }
            d = Math.sqrt(d);
            a[j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / d;
            }
            for (int i = 0; i < j; i++) {
                a[i * n + j] = 0;
            }
        }
        return 0;
    }

    /**
     * Householder QR ({@code geqrf}): {@code R} on and above the diagonal, the Householder vectors (with an
     * implicit leading 1) below it, their scalars in {@code tau} ({@code min(m, n)} of them). As {@code dlarfg},
     * {@code beta = -sign(alpha) * norm}, and a column that is already zero below the diagonal gets tau = 0.
     */
    static void geqrf(double[] a, int m, int n, double[] tau) {
        for (int k = 0; k < Math.min(m, n); k++) {
            double alpha = a[k * n + k];
            double xnorm = 0;
            for (int i = k + 1; i < m; i++) {
                xnorm = Math.hypot(xnorm, a[i * n + k]);
            }
            if (xnorm == 0) {
                tau[k] = 0;
                continue;
            }
            double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
            tau[k] = (beta - alpha) / beta;
            double scale = 1 / (alpha - beta);
            for (int i = k + 1; i < m; i++) {
                a[i * n + k] *= scale;
            }
            a[k * n + k] = beta;
            applyReflector(a, m, n, k, tau[k], a, n, k + 1, n);
        }
    }

    /**
     * Applies {@code H = I - tau v v^T} from the left to columns {@code [c0, c1)} of the {@code m x cn} matrix
     * {@code c}; {@code v} is column {@code k} of {@code a} from row {@code k} on, with {@code v[k] = 1}.
     */
    private static void applyReflector(double[] a, int m, int an, int k, double tau, double[] c, int cn, int c0,
            int c1) {
        if (tau == 0) {
            return;
        }
        for (int j = c0; j < c1; j++) {
            double s = c[k * cn + j];
            for (int i = k + 1; i < m; i++) {
                s += a[i * an + k] * c[i * cn + j];
            }
            s *= tau;
            c[k * cn + j] -= s;
            for (int i = k + 1; i < m; i++) {
                c[i * cn + j] -= s * a[i * an + k];
            }
        }
    }

    /**
     * The first {@code cols} columns of {@code Q = H_1 H_2 ... H_k} ({@code orgqr}, {@code householder_product})
     * from the reflectors in the {@code m x n} matrix {@code a} and {@code tau} ({@code k} of them), as an
     * {@code m x cols} matrix.
     */
    static double[] orgqr(double[] a, int m, int n, double[] tau, int k, int cols) {
        double[] q = new double[m * cols];
        for (int i = 0; i < Math.min(m, cols); i++) {
            q[i * cols + i] = 1;
        }
        for (int r = k - 1; r >= 0; r--) {
            applyReflector(a, m, n, r, tau[r], q, cols, 0, cols);
        }
        return q;
    }

    /**
     * Solves {@code op(T) X = B} in place for the {@code n x n} triangular {@code t} and the {@code n x k}
     * {@code b} ({@code trsm} on the left): {@code upper} selects the triangle read, {@code transpose} solves
     * with {@code T^T}, {@code unit} takes the diagonal as ones.
     */
    static void trsm(double[] t, int n, boolean upper, boolean transpose, boolean unit, double[] b, int k) {
        boolean forward = upper == transpose;
        for (int step = 0; step < n; step++) {
            int i = forward ? step : n - 1 - step;
            for (int c = 0; c < k; c++) {
                double s = b[i * k + c];
                for (int step2 = 0; step2 < step; step2++) {
                    int j = forward ? step2 : n - 1 - step2;
                    double tij = transpose ? t[j * n + i] : t[i * n + j];
                    s -= tij * b[j * k + c];
                }
                b[i * k + c] = unit ? s : s / t[i * n + i];
            }
        }
    }

    /** {@code P^T B} in place for the 1-based row interchanges {@code piv} of {@code getrf} (or their inverse). */
    static void permuteRows(double[] b, int k, int[] piv, boolean inverse) {
        for (int s = 0; s < piv.length; s++) {
            int i = inverse ? piv.length - 1 - s : s;
            if (piv[i] - 1 != i) {
                swapRows(b, k, i, piv[i] - 1);
            }
        }
    }

    /**
     * Bunch-Kaufman symmetric indefinite factorization of the lower triangle ({@code sytf2 'L'}):
     * {@code A = P L D L^T P^T} with 1x1 and 2x2 blocks in {@code D}; LAPACK's pivot encoding in {@code piv}
     * (1-based, negative for a 2x2 block). Returns info as LAPACK does.
     */
    static int sytrf(double[] a, int n, int[] piv) {
        double alpha = (1 + Math.sqrt(17)) / 8;
        int info = 0;
        int k = 0;
        while (k < n) {
            int kstep = 1;
            int kp;
            double absakk = Math.abs(a[k * n + k]);
            int imax = k;
            double colmax = 0;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i * n + k]) > colmax) {
                    colmax = Math.abs(a[i * n + k]);
                    imax = i;
                }
            }
            if (Math.max(absakk, colmax) == 0 || Double.isNaN(absakk)) {
                if (info == 0) {
                    info = k + 1;
                }
                kp = k;
            } else if (absakk >= alpha * colmax) {
                kp = k;
            } else {
                double rowmax = 0;
                for (int j = k; j < imax; j++) {
                    rowmax = Math.max(rowmax, Math.abs(a[imax * n + j]));
                }
                for (int i = imax + 1; i < n; i++) {
                    rowmax = Math.max(rowmax, Math.abs(a[i * n + imax]));
                }
                if (absakk >= alpha * colmax * (colmax / rowmax)) {
                    kp = k;
                } else if (Math.abs(a[imax * n + imax]) >= alpha * rowmax) {
                    kp = imax;
                } else {
                    kp = imax;
                    kstep = 2;
                }
            }
            int kk = k + kstep - 1;
            if (kp != kk) {
                for (int i = kp + 1; i < n; i++) {
                    swap(a, i * n + kk, i * n + kp);
                }
                for (int j = kk + 1; j < kp; j++) {
                    swap(a, j * n + kk, kp * n + j);
                }
                swap(a, kk * n + kk, kp * n + kp);
                if (kstep == 2) {
                    swap(a, (k + 1) * n + k, kp * n + k);
                }
            }
            if (kstep == 1) {
                if (k < n - 1 && a[k * n + k] != 0) {
                    double d11 = 1 / a[k * n + k];
                    for (int j = k + 1; j < n; j++) {
                        for (int i = j; i < n; i++) {
                            a[i * n + j] -= d11 * a[i * n + k] * a[j * n + k];
                        }
                    }
                    for (int i = k + 1; i < n; i++) {
                        a[i * n + k] *= d11;
                    }
                }
                piv[k] = kp + 1;
            } else {
                if (k < n - 2) {
                    double d21 = a[(k + 1) * n + k];
                    double d11 = a[(k + 1) * n + k + 1] / d21;
                    double d22 = a[k * n + k] / d21;
                    double t = 1 / (d11 * d22 - 1);
                    d21 = t / d21;
                    for (int j = k + 2; j < n; j++) {
                        double wk = d21 * (d11 * a[j * n + k] - a[j * n + k + 1]);
                        double wkp1 = d21 * (d22 * a[j * n + k + 1] - a[j * n + k]);
                        for (int i = j; i < n; i++) {
                            a[i * n + j] -= a[i * n + k] * wk + a[i * n + k + 1] * wkp1;
                        }
                        a[j * n + k] = wk;
                        a[j * n + k + 1] = wkp1;
                    }
                }
                piv[k] = -(kp + 1);
                piv[k + 1] = -(kp + 1);
            }
            k += kstep;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                a[i * n + j] = 0;
            }
        }
        return info;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Solves {@code A X = B} in place from {@link #sytrf}'s factors ({@code sytrs 'L'}); {@code b} is n x k. */
    static void sytrs(double[] a, int n, int[] piv, double[] b, int k) {
        int i = 0;
        while (i < n) {
            if (piv[i] > 0) {
                swapIfNeeded(b, k, i, piv[i] - 1);
                for (int r = i + 1; r < n; r++) {
                    axpyRow(b, k, r, -a[r * n + i], i);
                }
                scaleRow(b, k, i, 1 / a[i * n + i]);
                i += 1;
            } else {
                swapIfNeeded(b, k, i + 1, -piv[i] - 1);
                for (int r = i + 2; r < n; r++) {
                    axpyRow(b, k, r, -a[r * n + i], i);
                    axpyRow(b, k, r, -a[r * n + i + 1], i + 1);
                }
                double akm1k = a[(i + 1) * n + i];
                double akm1 = a[i * n + i] / akm1k;
                double ak = a[(i + 1) * n + i + 1] / akm1k;
                double denom = akm1 * ak - 1;
                for (int c = 0; c < k; c++) {
                    double bkm1 = b[i * k + c] / akm1k;
                    double bk = b[(i + 1) * k + c] / akm1k;
                    b[i * k + c] = (ak * bkm1 - bk) / denom;
                    b[(i + 1) * k + c] = (akm1 * bk - bkm1) / denom;
                }
                i += 2;
            }
        }
        i = n - 1;
        while (i >= 0) {
            boolean block = piv[i] < 0;
            for (int r = i + 1; r < n; r++) {
                axpyRow(b, k, i, -a[r * n + i], r);
                if (block && i > 0) {
                    axpyRow(b, k, i - 1, -a[r * n + i - 1], r);
                }
            }
            swapIfNeeded(b, k, i, Math.abs(piv[i]) - 1);
            i -= block ? 2 : 1;
        }
    }

    private static void swapIfNeeded(double[] b, int k, int r1, int r2) {
        if (r1 != r2) {
            swapRows(b, k, r1, r2);
        }
    }

    /** {@code b[dst] += f * b[src]} over a row. */
    private static void axpyRow(double[] b, int k, int dst, double f, int src) {
        for (int c = 0; c < k; c++) {
            b[dst * k + c] += f * b[src * k + c];
        }
    }

    private static void scaleRow(double[] b, int k, int row, double f) {
        for (int c = 0; c < k; c++) {
            b[row * k + c] *= f;
        }
    }
}
