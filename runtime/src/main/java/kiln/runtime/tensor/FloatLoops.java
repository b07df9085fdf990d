package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 vector loops of {@link VectorLoops}, one per op so that C2 compiles each with every vector in a
 * register: {@code in}/{@code out} at byte offsets, {@code end} bytes of whole vectors. Ops as ATen's
 * {@code Vectorized<float>} computes them.
 */
final class FloatLoops {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    static final int LANES = S.length();
    /** Bytes of one vector. */
    static final long STEP = (long) LANES * Float.BYTES;

    private FloatLoops() {
    }

    private static FloatVector load(MemorySegment s, long at) {
        return FloatVector.fromMemorySegment(S, s, at, ORDER);
    }

    static void neg(MemorySegment out, long o, MemorySegment in, long i, long end) {
        for (long k = 0; k < end; k += STEP) {
            load(in, i + k).neg().intoMemorySegment(out, o + k, ORDER);
        }
    }

    static void abs(MemorySegment out, long o, MemorySegment in, long i, long end) {
        for (long k = 0; k < end; k += STEP) {
            load(in, i + k).abs().intoMemorySegment(out, o + k, ORDER);
        }
    }

    /** {@code x < 0 ? 0 : x}, keeping NaN and -0.0 as ATen's {@code clamp_min} does. */
    static void relu(MemorySegment out, long o, MemorySegment in, long i, long end) {
        for (long k = 0; k < end; k += STEP) {
            FloatVector x = load(in, i + k);
            x.blend(0f, x.compare(VectorOperators.LT, 0f)).intoMemorySegment(out, o + k, ORDER);
        }
    }

    static void exp(MemorySegment out, long o, MemorySegment in, long i, long end) {
        for (long k = 0; k < end; k += STEP) {
            load(in, i + k).lanewise(VectorOperators.EXP).intoMemorySegment(out, o + k, ORDER);
        }
    }

    static void sigmoid(MemorySegment out, long o, MemorySegment in, long i, long end) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (long k = 0; k < end; k += STEP) {
            one.div(load(in, i + k).neg().lanewise(VectorOperators.EXP).add(1f)).intoMemorySegment(out, o + k,
                    ORDER);
        }
    }

    static void tanh(MemorySegment out, long o, MemorySegment in, long i, long end) {
        for (long k = 0; k < end; k += STEP) {
            load(in, i + k).lanewise(VectorOperators.TANH).intoMemorySegment(out, o + k, ORDER);
        }
    }

    /**
     * {@code x * 0.5 * (1 + erf(x / sqrt(2)))} with ATen's {@code Vectorized<float>::erf}: {@code sign(z) * (1 -
     * r(t) * t * exp(-z^2))} with {@code t = 1 / (1 + p|z|)} and the quartic {@code r} of Abramowitz and Stegun
     * 7.1.26, in fused multiply-adds as ATen writes it. The erf is written into the loop: as a method of its own,
     * once compiled alone it was too big for C2 to inline, and every vector passed to it was boxed.
     */
    static void gelu(MemorySegment out, long o, MemorySegment in, long i, long end) {
        float rsqrt2 = (float) (1 / Math.sqrt(2));
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector a2 = FloatVector.broadcast(S, 1.421413741f);
        FloatVector a3 = FloatVector.broadcast(S, -0.284496736f);
        FloatVector a4 = FloatVector.broadcast(S, 0.254829592f);
        for (long k = 0; k < end; k += STEP) {
            FloatVector x = load(in, i + k);
            FloatVector z = x.mul(rsqrt2);
            FloatVector t = one.div(z.abs().fma(0.3275911f, 1f));
            FloatVector r = t.fma(1.061405429f, -1.453152027f).fma(t, a2).fma(t, a3).fma(t, a4);
            FloatVector e = z.mul(z).neg().lanewise(VectorOperators.EXP).neg();
            FloatVector y = e.mul(t).fma(r, one);
            FloatVector erf = y.blend(y.neg(), z.compare(VectorOperators.LT, 0f));
            x.mul(0.5f).mul(erf.add(1f)).intoMemorySegment(out, o + k, ORDER);
        }
    }

    static void hardsigmoid(MemorySegment out, long o, MemorySegment in, long i, long end) {
        for (long k = 0; k < end; k += STEP) {
            load(in, i + k).add(3f).max(0f).min(6f).div(6f).intoMemorySegment(out, o + k, ORDER);
        }
    }

    static void hardswish(MemorySegment out, long o, MemorySegment in, long i, long end) {
        for (long k = 0; k < end; k += STEP) {
            FloatVector x = load(in, i + k);
            x.mul(x.add(3f).max(0f).min(6f)).div(6f).intoMemorySegment(out, o + k, ORDER);
        }
    }

    static void add(VectorLoops.Operands p) {
        for (long k = 0, j = 0, m = 0; k < p.end(); k += STEP, j += p.as(), m += p.bs()) {
            load(p.a(), p.ao() + j).add(load(p.b(), p.bo() + m)).intoMemorySegment(p.out(), p.o() + k, ORDER);
        }
    }

    /** {@code a + alpha * b} as one fused multiply-add ({@code vec::fmadd(b, alpha, a)} in ATen). */
    static void addScaled(VectorLoops.Operands p, float alpha) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        for (long k = 0, j = 0, m = 0; k < p.end(); k += STEP, j += p.as(), m += p.bs()) {
            load(p.b(), p.bo() + m).fma(va, load(p.a(), p.ao() + j)).intoMemorySegment(p.out(), p.o() + k, ORDER);
        }
    }

    static void mul(VectorLoops.Operands p) {
        for (long k = 0, j = 0, m = 0; k < p.end(); k += STEP, j += p.as(), m += p.bs()) {
            load(p.a(), p.ao() + j).mul(load(p.b(), p.bo() + m)).intoMemorySegment(p.out(), p.o() + k, ORDER);
        }
    }

    static void div(VectorLoops.Operands p) {
        for (long k = 0, j = 0, m = 0; k < p.end(); k += STEP, j += p.as(), m += p.bs()) {
            load(p.a(), p.ao() + j).div(load(p.b(), p.bo() + m)).intoMemorySegment(p.out(), p.o() + k, ORDER);
        }
    }
}
