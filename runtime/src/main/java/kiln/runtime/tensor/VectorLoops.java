package kiln.runtime.tensor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Vector API bodies for contiguous float32 and float64 rows: each does whole vectors and returns the count, and
 * the caller finishes the tail with the scalar loop. Loaded only when {@link VectorSupport#AVAILABLE}.
 *
 * <p>C2 turns Vector API calls into machine vectors only where it sees, in one compiled method, each vector from
 * the load to the store: a vector that crosses a call the JIT did not inline is boxed, and so is one that is a
 * load on one path and another value on the other. A switch over all ops inside one loop grew past what C2
 * inlines (pointwise_16m then allocated 15 GB of boxed vectors in 40 calls), so each op has a loop of its own
 * ({@link FloatLoops}, {@link DoubleLoops}) and the switch picks the loop. A broadcast input is read like any
 * other, with stride 0, from a vector's worth of copies of its value in a per-thread scratch segment.
 */
final class VectorLoops {
    /** Per thread: one vector's bytes holding copies of a broadcast input. */
    private static final ThreadLocal<MemorySegment> SPLAT = ThreadLocal.withInitial(
            () -> Arena.global().allocate(Math.max(FloatLoops.STEP, DoubleLoops.STEP), 64));

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

    static long unaryFloat(VectorOp op, MemorySegment[] seg, long[] off, long[] str, long n) {
        if (str[1] == 0) {
            return 0;
        }
        long bound = n - n % FloatLoops.LANES;
        long end = bound * Float.BYTES;
        MemorySegment out = seg[0];
        MemorySegment in = seg[1];
        long o = off[0];
        long i = off[1];
        switch (op) {
            case NEG -> FloatLoops.neg(out, o, in, i, end);
            case ABS -> FloatLoops.abs(out, o, in, i, end);
            case RELU -> FloatLoops.relu(out, o, in, i, end);
            case EXP -> FloatLoops.exp(out, o, in, i, end);
            case SIGMOID -> FloatLoops.sigmoid(out, o, in, i, end);
            case TANH -> FloatLoops.tanh(out, o, in, i, end);
            case GELU -> FloatLoops.gelu(out, o, in, i, end);
            case HARDSIGMOID -> FloatLoops.hardsigmoid(out, o, in, i, end);
            case HARDSWISH -> FloatLoops.hardswish(out, o, in, i, end);
            default -> throw new IllegalArgumentException("not a unary vector op: " + op);
        }
        return bound;
    }

    static long unaryDouble(VectorOp op, MemorySegment[] seg, long[] off, long[] str, long n) {
        if (op.floatOnly() || str[1] == 0) {
            return 0; // the scalar form does it all (ATen's double GELU uses an accurate erf)
        }
        long bound = n - n % DoubleLoops.LANES;
        long end = bound * Double.BYTES;
        MemorySegment out = seg[0];
        MemorySegment in = seg[1];
        long o = off[0];
        long i = off[1];
        switch (op) {
            case NEG -> DoubleLoops.neg(out, o, in, i, end);
            case ABS -> DoubleLoops.abs(out, o, in, i, end);
            case RELU -> DoubleLoops.relu(out, o, in, i, end);
            case EXP -> DoubleLoops.exp(out, o, in, i, end);
            case SIGMOID -> DoubleLoops.sigmoid(out, o, in, i, end);
            case TANH -> DoubleLoops.tanh(out, o, in, i, end);
            default -> throw new IllegalArgumentException("not a unary vector op: " + op);
        }
        return bound;
    }

    /** A binary row's operands as the loops read them: a broadcast input becomes a stride-0 splat. */
    record Operands(MemorySegment out, long o, MemorySegment a, long ao, long as, MemorySegment b, long bo, long bs,
            long end) {
    }

    static long binaryFloat(VectorOp op, float alpha, MemorySegment[] seg, long[] off, long[] str, long n) {
        if (str[1] == 0 && str[2] == 0) {
            return 0;
        }
        long bound = n - n % FloatLoops.LANES;
        Operands p = operands(seg, off, str, bound * Float.BYTES, FloatLoops.STEP, false);
        switch (op) {
            case ADD -> FloatLoops.add(p);
            case ADD_SCALED -> FloatLoops.addScaled(p, alpha);
            case MUL -> FloatLoops.mul(p);
            case DIV -> FloatLoops.div(p);
            default -> throw new IllegalArgumentException("not a binary vector op: " + op);
        }
        return bound;
    }

    static long binaryDouble(VectorOp op, double alpha, MemorySegment[] seg, long[] off, long[] str, long n) {
        if (str[1] == 0 && str[2] == 0) {
            return 0;
        }
        long bound = n - n % DoubleLoops.LANES;
        Operands p = operands(seg, off, str, bound * Double.BYTES, DoubleLoops.STEP, true);
        switch (op) {
            case ADD -> DoubleLoops.add(p);
            case ADD_SCALED -> DoubleLoops.addScaled(p, alpha);
            case MUL -> DoubleLoops.mul(p);
            case DIV -> DoubleLoops.div(p);
            default -> throw new IllegalArgumentException("not a binary vector op: " + op);
        }
        return bound;
    }

    /** The operands of a binary row; at most one input is broadcast (the caller checks). */
    private static Operands operands(MemorySegment[] seg, long[] off, long[] str, long end, long step,
            boolean doubles) {
        MemorySegment a = seg[1];
        MemorySegment b = seg[2];
        long ao = off[1];
        long bo = off[2];
        long as = step;
        long bs = step;
        if (str[1] == 0) {
            a = splat(a, ao, doubles);
            ao = 0;
            as = 0;
        } else if (str[2] == 0) {
            b = splat(b, bo, doubles);
            bo = 0;
            bs = 0;
        }
        return new Operands(seg[0], off[0], a, ao, as, b, bo, bs, end);
    }

    /** This thread's scratch vector filled with the element at byte {@code at} of {@code from}. */
    private static MemorySegment splat(MemorySegment from, long at, boolean doubles) {
        MemorySegment s = SPLAT.get();
        if (doubles) {
            double v = from.get(ElementIO.F64, at);
            for (int k = 0; k < DoubleLoops.LANES; k++) {
                s.setAtIndex(ValueLayout.JAVA_DOUBLE, k, v);
            }
        } else {
            float v = from.get(ElementIO.F32, at);
            for (int k = 0; k < FloatLoops.LANES; k++) {
                s.setAtIndex(ValueLayout.JAVA_FLOAT, k, v);
            }
        }
        return s;
    }
}
