package kiln.runtime.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code softmax}/{@code log_softmax} of float32 rows on the Vector API, as ATen's vectorized last-dim kernels
 * compute them in float: the row's max, {@code exp(x - max)} summed in float, then scaled by {@code 1 / sum}
 * (or {@code x - max - log(sum)}). Loaded only when {@link VectorSupport#AVAILABLE}.
 */
final class SoftmaxRows {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private SoftmaxRows() {
    }

    /** Rewrites each row of {@code n} consecutive values of {@code x} in place. */
    static void apply(float[] x, int n, boolean log) {
        int lanes = S.length();
        int bound = n - n % lanes;
        for (int base = 0; n > 0 && base < x.length; base += n) {
            FloatVector vmax = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            int j = 0;
            for (; j < bound; j += lanes) {
                vmax = vmax.max(FloatVector.fromArray(S, x, base + j));
            }
            float max = vmax.reduceLanes(VectorOperators.MAX);
            for (; j < n; j++) {
                max = Math.max(max, x[base + j]);
            }
            FloatVector vsum = FloatVector.zero(S);
            for (j = 0; j < bound; j += lanes) {
                FloatVector e = FloatVector.fromArray(S, x, base + j).sub(max).lanewise(VectorOperators.EXP);
                vsum = vsum.add(e);
                if (!log) {
                    e.intoArray(x, base + j);
                }
            }
            float sum = vsum.reduceLanes(VectorOperators.ADD);
            for (; j < n; j++) {
                float e = (float) Math.exp(x[base + j] - max);
                sum += e;
                if (!log) {
                    x[base + j] = e;
                }
            }
            if (log) {
                float shift = max + (float) Math.log(sum);
                for (j = 0; j < bound; j += lanes) {
                    FloatVector.fromArray(S, x, base + j).sub(shift).intoArray(x, base + j);
                }
                for (; j < n; j++) {
                    x[base + j] -= shift;
                }
            } else {
                float scale = 1 / sum;
                for (j = 0; j < bound; j += lanes) {
                    FloatVector.fromArray(S, x, base + j).mul(scale).intoArray(x, base + j);
                }
                for (; j < n; j++) {
                    x[base + j] *= scale;
                }
            }
        }
    }
}
