package kiln.runtime.tensor;

/**
 * The gamma family and inverse distribution functions, to double precision: {@code lgamma}, {@code digamma},
 * the Hurwitz zeta function, the regularized incomplete gamma functions, {@code erfinv} and {@code ndtri}.
 * Ported from ATen's scalar code ({@code aten/src/ATen/native/Math.h}, itself from Cephes and SciPy; see its
 * license notes) except {@code lgamma}, which is a Lanczos sum (C's {@code lgamma} is not in Java).
 */
final class GammaFunctions {
    private static final double MACHEP = 1.11022302462515654042E-16;
    private static final double MAXLOG = 7.09782712893383996843E2;
    private static final double BIG = 4.503599627370496e15;
    private static final double BIGINV = 2.22044604925031308085e-16;

    private GammaFunctions() {
    }

    private static final double LANCZOS_G = 7;
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double HALF_LOG_2PI = 0.91893853320467274178;

    /** {@code log |Gamma(x)|}: infinite at the poles, reflected below 1/2. */
    static double lgamma(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x <= 0 && x == Math.floor(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == 1 || x == 2) {
            return 0;
        }
        if (x < 0.5) {
            double s = Math.abs(Math.sin(Math.PI * x));
            return Math.log(Math.PI / s) - lgamma(1 - x);
        }
        double y = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (y + i);
        }
        double t = y + LANCZOS_G + 0.5;
        return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    private static final double[] DIGAMMA_A = {8.33333333333333333333E-2, -2.10927960927960927961E-2,
        7.57575757575757575758E-3, -4.16666666666666666667E-3, 3.96825396825396825397E-3,
        -8.33333333333333333333E-3, 8.33333333333333333333E-2};
    private static final double PSI_10 = 2.25175258906672110764;

    /** The logarithmic derivative of Gamma, {@code psi(x)}. */
    static double digamma(double x) {
        if (x == 0) {
            return Math.copySign(Double.POSITIVE_INFINITY, -x);
        }
        if (x < 0) {
            if (x == Math.rint(x) || Double.isInfinite(x)) {
                return Double.NaN;
            }
            double r = x - (x < 0 ? Math.ceil(x) : Math.floor(x));
            return digamma(1 - x) - Math.PI / Math.tan(Math.PI * r);
        }
        double result = 0;
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        if (x == 10) {
            return result + PSI_10;
        }
        double y = 0;
        if (x < 1.0e17) {
            double z = 1.0 / (x * x);
            y = z * Bessel.polevl(z, DIGAMMA_A);
        }
        return result + Math.log(x) - (0.5 / x) - y;
    }

    /** {@code psi'(x)}: reflected below 1/2, six recurrence steps, then the asymptotic series. */
    static double trigamma(double x) {
        double sign = 1;
        double result = 0;
        if (x < 0.5) {
            sign = -1;
            double s = Math.sin(Math.PI * x);
            result -= Math.PI * Math.PI / (s * s);
            x = 1 - x;
        }
        for (int i = 0; i < 6; i++) {
            result += 1 / (x * x);
            x += 1;
        }
        double ixx = 1 / (x * x);
        result += (1 + 1 / (2 * x) + ixx * (1.0 / 6 - ixx * (1.0 / 30 - ixx * (1.0 / 42)))) / x;
        return sign * result;
    }

    /** The n-th derivative of digamma: digamma, trigamma, then {@code (-1)^(n+1) n! zeta(n+1, x)}. */
    static double polygamma(double order, double x) {
        int n = (int) order;
        if (n == 0) {
            return digamma(x);
        }
        if (n == 1) {
            return trigamma(x);
        }
        return (n % 2 == 1 ? 1 : -1) * Math.exp(lgamma(n + 1.0)) * zeta(n + 1.0, x);
    }

    private static final double[] ZETA_A = {12.0, -720.0, 30240.0, -1209600.0, 47900160.0,
        -1.8924375803183791606e9, 7.47242496e10, -2.950130727918164224e12, 1.1646782814350067249e14,
        -4.5979787224074726105e15, 1.8152105401943546773e17, -7.1661652561756670113e18};

    /** The Hurwitz zeta function {@code sum_k (k + q)^-x}, by Euler-Maclaurin summation. */
    static double zeta(double x, double q) {
        if (x == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < 1) {
            return Double.NaN;
        }
        if (q <= 0) {
            if (q == Math.floor(q)) {
                return Double.POSITIVE_INFINITY;
            }
            if (x != Math.floor(x)) {
                return Double.NaN;
            }
        }
        double s = Math.pow(q, -x);
        double a = q;
        int i = 0;
        double b = 0;
        while (i < 9 || a <= 9.0) {
            i += 1;
            a += 1;
            b = Math.pow(a, -x);
            s += b;
            if (-MACHEP * s < b && b < MACHEP * s) {
                return s;
            }
        }
        double w = a;
        s += b * w / (x - 1);
        s -= 0.5 * b;
        a = 1;
        double k = 0;
        for (i = 0; i < 12; i++) {
            a *= x + k;
            b /= w;
            double t = a * b / ZETA_A[i];
            s = s + t;
            if (Math.abs(t / s) < MACHEP) {
                return s;
            }
            k += 1;
            a *= x + k;
            b /= w;
            k += 1;
        }
        return s;
    }

