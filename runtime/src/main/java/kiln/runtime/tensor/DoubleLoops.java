package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The float64 twins of {@link FloatLoops} (without GELU and the hard activations, which stay scalar). */
final class DoubleLoops {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    static final int LANES = S.length();
    /** Bytes of one vector. */
    static final long STEP = (long) LANES * Double.BYTES;

    private DoubleLoops() {
    }

    private static DoubleVector load(MemorySegment s, long at) {
        return DoubleVector.fromMemorySegment(S, s, at, ORDER);
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

    static void relu(MemorySegment out, long o, MemorySegment in, long i, long end) {
        for (long k = 0; k < end; k += STEP) {
            DoubleVector x = load(in, i + k);
            x.blend(0d, x.compare(VectorOperators.LT, 0d)).intoMemorySegment(out, o + k, ORDER);
        }
    }

    static void exp(MemorySegment out, long o, MemorySegment in, long i, long end) {
        for (long k = 0; k < end; k += STEP) {
            load(in, i + k).lanewise(VectorOperators.EXP).intoMemorySegment(out, o + k, ORDER);
        }
    }

    static void sigmoid(MemorySegment out, long o, MemorySegment in, long i, long end) {
        DoubleVector one = DoubleVector.broadcast(S, 1d);
        for (long k = 0; k < end; k += STEP) {
            one.div(load(in, i + k).neg().lanewise(VectorOperators.EXP).add(1d)).intoMemorySegment(out, o + k,
                    ORDER);
        }
    }

    static void tanh(MemorySegment out, long o, MemorySegment in, long i, long end) {
        for (long k = 0; k < end; k += STEP) {
            load(in, i + k).lanewise(VectorOperators.TANH).intoMemorySegment(out, o + k, ORDER);
        }
    }

    static void add(VectorLoops.Operands p) {
        for (long k = 0, j = 0, m = 0; k < p.end(); k += STEP, j += p.as(), m += p.bs()) {
            load(p.a(), p.ao() + j).add(load(p.b(), p.bo() + m)).intoMemorySegment(p.out(), p.o() + k, ORDER);
        }
    }

    static void addScaled(VectorLoops.Operands p, double alpha) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
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
