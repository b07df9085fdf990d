package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

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
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    static final int MR = 8;
    static final int NR = 2 * S.length();

    private GemmKernel() {
    }

    /**
     * C[0:rows, 0:cols] (+)= the product of the packed panels; {@code c} is row-major with {@code ldc} elements a
     * row from byte {@code cOff}; {@code add} keeps what C holds, else C is overwritten. Partial tiles go
     * through {@code tile} (MR * NR floats).
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
        if (rows == MR && cols == NR) {
            long row = ldc * Float.BYTES;
            store(c, cOff, l, c00, c01, add);
            store(c, cOff + row, l, c10, c11, add);
            store(c, cOff + 2 * row, l, c20, c21, add);
            store(c, cOff + 3 * row, l, c30, c31, add);
            store(c, cOff + 4 * row, l, c40, c41, add);
            store(c, cOff + 5 * row, l, c50, c51, add);
            store(c, cOff + 6 * row, l, c60, c61, add);
            store(c, cOff + 7 * row, l, c70, c71, add);
            return;
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
        Gemm.storeTile(tile, NR, c, cOff, ldc, rows, cols, add);
    }

    private static void store(MemorySegment c, long off, int l, FloatVector v0, FloatVector v1, boolean add) {
        long off1 = off + (long) l * Float.BYTES;
        if (add) {
            v0 = v0.add(FloatVector.fromMemorySegment(S, c, off, ORDER));
            v1 = v1.add(FloatVector.fromMemorySegment(S, c, off1, ORDER));
        }
        v0.intoMemorySegment(c, off, ORDER);
        v1.intoMemorySegment(c, off1, ORDER);
    }
}