    /** {@code x^a exp(-x) / Gamma(a)}. */
    private static double igamFac(double a, double x) {
        double ax = a * Math.log(x) - x - lgamma(a);
        return ax < -MAXLOG ? 0 : Math.exp(ax);
    }

    /** The lower regularized incomplete gamma function by its power series (DLMF 8.11.4). */
    private static double igamSeries(double a, double x) {
        double ax = igamFac(a, x);
        if (ax == 0) {
            return 0;
        }
        double r = a;
        double c = 1;
        double ans = 1;
        for (int i = 0; i < 2000; i++) {
            r += 1;
            c *= x / r;
            ans += c;
            if (c <= MACHEP * ans) {
                break;
            }
        }
        return ans * ax / a;
    }

    /** The upper function for small x (DLMF 8.7.3), avoiding cancellation. */
    private static double igamcSeries(double a, double x) {
        double fac = 1;
        double sum = 0;
        for (int n = 1; n < 2000; n++) {
            fac *= -x / n;
            double term = fac / (a + n);
            sum += term;
            if (Math.abs(term) <= MACHEP * Math.abs(sum)) {
                break;
            }
        }
        double logx = Math.log(x);
        double term = -Math.expm1(a * logx - lgamma(1 + a));
        return term - Math.exp(a * logx - lgamma(a)) * sum;
    }

    /** The upper function by its continued fraction, for x > 1.1 and x >= a. */
    private static double igamcContinuedFraction(double a, double x) {
        double ax = igamFac(a, x);
        if (ax == 0) {
            return 0;
        }
        double y = 1 - a;
        double z = x + y + 1;
        double c = 0;
        double pkm2 = 1;
        double qkm2 = x;
        double pkm1 = x + 1;
        double qkm1 = z * x;
        double ans = pkm1 / qkm1;
        for (int i = 0; i < 2000; i++) {
            c += 1;
            y += 1;
            z += 2;
            double yc = y * c;
            double pk = pkm1 * z - pkm2 * yc;
            double qk = qkm1 * z - qkm2 * yc;
            double t;
            if (qk != 0) {
                double r = pk / qk;
                t = Math.abs((ans - r) / r);
                ans = r;
            } else {
                t = 1;
            }
            pkm2 = pkm1;
            pkm1 = pk;
            qkm2 = qkm1;
            qkm1 = qk;
            if (Math.abs(pk) > BIG) {
                pkm2 *= BIGINV;
                pkm1 *= BIGINV;
                qkm2 *= BIGINV;
                qkm1 *= BIGINV;
            }
            if (t <= MACHEP) {
                break;
            }
        }
        return ans * ax;
    }

    /**
     * The regularized upper incomplete gamma function {@code Q(a, x)}, with SciPy's boundary values. (ATen
     * switches to an asymptotic series where a is large and near x; the series and continued fraction used
     * here converge there too, to the same double precision.)
     */
    static double igammac(double a, double x) {
        if (x < 0 || a < 0 || Double.isNaN(a) || Double.isNaN(x)) {
            return Double.NaN;
        } else if (a == 0) {
            return x > 0 ? 0 : Double.NaN;
        } else if (x == 0) {
            return 1;
        } else if (Double.isInfinite(a)) {
            return Double.isInfinite(x) ? Double.NaN : 1;
        } else if (Double.isInfinite(x)) {
            return 0;
        }
        if (x > 1.1) {
            return x < a ? 1 - igamSeries(a, x) : igamcContinuedFraction(a, x);
        } else if (x <= 0.5) {
            return -0.4 / Math.log(x) < a ? 1 - igamSeries(a, x) : igamcSeries(a, x);
        }
        return x * 1.1 < a ? 1 - igamSeries(a, x) : igamcSeries(a, x);
    }

    /** The regularized lower incomplete gamma function {@code P(a, x)}. */
    static double igamma(double a, double x) {
        if (x < 0 || a < 0 || Double.isNaN(a) || Double.isNaN(x)) {
            return Double.NaN;
        } else if (a == 0) {
            return x > 0 ? 1 : Double.NaN;
        } else if (x == 0) {
            return 0;
        } else if (Double.isInfinite(a)) {
            return Double.isInfinite(x) ? Double.NaN : 0;
        } else if (Double.isInfinite(x)) {
            return 1;
        }
        return x > 1 && x > a ? 1 - igammac(a, x) : igamSeries(a, x);
    }

