package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API bodies for contiguous float32 and float64 rows: each does whole vectors and returns the count, and
 * the caller finishes the tail with the scalar loop. Inputs with stride 0 are broadcast once. The operation is
 * a switch over {@link VectorOp} written inside each loop body: a vector that crossed a call the JIT did not
 * inline would be boxed, so the loops call nothing but the Vector API. Loaded only when
 * {@link VectorSupport#AVAILABLE}.
 */
final class VectorLoops {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorLoops() {
    }

    /**
     * True when the output is contiguous and each input contiguous or broadcast, and every operand the loops load
     * or store vectors through is native memory. A heap segment (a tensor over a Java array) goes to the scalar
     * loop instead: once the JDK's vector access code has seen both kinds of segment, C2 compiles every vector
     * load and store for both, and the loops over native memory run about 1.5x slower for the rest of the run
     * (pointwise_16m boxed its vectors: 15 GB of garbage in 40 calls).
     */
    static boolean fits(MemorySegment[] segments, long[] strides, long itemSize) {
        if (strides[0] != itemSize || !segments[0].isNative()) {
            return false;
        }
        for (int k = 1; k < strides.length; k++) {
            if (strides[k] != 0 && (strides[k] != itemSize || !segments[k].isNative())) {
                return false;
            }
        }
        return true;
    }

    /*
     * Each loop loads and stores only vectors that C2 keeps in registers: a value that is a loaded vector on one
     * path and a possibly-null broadcast constant on another makes C2 box every vector of the loop (a heap
     * object per load: pointwise_16m allocated 15 GB in 40 calls), so broadcast operands get loops of their own
     * and a broadcast unary input goes to the scalar loop.
     */

    static long unaryFloat(VectorOp op, MemorySegment[] seg, long[] off, long[] str, long n) {
        if (str[1] == 0) {
            return 0;
        }
        int lanes = FLOATS.length();
        long bound = n - n % lanes;
        MemorySegment out = seg[0];
        MemorySegment in = seg[1];
        long o0 = off[0];
        long o1 = off[1];
        for (long b = 0, end = bound * Float.BYTES; b < end; b += (long) lanes * Float.BYTES) {
            unary(op, FloatVector.fromMemorySegment(FLOATS, in, o1 + b, ORDER)).intoMemorySegment(out, o0 + b, ORDER);
        }
        return bound;
    }

    private static FloatVector unary(VectorOp op, FloatVector x) {
        return switch (op) {
            case NEG -> x.neg();
            case ABS -> x.abs();
            case RELU -> x.blend(0f, x.compare(VectorOperators.LT, 0f));
            case EXP -> x.lanewise(VectorOperators.EXP);
            case SIGMOID -> FloatVector.broadcast(FLOATS, 1f).div(x.neg().lanewise(VectorOperators.EXP).add(1f));
            case TANH -> x.lanewise(VectorOperators.TANH);
            case GELU -> x.mul(0.5f).mul(erf(x.mul((float) (1 / Math.sqrt(2)))).add(1f));
            case HARDSIGMOID -> x.add(3f).max(0f).min(6f).div(6f);
            case HARDSWISH -> x.mul(x.add(3f).max(0f).min(6f)).div(6f);
            default -> throw new IllegalArgumentException("not a unary vector op: " + op);
        };
    }

    /**
     * ATen's {@code Vectorized<float>::erf}: {@code sign(x) * (1 - r(t) * t * exp(-x^2))} with {@code t = 1 / (1 +
     * p|x|)} and the quartic {@code r} of Abramowitz and Stegun 7.1.26, in fused multiply-adds as ATen writes it.
     */
    private static FloatVector erf(FloatVector x) {
        FloatVector abs = x.abs();
        FloatVector t = FloatVector.broadcast(FLOATS, 1f).div(abs.fma(0.3275911f, 1f));
        FloatVector r = t.fma(1.061405429f, -1.453152027f).fma(t, FloatVector.broadcast(FLOATS, 1.421413741f))
                .fma(t, FloatVector.broadcast(FLOATS, -0.284496736f))
                .fma(t, FloatVector.broadcast(FLOATS, 0.254829592f));
        FloatVector e = x.mul(x).neg().lanewise(VectorOperators.EXP).neg();
        FloatVector y = e.mul(t).fma(r, FloatVector.broadcast(FLOATS, 1f));
        return y.blend(y.neg(), x.compare(VectorOperators.LT, 0f));
    }

    static long binaryFloat(VectorOp op, float alpha, MemorySegment[] seg, long[] off, long[] str, long n) {
        boolean aConst = str[1] == 0;
        boolean bConst = str[2] == 0;
        if (aConst && bConst) {
            return 0;
        }
        int lanes = FLOATS.length();
        long bound = n - n % lanes;
        long end = bound * Float.BYTES;
        long step = (long) lanes * Float.BYTES;
        MemorySegment out = seg[0];
        MemorySegment a = seg[1];
        MemorySegment b = seg[2];
        long o0 = off[0];
        long o1 = off[1];
        long o2 = off[2];
        FloatVector va = FloatVector.broadcast(FLOATS, alpha);
        if (aConst) {
            FloatVector x = FloatVector.broadcast(FLOATS, a.get(ElementIO.F32, o1));
            for (long i = 0; i < end; i += step) {
                binary(op, va, x, FloatVector.fromMemorySegment(FLOATS, b, o2 + i, ORDER))
                        .intoMemorySegment(out, o0 + i, ORDER);
            }
        } else if (bConst) {
            FloatVector y = FloatVector.broadcast(FLOATS, b.get(ElementIO.F32, o2));
            for (long i = 0; i < end; i += step) {
                binary(op, va, FloatVector.fromMemorySegment(FLOATS, a, o1 + i, ORDER), y)
                        .intoMemorySegment(out, o0 + i, ORDER);
            }
        } else {
            for (long i = 0; i < end; i += step) {
                binary(op, va, FloatVector.fromMemorySegment(FLOATS, a, o1 + i, ORDER),
                        FloatVector.fromMemorySegment(FLOATS, b, o2 + i, ORDER)).intoMemorySegment(out, o0 + i, ORDER);
            }
        }
        return bound;
    }

    private static FloatVector binary(VectorOp op, FloatVector alpha, FloatVector x, FloatVector y) {
        return switch (op) {
            case ADD -> x.add(y);
            case ADD_SCALED -> y.fma(alpha, x);
            case MUL -> x.mul(y);
            case DIV -> x.div(y);
            default -> throw new IllegalArgumentException("not a binary vector op: " + op);
        };
    }

    static long unaryDouble(VectorOp op, MemorySegment[] seg, long[] off, long[] str, long n) {
        if (op.floatOnly() || str[1] == 0) {
            return 0; // the scalar form does it all (ATen's double GELU uses an accurate erf)
        }
        int lanes = DOUBLES.length();
        long bound = n - n % lanes;
        MemorySegment out = seg[0];
        MemorySegment in = seg[1];
        long o0 = off[0];
        long o1 = off[1];
        for (long b = 0, end = bound * Double.BYTES; b < end; b += (long) lanes * Double.BYTES) {
            unary(op, DoubleVector.fromMemorySegment(DOUBLES, in, o1 + b, ORDER)).intoMemorySegment(out, o0 + b,
                    ORDER);
        }
        return bound;
    }

    private static DoubleVector unary(VectorOp op, DoubleVector x) {
        return switch (op) {
            case NEG -> x.neg();
            case ABS -> x.abs();
            case RELU -> x.blend(0d, x.compare(VectorOperators.LT, 0d));
            case EXP -> x.lanewise(VectorOperators.EXP);
            case SIGMOID -> DoubleVector.broadcast(DOUBLES, 1d).div(x.neg().lanewise(VectorOperators.EXP).add(1d));
            case TANH -> x.lanewise(VectorOperators.TANH);
            default -> throw new IllegalArgumentException("not a unary vector op: " + op);
        };
    }

    static long binaryDouble(VectorOp op, double alpha, MemorySegment[] seg, long[] off, long[] str, long n) {
        boolean aConst = str[1] == 0;
        boolean bConst = str[2] == 0;
        if (aConst && bConst) {
            return 0;
        }
        int lanes = DOUBLES.length();
        long bound = n - n % lanes;
        long end = bound * Double.BYTES;
        long step = (long) lanes * Double.BYTES;
        MemorySegment out = seg[0];
        MemorySegment a = seg[1];
        MemorySegment b = seg[2];
        long o0 = off[0];
        long o1 = off[1];
        long o2 = off[2];
        DoubleVector va = DoubleVector.broadcast(DOUBLES, alpha);
        if (aConst) {
            DoubleVector x = DoubleVector.broadcast(DOUBLES, a.get(ElementIO.F64, o1));
            for (long i = 0; i < end; i += step) {
                binary(op, va, x, DoubleVector.fromMemorySegment(DOUBLES, b, o2 + i, ORDER))
                        .intoMemorySegment(out, o0 + i, ORDER);
            }
        } else if (bConst) {
            DoubleVector y = DoubleVector.broadcast(DOUBLES, b.get(ElementIO.F64, o2));
            for (long i = 0; i < end; i += step) {
                binary(op, va, DoubleVector.fromMemorySegment(DOUBLES, a, o1 + i, ORDER), y)
                        .intoMemorySegment(out, o0 + i, ORDER);
            }
        } else {
            for (long i = 0; i < end; i += step) {
                binary(op, va, DoubleVector.fromMemorySegment(DOUBLES, a, o1 + i, ORDER),
                        DoubleVector.fromMemorySegment(DOUBLES, b, o2 + i, ORDER)).intoMemorySegment(out, o0 + i,
                        ORDER);
            }
        }
        return bound;
    }

    private static DoubleVector binary(VectorOp op, DoubleVector alpha, DoubleVector x, DoubleVector y) {
        return switch (op) {
            case ADD -> x.add(y);
            case ADD_SCALED -> y.fma(alpha, x);
            case MUL -> x.mul(y);
            case DIV -> x.div(y);
            default -> throw new IllegalArgumentException("not a binary vector op: " + op);
        };
    }
}
