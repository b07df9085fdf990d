package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked sgemm micro-kernel on the Vector API: an {@link #MR} by {@link #NR} tile of C (eight
 * rows of two vectors) held in sixteen accumulators while it walks {@code kc} steps of a packed A panel
 * (MR values a step) and a packed B panel (NR values a step), one fused multiply-add per accumulator and step.
 * Loaded only when {@link VectorSupport#AVAILABLE}; {@link Gemm} has the scalar twin.
 */
final class GemmKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;
    static final int MR = 8;
    static final int NR = 2 * S.length();

    private GemmKernel() {
    }

    /**
     * C[0:rows, 0:cols] (+)= the product of the packed panels; {@code c} is row-major with {@code ldc} elements a
     * row from byte {@code cOff}; {@code add} keeps what C holds, else C is overwritten. The tile passes
     * through {@code tile} ((MR + 1) * NR floats).
     */
    static void run(int kc, float[] a, int ai, float[] b, int bi, MemorySegment c, long cOff, long ldc, int rows,
            int cols, boolean add, float[] tile) {
        int l = S.length();
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        FloatVector c60 = c00;
        FloatVector c61 = c00;
        FloatVector c70 = c00;
        FloatVector c71 = c00;
        for (int p = 0; p < kc; p++, ai += MR, bi += 2 * l) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + l);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, a[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, a[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, a[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, a[ai + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, a[ai + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            x = FloatVector.broadcast(S, a[ai + 6]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            x = FloatVector.broadcast(S, a[ai + 7]);
            c70 = b0.fma(x, c70);
            c71 = b1.fma(x, c71);
        }
        int n = NR;
        c00.intoArray(tile, 0);
        c01.intoArray(tile, l);
        c10.intoArray(tile, n);
        c11.intoArray(tile, n + l);
        c20.intoArray(tile, 2 * n);
        c21.intoArray(tile, 2 * n + l);
        c30.intoArray(tile, 3 * n);
        c31.intoArray(tile, 3 * n + l);
        c40.intoArray(tile, 4 * n);
        c41.intoArray(tile, 4 * n + l);
        c50.intoArray(tile, 5 * n);
        c51.intoArray(tile, 5 * n + l);
        c60.intoArray(tile, 6 * n);
        c61.intoArray(tile, 6 * n + l);
        c70.intoArray(tile, 7 * n);
        c71.intoArray(tile, 7 * n + l);
        if (rows == MR && cols == NR) {
            store(tile, c, cOff, ldc, add);
        } else {
            Gemm.storeTile(tile, NR, c, cOff, ldc, rows, cols, add);
        }
    }

    /**
     * A whole tile into C, through the heap: vector loads and stores on a pooled segment cost far more than
     * on arrays, so C's rows are copied in and out in bulk. Kept apart from {@link #run} and taking no vectors,
     * so that the JIT compiles each with all its Vector API calls inlined (a vector crossing a call that is
     * not inlined is boxed). {@code tile} has room for one more row after the tile.
     */
    private static void store(float[] tile, MemorySegment c, long cOff, long ldc, boolean add) {
        int scratch = MR * NR;
        for (int i = 0; i < MR; i++) {
            long off = cOff + i * ldc * Float.BYTES;
            if (add) {
                MemorySegment.copy(c, F32, off, tile, scratch, NR);
                for (int j = 0; j < NR; j += S.length()) {
                    FloatVector.fromArray(S, tile, i * NR + j).add(FloatVector.fromArray(S, tile, scratch + j))
                            .intoArray(tile, i * NR + j);
                }
            }
            MemorySegment.copy(tile, i * NR, c, F32, off, NR);
        }
    }
}
