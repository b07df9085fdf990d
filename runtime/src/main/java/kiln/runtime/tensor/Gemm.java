package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Single-precision matrix multiply ({@code sgemm}), blocked as BLIS/GotoBLAS do: C is computed in blocks of
 * {@link #NC} columns; for each {@link #KC}-deep slice of the inner dimension a block of B is packed into
 * {@code NR}-wide panels (kept in L2/L3) and, for each {@link #MC}-row block of A, A is packed into
 * {@code MR}-high panels (kept in L2); then a register-blocked micro-kernel ({@link GemmKernel} on the Vector
 * API, else the scalar {@link #scalarKernel}) computes each MR by NR tile of C. Operands are read through their
 * strides while packing, so transposed, sliced or broadcast (stride 0) operands need no copy. Products are
 * split over {@link Parallel}'s threads by batch, then by rows or columns of C. Sums are float32, as in ATen's
 * BLAS; each element's sum runs in k order within a slice of {@code KC}.
 */
final class Gemm {
    static final int MR = 8;
    static final int NR = VectorSupport.AVAILABLE ? GemmKernel.NR : 16;
    /** Whether tiles run on {@link GemmKernel}; tests turn it off to check the scalar kernel. */
    static volatile boolean vectorize = VectorSupport.AVAILABLE;
    static final int KC = 256;
    static final int MC = 128;
    static final int NC = 2048;
    /** Multiply-adds below which a product stays on one thread. */
    private static final long MIN_WORK_PER_THREAD = 1L << 18;
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;

    /** Packing buffers, one set per thread. */
    private record Buffers(float[] a, float[] b, float[] row, float[] tile) {
        Buffers() {
            this(new float[MC * KC], new float[KC * NC], new float[Math.max(KC, NC)], new float[(MR + 1) * NR]);
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /**
     * The B operand as the product reads it: {@link #pack} writes rows {@code [p0, p0 + kc)} of columns
     * {@code [j0, j0 + nc)} as {@code NR}-wide panels (panel {@code q} from {@code q * NR * kc}, row {@code p}'s
     * values at {@code p * NR}, missing columns of the last panel zero). A strided matrix, or a convolution's
     * patches read straight from the image ({@link Im2Col#patches}).
     */
    interface Source {
        void pack(int p0, int kc, int j0, int nc, float[] dst, float[] row);
    }

    /**
     * A strided float32 matrix in {@code seg}: element (i, j) at element index {@code off + i * rs + j * cs}.
     */
    record Matrix(MemorySegment seg, long off, long rs, long cs) implements Source {
        Matrix at(long rows, long cols) {
            return new Matrix(seg, off + rows * rs + cols * cs, rs, cs);
        }

        @Override
        public void pack(int p0, int kc, int j0, int nc, float[] dst, float[] row) {
            Gemm.pack(at(p0, j0), cs, rs, nc, kc, NR, dst, row);
        }
    }

    private Gemm() {
    }

    /**
     * {@code batches} products {@code C_t = A_t · B_t} of {@code m x k} by {@code k x n} float32 matrices: A_t is
     * {@code a} moved by {@code aOffs[t]} elements, B_t is {@code b.apply(t)}, and C_t the {@code t}-th
     * {@code m x n} row-major matrix of {@code c}, which is overwritten.
     */
    static void multiply(int batches, int m, int n, int k, Matrix a, long[] aOffs, IntFunction<Source> b,
            MemorySegment c) {
        int threads = Parallel.threadsFor((long) batches * m * n * Math.max(k, 1), MIN_WORK_PER_THREAD);
        boolean splitColumns = n >= m;
        int extent = splitColumns ? n : m;
        int unit = splitColumns ? NR : MR;
        int wanted = threads <= batches ? 1 : (threads + batches - 1) / batches;
        int piece = Math.max(unit, ceil(ceil(extent, wanted), unit) * unit);
        int parts = Math.max(1, ceil(extent, piece));
        Parallel.forEach(batches * parts, threads, task -> {
            int t = task / parts;
            int lo = task % parts * piece;
            int hi = Math.min(extent, lo + piece);
            Matrix at = new Matrix(a.seg(), a.off() + aOffs[t], a.rs(), a.cs());
            Source bt = b.apply(t);
            long cBase = (long) t * m * n;
            if (splitColumns) {
                compute(m, hi - lo, k, at, bt, lo, c, cBase + lo, n, BUFFERS.get());
            } else {
                compute(hi - lo, n, k, at.at(lo, 0), bt, 0, c, cBase + (long) lo * n, n, BUFFERS.get());
            }
        });
    }

    private static int ceil(int x, int y) {
        return (x + y - 1) / y;
    }

    /**
     * C (row-major, {@code ldc} elements a row, from element {@code cOff}) = A · B's columns {@code [j0, j0 + n)},
     * on this thread.
     */
    private static void compute(int m, int n, int k, Matrix a, Source b, int j0, MemorySegment c, long cOff,
            long ldc, Buffers buf) {
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                c.asSlice((cOff + i * ldc) * Float.BYTES, (long) n * Float.BYTES).fill((byte) 0);
            }
            return;
        }
        boolean vector = vectorize;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                b.pack(pc, kc, j0 + jc, nc, buf.b(), buf.row());
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    pack(a.at(ic, pc), a.rs(), a.cs(), mc, kc, MR, buf.a(), buf.row());
                    for (int jr = 0; jr < nc; jr += NR) {
                        for (int ir = 0; ir < mc; ir += MR) {
                            long co = (cOff + (ic + ir) * ldc + jc + jr) * Float.BYTES;
                            int rows = Math.min(MR, mc - ir);
                            int cols = Math.min(NR, nc - jr);
                            if (vector) {
                                GemmKernel.run(kc, buf.a(), ir * kc, buf.b(), jr * kc, c, co, ldc, rows, cols, pc > 0,
                                        buf.tile());
                            } else {
                                scalarKernel(kc, buf.a(), ir * kc, buf.b(), jr * kc, c, co, ldc, rows, cols, pc > 0,
                                        buf.tile());
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs {@code width} lines (along stride {@code sWidth}) of {@code kc} elements (along {@code sK}) from
     * {@code src} into panels of {@code w} lines: panel {@code q} starts at {@code q * w * kc}, and holds step
     * {@code p}'s values of its lines at {@code p * w}. The last panel's missing lines are zero.
     */
    static void pack(Matrix src, long sWidth, long sK, int width, int kc, int w, float[] dst, float[] row) {
        MemorySegment seg = src.seg();
        long off = src.off();
        if (sWidth == 1) {
            for (int p = 0; p < kc; p++) {
                MemorySegment.copy(seg, F32, (off + p * sK) * Float.BYTES, row, 0, width);
                scatterRow(row, width, kc, w, p, dst);
            }
        } else if (sK == 1) {
            for (int i = 0; i < width; i++) {
                MemorySegment.copy(seg, F32, (off + i * sWidth) * Float.BYTES, row, 0, kc);
                int base = i / w * w * kc + i % w;
                for (int p = 0; p < kc; p++) {
                    dst[base + p * w] = row[p];
                }
            }
        } else {
            for (int i = 0; i < width; i++) {
                int base = i / w * w * kc + i % w;
                for (int p = 0; p < kc; p++) {
                    dst[base + p * w] = seg.get(F32, (off + i * sWidth + p * sK) * Float.BYTES);
                }
            }
        }
        zeroTail(width, kc, w, dst);
    }

    /** Row {@code p} of a block, {@code width} values in {@code row}, into its panels of {@code w}. */
    static void scatterRow(float[] row, int width, int kc, int w, int p, float[] dst) {
        for (int q = 0; q * w < width; q++) {
            System.arraycopy(row, q * w, dst, q * w * kc + p * w, Math.min(w, width - q * w));
        }
    }

    /** Zeroes the missing lines of a block's last panel. */
    static void zeroTail(int width, int kc, int w, float[] dst) {
        int tail = width % w;
        if (tail != 0) {
            int base = width / w * w * kc;
            for (int p = 0; p < kc; p++) {
                Arrays.fill(dst, base + p * w + tail, base + p * w + w, 0f);
            }
        }
    }

    /** The micro-kernel without the Vector API: the same tile, one scalar fused multiply-add at a time. */
    private static void scalarKernel(int kc, float[] a, int ai, float[] b, int bi, MemorySegment c, long cOff,
            long ldc, int rows, int cols, boolean add, float[] tile) {
        Arrays.fill(tile, 0f);
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            for (int i = 0; i < MR; i++) {
                float x = a[ai + i];
                for (int j = 0; j < NR; j++) {
                    tile[i * NR + j] = Math.fma(x, b[bi + j], tile[i * NR + j]);
                }
            }
        }
        storeTile(tile, NR, c, cOff, ldc, rows, cols, add);
    }

    /** Writes (or with {@code add}, adds) the top-left {@code rows x cols} of {@code tile} into C at byte cOff. */
    static void storeTile(float[] tile, int ld, MemorySegment c, long cOff, long ldc, int rows, int cols,
            boolean add) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                long o = cOff + (i * ldc + j) * Float.BYTES;
                float v = tile[i * ld + j];
                c.set(F32, o, add ? c.get(F32, o) + v : v);
            }
        }
    }
}
