package kiln.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * What this machine can do at best, beside which the workloads' times are read: memory bandwidth from a
 * STREAM-like {@code w = x + y + z} over 16M floats (four 64 MB streams), and the fp32 GEMM rate of OpenBLAS
 * {@code sgemm} (the OpenBLAS that libtorch itself uses) at 512 and 2048.
 */
final class MachineLimits {
    private static final int STREAM_FLOATS = 1 << 24;

    private MachineLimits() {
    }

    /** The figures as JSON-ready maps: {@code stream_gbs} by thread count, {@code sgemm_gflops} by size and threads. */
    static Map<String, Object> measure() throws InterruptedException, ExecutionException {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> stream = new LinkedHashMap<>();
        for (int threads = 1; threads <= 2; threads++) {
            stream.put(threads + " threads", Timing.round(streamGBs(threads)));
        }
        out.put("stream_add3_16m_gbs", stream);
        Map<String, Object> gemm = new LinkedHashMap<>();
        for (int n : new int[] {512, 2048}) {
            for (int threads = 1; threads <= 2; threads++) {
                gemm.put(n + " (" + threads + " threads)", Timing.round(sgemmGflops(n, threads)));
            }
        }
        out.put("openblas_sgemm_gflops", gemm);
        return out;
    }

    /** Best of 20 runs of {@code w = x + y + z} split over {@code threads} threads, in GB/s of the four streams. */
    static double streamGBs(int threads) throws InterruptedException, ExecutionException {
        float[] x = new float[STREAM_FLOATS];
        float[] y = new float[STREAM_FLOATS];
        float[] z = new float[STREAM_FLOATS];
        float[] w = new float[STREAM_FLOATS];
        java.util.Arrays.fill(x, 1f);
        java.util.Arrays.fill(y, 2f);
        java.util.Arrays.fill(z, 3f);
        double best = Double.MAX_VALUE;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            Future<?>[] parts = new Future<?>[threads];
            for (int run = 0; run < 25; run++) {
                long t0 = System.nanoTime();
                for (int p = 0; p < threads; p++) {
                    int from = (int) ((long) STREAM_FLOATS * p / threads);
                    int to = (int) ((long) STREAM_FLOATS * (p + 1) / threads);
                    parts[p] = pool.submit(() -> add3(x, y, z, w, from, to));
                }
                for (Future<?> f : parts) {
                    f.get();
                }
                double s = (System.nanoTime() - t0) / 1e9;
                if (run >= 5) {
                    best = Math.min(best, s);
                }
            }
        }
        return 4.0 * Float.BYTES * STREAM_FLOATS / best / 1e9;
    }

    private static void add3(float[] x, float[] y, float[] z, float[] w, int from, int to) {
        for (int i = from; i < to; i++) {
            w[i] = x[i] + y[i] + z[i];
        }
    }

    /** Best GFLOP/s of an n×n×n OpenBLAS {@code sgemm} with {@code threads} OpenBLAS threads. */
    static double sgemmGflops(int n, int threads) {
        int previous = openblas.blas_get_num_threads();
        openblas.blas_set_num_threads(threads);
        Random random = new Random(Inputs.SEED);
        float[] host = new float[n * n];
        for (int i = 0; i < host.length; i++) {
            host[i] = (float) random.nextGaussian();
        }
        try (FloatPointer a = new FloatPointer(host); FloatPointer b = new FloatPointer(host);
                FloatPointer c = new FloatPointer((long) n * n)) {
            int runs = n <= 512 ? 30 : 4;
            double best = Double.MAX_VALUE;
            for (int run = 0; run <= runs; run++) {
                long t0 = System.nanoTime();
                openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, n, n, n,
                        1f, a, n, b, n, 0f, c, n);
                double s = (System.nanoTime() - t0) / 1e9;
                if (run > 0) {
                    best = Math.min(best, s);
                }
            }
            return 2.0 * n * n * n / best / 1e9;
        } finally {
            openblas.blas_set_num_threads(previous);
        }
    }
}
