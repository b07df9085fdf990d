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
 * split over {@link Parallel}'s threads by batch, then by rows or columns of C. Constant operands (weights) are
 * packed once and kept ({@link PackedOperands}). Sums are float32, as in ATen's
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
    /** Batches up to which each batch's operands are looked up in {@link PackedOperands} (else the first only). */
    private static final int MAX_CACHED_BATCHES = 64;
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;

    /** Packing buffers, one set per thread. */
    private record Buffers(float[] a, float[] b, float[] row, float[] tile) {
        Buffers() {
            this(new float[MC * KC], new float[KC * NC], new float[Math.max(KC, NC)], new float[(MR + 1) * NR]);
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /**
     * Packed panels of one {@link #KC} block: the panel of {@code w} lines that the product asked for first starts
     * at {@code base} of {@code data}, the next at {@code base + w * kc}, each holding step {@code p}'s values of
     * its lines at {@code p * w} (missing lines of the operand's last panel zero).
     */
    record Panels(float[] data, int base) {
    }

    /**
     * An operand as the product reads it: {@link #pack} hands back steps {@code [p0, p0 + kc)} of lines
     * {@code [j0, j0 + nc)} (B's columns, or A's rows) as panels, packed into {@code dst} from 0 or found in
     * an operand packed before ({@link PackedOperands}). A strided matrix ({@link Lines}), or a convolution's
     * patches read straight from the image ({@link Im2Col#patches}).
     */
    interface Source {
        Panels pack(int p0, int kc, int j0, int nc, float[] dst, float[] row);
    }

    /**
     * A strided float32 matrix in {@code seg}: element (i, j) at element index {@code off + i * rs + j * cs}.
     * {@code storage} is the storage behind {@code seg}, or null where there is none (then the product does not
     * cache the matrix packed).
     */
    record Matrix(MemorySegment seg, Storage storage, long off, long rs, long cs) {
        /** The matrix moved by {@code elements} elements. */
        Matrix moved(long elements) {
            return new Matrix(seg, storage, off + elements, rs, cs);
        }

        /** The matrix as the A operand: its rows are the lines, in panels of {@link #MR}. */
        Lines rows() {
            return new Lines(seg, storage, off, rs, cs, MR);
        }

        /** The matrix as the B operand: its columns are the lines, in panels of {@link #NR}. */
        Lines columns() {
            return new Lines(seg, storage, off, cs, rs, NR);
        }
    }

    /**
     * A strided matrix read as lines of steps: step {@code p} of line {@code l} at element index
     * {@code off + l * sLine + p * sK} of {@code seg}, packed into panels of {@code w} lines.
     */
    record Lines(MemorySegment seg, Storage storage, long off, long sLine, long sK, int w) implements Source {
        @Override
        public Panels pack(int p0, int kc, int j0, int nc, float[] dst, float[] row) {
            Gemm.pack(this, p0, kc, j0, nc, dst, 0, row);
            return new Panels(dst, 0);
        }
    }

    private Gemm() {
    }

    /**
     * {@code batches} products {@code C_t = A_t · B_t} of {@code m x k} by {@code k x n} float32 matrices: A_t is
     * {@code a} moved by {@code aOffs[t]} elements, B_t is {@code b.apply(t)}, and C_t the {@code t}-th
     * {@code m x n} row-major matrix of {@code c}, which is overwritten. Operands with a storage may be read
     * from their packed copy in {@link PackedOperands}.
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
        Source[] as = operands(batches, t -> a.moved(aOffs[t]).rows(), m, k);
        Source[] bs = operands(batches, b, n, k);
        Parallel.forEach(batches * parts, threads, task -> {
            int t = task / parts;
            int lo = task % parts * piece;
            int hi = Math.min(extent, lo + piece);
            long cBase = (long) t * m * n;
            if (splitColumns) {
                compute(m, hi - lo, k, as[t], 0, bs[t], lo, c, cBase + lo, n, BUFFERS.get());
            } else {
                compute(hi - lo, n, k, as[t], lo, bs[t], 0, c, cBase + (long) lo * n, n, BUFFERS.get());
            }
        });
    }

    /**
     * Each batch's operand of {@code lines} lines and {@code k} steps, the strided ones looked up in
     * {@link PackedOperands}: all of them for a few batches, else only where batches share one matrix.
     */
    private static Source[] operands(int batches, IntFunction<Source> source, int lines, int k) {
        Source[] out = new Source[batches];
        Source last = null;
        for (int t = 0; t < batches; t++) {
            Source s = source.apply(t);
            if (t > 0 && s.equals(last)) {
                out[t] = out[t - 1];
            } else {
                out[t] = s instanceof Lines l && (batches <= MAX_CACHED_BATCHES || t == 0)
                        ? PackedOperands.resolve(l, lines, k) : s;
            }
            last = s;
        }
        return out;
    }

    private static int ceil(int x, int y) {
        return (x + y - 1) / y;
    }

    /**
     * C (row-major, {@code ldc} elements a row, from element {@code cOff}) = A's rows {@code [i0, i0 + m)} · B's
     * columns {@code [j0, j0 + n)}, on this thread. {@code i0} is a multiple of {@link #MR} and {@code j0} of
     * {@link #NR}, so that the panels of a packed operand line up with the product's.
     */
    private static void compute(int m, int n, int k, Source a, int i0, Source b, int j0, MemorySegment c, long cOff,
            long ldc, Buffers buf) {
        assert i0 % MR == 0 && j0 % NR == 0 : "unaligned " + i0 + ", " + j0;
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
                Panels bp = b.pack(pc, kc, j0 + jc, nc, buf.b(), buf.row());
                float[] bd = bp.data();
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    Panels ap = a.pack(pc, kc, i0 + ic, mc, buf.a(), buf.row());
                    float[] ad = ap.data();
                    for (int jr = 0; jr < nc; jr += NR) {
                        int bi = bp.base() + jr * kc;
                        for (int ir = 0; ir < mc; ir += MR) {
                            long co = (cOff + (ic + ir) * ldc + jc + jr) * Float.BYTES;
                            int ai = ap.base() + ir * kc;
                            int rows = Math.min(MR, mc - ir);
                            int cols = Math.min(NR, nc - jr);
                            if (vector) {
                                GemmKernel.run(kc, ad, ai, bd, bi, c, co, ldc, rows, cols, pc > 0, buf.tile());
                            } else {
                                scalarKernel(kc, ad, ai, bd, bi, c, co, ldc, rows, cols, pc > 0, buf.tile());
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs steps {@code [p0, p0 + kc)} of lines {@code [l0, l0 + width)} of {@code src} into panels of
     * {@code src.w()} lines from {@code dst[d0]}: panel {@code q} starts at {@code d0 + q * w * kc}, and holds
     * step {@code p}'s values of its lines at {@code p * w}. The last panel's missing lines are zero.
     * {@code row} holds at least {@code width} values (and {@code kc}).
     */
    static void pack(Lines src, int p0, int kc, int l0, int width, float[] dst, int d0, float[] row) {
        MemorySegment seg = src.seg();
        long sWidth = src.sLine();
        long sK = src.sK();
        int w = src.w();
        long off = src.off() + l0 * sWidth + p0 * sK;
        if (sWidth == 1) {
            for (int p = 0; p < kc; p++) {
                MemorySegment.copy(seg, F32, (off + p * sK) * Float.BYTES, row, 0, width);
                scatterRow(row, width, kc, w, p, dst, d0);
            }
        } else if (sK == 1) {
            for (int i = 0; i < width; i++) {
                MemorySegment.copy(seg, F32, (off + i * sWidth) * Float.BYTES, row, 0, kc);
                int base = d0 + i / w * w * kc + i % w;
                for (int p = 0; p < kc; p++) {
                    dst[base + p * w] = row[p];
                }
            }
        } else {
            for (int i = 0; i < width; i++) {
                int base = d0 + i / w * w * kc + i % w;
                for (int p = 0; p < kc; p++) {
                    dst[base + p * w] = seg.get(F32, (off + i * sWidth + p * sK) * Float.BYTES);
                }
            }
        }
        zeroTail(width, kc, w, dst, d0);
    }

    /** Row {@code p} of a block, {@code width} values in {@code row}, into its panels of {@code w} from {@code d0}. */
    static void scatterRow(float[] row, int width, int kc, int w, int p, float[] dst, int d0) {
        for (int q = 0; q * w < width; q++) {
            System.arraycopy(row, q * w, dst, d0 + q * w * kc + p * w, Math.min(w, width - q * w));
        }
    }

    /** Zeroes the missing lines of the last panel of a block packed from {@code d0}. */
    static void zeroTail(int width, int kc, int w, float[] dst, int d0) {
        int tail = width % w;
        if (tail != 0) {
            int base = d0 + width / w * w * kc;
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
