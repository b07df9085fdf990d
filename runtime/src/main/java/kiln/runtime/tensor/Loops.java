package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

import kiln.runtime.tensor.Access.DoubleReader;
import kiln.runtime.tensor.Access.DoubleWriter;
import kiln.runtime.tensor.Access.LongReader;
import kiln.runtime.tensor.Access.LongWriter;
import kiln.runtime.tensor.Iteration.StridedRun;

/**
 * The scalar inner loops: one strided row of a unary or binary function, reading and writing through
 * {@link Access}. Operand 0 is the output. Also the split of a row into a vectorized body and a scalar tail.
 */
final class Loops {
    private Loops() {
    }

    static StridedRun unaryDouble(DoubleReader in, DoubleUnaryOperator f, DoubleWriter out) {
        return (seg, off, str, n) -> {
            MemorySegment s0 = seg[0];
            MemorySegment s1 = seg[1];
            long o0 = off[0];
            long o1 = off[1];
            for (long i = 0; i < n; i++, o0 += str[0], o1 += str[1]) {
                out.write(s0, o0, f.applyAsDouble(in.read(s1, o1)));
            }
        };
    }

    static StridedRun binaryDouble(DoubleReader a, DoubleReader b, DoubleBinaryOperator f, DoubleWriter out) {
        return (seg, off, str, n) -> {
            MemorySegment s0 = seg[0];
            MemorySegment s1 = seg[1];
            MemorySegment s2 = seg[2];
            long o0 = off[0];
            long o1 = off[1];
            long o2 = off[2];
            for (long i = 0; i < n; i++, o0 += str[0], o1 += str[1], o2 += str[2]) {
                out.write(s0, o0, f.applyAsDouble(a.read(s1, o1), b.read(s2, o2)));
            }
        };
    }

    static StridedRun unaryLong(LongReader in, LongUnaryOperator f, LongWriter out) {
        return (seg, off, str, n) -> {
            MemorySegment s0 = seg[0];
            MemorySegment s1 = seg[1];
            long o0 = off[0];
            long o1 = off[1];
            for (long i = 0; i < n; i++, o0 += str[0], o1 += str[1]) {
                out.write(s0, o0, f.applyAsLong(in.read(s1, o1)));
            }
        };
    }

    static StridedRun binaryLong(LongReader a, LongReader b, LongBinaryOperator f, LongWriter out) {
        return (seg, off, str, n) -> {
            MemorySegment s0 = seg[0];
            MemorySegment s1 = seg[1];
            MemorySegment s2 = seg[2];
            long o0 = off[0];
            long o1 = off[1];
            long o2 = off[2];
            for (long i = 0; i < n; i++, o0 += str[0], o1 += str[1], o2 += str[2]) {
                out.write(s0, o0, f.applyAsLong(a.read(s1, o1), b.read(s2, o2)));
            }
        };
    }

    /** Copies a row of equal dtypes byte for byte: one bulk copy when both sides are contiguous. */
    static StridedRun sameDtypeCopy(long itemSize) {
        return (seg, off, str, n) -> {
            if (str[0] == itemSize && str[1] == itemSize) {
                MemorySegment.copy(seg[1], off[1], seg[0], off[0], n * itemSize);
                return;
            }
            long o0 = off[0];
            long o1 = off[1];
            for (long i = 0; i < n; i++, o0 += str[0], o1 += str[1]) {
                MemorySegment.copy(seg[1], o1, seg[0], o0, itemSize);
            }
        };
    }

    /** A vectorized body, returning how many leading elements of the row it did. */
    @FunctionalInterface
    interface VectorBody {
        long run(MemorySegment[] segments, long[] offsets, long[] strides, long n);
    }

    /**
     * Elements a vectorized body gets per call: long rows are cut into pieces of this size, so that the JIT
     * compiles the bodies from many short calls with settled profiles instead of replacing a running loop on stack
     * again each time a new op or operand shape first reaches it (a 16M-element row is one call otherwise).
     */
    static final long VECTOR_CHUNK = 1L << 14;

    /**
     * A row that runs {@code body} where every operand is contiguous (inputs may be broadcast), and
     * {@code scalar} on the rest.
     */
    static StridedRun vectorized(VectorBody body, StridedRun scalar, long itemSize) {
        return (seg, off, str, n) -> {
            if (!VectorLoops.fits(seg, str, itemSize)) {
                scalar.run(seg, off, str, n);
                return;
            }
            long[] at = off; // copied only once the row needs a second piece or a scalar tail
            long start = 0;
            while (start < n) {
                long piece = Math.min(VECTOR_CHUNK, n - start);
                long done = body.run(seg, at, str, piece);
                start += done;
                if (done < piece || start == n) {
                    break;
                }
                at = advance(at, off, str, start);
            }
            if (start < n) {
                scalar.run(seg, advance(at, off, str, start), str, n - start);
            }
        };
    }

    /** The offsets {@code start} elements into a row ({@code off} itself is never written). */
    private static long[] advance(long[] at, long[] off, long[] str, long start) {
        long[] out = at == off ? new long[off.length] : at;
        for (int k = 0; k < off.length; k++) {
            out[k] = off[k] + start * str[k];
        }
        return out;
    }
}