    /** The inverse error function: a rational first guess, then two Newton steps. */
    static double erfinv(double y) {
        double ya = Math.abs(y);
        if (ya > 1 || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (ya == 1) {
            return Math.copySign(Double.POSITIVE_INFINITY, y);
        }
        double x;
        if (ya <= 0.7) {
            double z = y * y;
            double num = ((-0.140543331 * z + 0.914624893) * z - 1.645349621) * z + 0.886226899;
            double dem = (((0.012229801 * z - 0.329097515) * z + 1.442710462) * z - 2.118377725) * z + 1.0;
            x = y * num / dem;
        } else {
            double z = Math.sqrt(-Math.log((1.0 - ya) / 2.0));
            double num = ((1.641345311 * z + 3.429567803) * z - 1.624906493) * z - 1.970840454;
            double dem = (1.637067800 * z + 3.543889200) * z + 1.0;
            x = Math.copySign(num, y) / dem;
        }
        double twoOverSqrtPi = 2 * 0.56418958354775628695;
        x = x - (SpecialFunctions.erf(x) - y) / (twoOverSqrtPi * Math.exp(-x * x));
        x = x - (SpecialFunctions.erf(x) - y) / (twoOverSqrtPi * Math.exp(-x * x));
        return x;
    }

    private static final double[] NDTRI_P0 = {-5.99633501014107895267E1, 9.80010754185999661536E1,
        -5.66762857469070293439E1, 1.39312609387279679503E1, -1.23916583867381258016E0};
    private static final double[] NDTRI_Q0 = {1.00000000000000000000E0, 1.95448858338141759834E0,
        4.67627912898881538453E0, 8.63602421390890590575E1, -2.25462687854119370527E2,
        2.00260212380060660359E2, -8.20372256168333339912E1, 1.59056225126211695515E1,
        -1.18331621121330003142E0};
    private static final double[] NDTRI_P1 = {4.05544892305962419923E0, 3.15251094599893866154E1,
        5.71628192246421288162E1, 4.40805073893200834700E1, 1.46849561928858024014E1,
        2.18663306850790267539E0, -1.40256079171354495875E-1, -3.50424626827848203418E-2,
        -8.57456785154685413611E-4};
    private static final double[] NDTRI_Q1 = {1.00000000000000000000E0, 1.57799883256466749731E1,
        4.53907635128879210584E1, 4.13172038254672030440E1, 1.50425385692907503408E1,
        2.50464946208309415979E0, -1.42182922854787788574E-1, -3.80806407691578277194E-2,
        -9.33259480895457427372E-4};
    private static final double[] NDTRI_P2 = {3.23774891776946035970E0, 6.91522889068984211695E0,
        3.93881025292474443415E0, 1.33303460815807542389E0, 2.01485389549179081538E-1,
        1.23716634817820021358E-2, 3.01581553508235416007E-4, 2.65806974686737550832E-6,
        6.23974539184983293730E-9};
    private static final double[] NDTRI_Q2 = {1.00000000000000000000E0, 6.02427039364742014255E0,
        3.67983563856160859403E0, 1.37702099489081330271E0, 2.16236993594496635890E-1,
        1.34204006088543189037E-2, 3.28014464682127739104E-4, 2.89247864745380683936E-6,
        6.79019408009981274425E-9};

    /** The inverse of the standard normal distribution function. */
    static double ndtri(double y0) {
        if (y0 == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (y0 == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (y0 < 0 || y0 > 1 || Double.isNaN(y0)) {
            return Double.NaN;
        }
        boolean code = true;
        double y = y0;
        if (y > 1 - 0.13533528323661269189) {
            y = 1 - y;
            code = false;
        }
        if (y > 0.13533528323661269189) {
            y = y - 0.5;
            double y2 = y * y;
            double x = y + y * (y2 * Bessel.polevl(y2, NDTRI_P0) / Bessel.polevl(y2, NDTRI_Q0));
            return x * 2.50662827463100050242E0;
        }
        double x = Math.sqrt(-2.0 * Math.log(y));
        double x0 = x - Math.log(x) / x;
        double z = 1 / x;
        double x1 = x < 8 ? z * Bessel.polevl(z, NDTRI_P1) / Bessel.polevl(z, NDTRI_Q1)
                : z * Bessel.polevl(z, NDTRI_P2) / Bessel.polevl(z, NDTRI_Q2);
        x = x0 - x1;
        return code ? -x : x;
    }
}
