package kiln.runtime.tensor;

/**
 * The unscaled complex DFT of one line of any length, in double: iterative radix-2 for powers of two, Bluestein's
 * chirp-z algorithm (three power-of-two transforms) otherwise, so that every length costs O(n log n).
 */
final class Fft {
    private Fft() {
    }

    /** {@code X[k] = sum_t x[t] exp(-+2 pi i k t / n)} in place ({@code forward}: the minus sign). */
    static void transform(double[] re, double[] im, boolean forward) {
        int n = re.length;
        if (n <= 1) {
            return;
        }
        if (Integer.bitCount(n) == 1) {
            radix2(re, im, forward);
        } else {
            bluestein(re, im, forward);
        }
    }

    private static void radix2(double[] re, double[] im, boolean forward) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = (forward ? -2 : 2) * Math.PI / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(angle * k);
                    double wi = Math.sin(angle * k);
                    int a = start + k;
                    int b = a + len / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /** {@code X[k] = conj(w[k]) * sum_t (x[t] conj(w[t])) w[k - t]} with the chirp {@code w[t] = exp(+-i pi t^2/n)}. */
    private static void bluestein(double[] re, double[] im, boolean forward) {
        int n = re.length;
        int m = Integer.highestOneBit(2 * n - 1) << 1;
        double[] cr = new double[n];
        double[] ci = new double[n];
        for (int t = 0; t < n; t++) {
            double angle = Math.PI * ((long) t * t % (2L * n)) / n;
            cr[t] = Math.cos(angle);
            ci[t] = (forward ? -1 : 1) * Math.sin(angle);
        }
        double[] ar = new double[m];
        double[] ai = new double[m];
        double[] br = new double[m];
        double[] bi = new double[m];
        for (int t = 0; t < n; t++) {
            ar[t] = re[t] * cr[t] - im[t] * ci[t];
            ai[t] = re[t] * ci[t] + im[t] * cr[t];
        }
        br[0] = cr[0];
        bi[0] = -ci[0];
        for (int t = 1; t < n; t++) {
            br[t] = cr[t];
            bi[t] = -ci[t];
            br[m - t] = cr[t];
            bi[m - t] = -ci[t];
        }
        radix2(ar, ai, true);
        radix2(br, bi, true);
        for (int k = 0; k < m; k++) {
            double r = ar[k] * br[k] - ai[k] * bi[k];
            ai[k] = ar[k] * bi[k] + ai[k] * br[k];
            ar[k] = r;
        }
        radix2(ar, ai, false);
        for (int k = 0; k < n; k++) {
            double xr = ar[k] / m;
            double xi = ai[k] / m;
            re[k] = xr * cr[k] - xi * ci[k];
            im[k] = xr * ci[k] + xi * cr[k];
        }
    }
}
