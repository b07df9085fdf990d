package kiln.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The Vector API rows give the scalar loops' results: bit for bit, and within an ulp for exp. */
class VectorPathTest {
    private static final int N = 1037; // not a multiple of any vector length

    private static Tensor randomFloats(long seed, int n) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * 10);
        }
        v[0] = -0f;
        v[1] = Float.NaN;
        v[2] = Float.POSITIVE_INFINITY;
        return Tensor.of(v);
    }

    private static Tensor randomDoubles(long seed, int n) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * 10;
        }
        v[0] = -0.0;
        v[1] = Double.NaN;
        return Tensor.of(v);
    }

    private static Tensor scalarPath(Function<Tensor[], Tensor> op, Tensor... in) {
        boolean saved = Elementwise.vectorize;
        Elementwise.vectorize = false;
        try {
            return op.apply(in);
        } finally {
            Elementwise.vectorize = saved;
        }
    }

    private static final List<Function<Tensor[], Tensor>> OPS = List.of(
            t -> t[0].add(t[1]),
            t -> Ops.add(t[0], t[1], Scalar.of(2.5)),
            t -> Ops.sub(t[0], t[1], Scalar.of(3L)),
            t -> t[0].mul(t[1]),
            t -> t[0].div(t[1]),
            t -> t[0].neg(),
            t -> t[0].abs(),
            t -> t[0].relu(),
            t -> t[0].mul(Scalar.of(0.1)),
            t -> t[0].add(t[1].select(0, 5)),
            t -> t[0].view(N, 1).expand(N, 3).mul(t[1].narrow(0, 0, 3)));

    @Test
    void theVectorApiIsOnUnderTheBuild() {
        assertTrue(VectorSupport.AVAILABLE, "tests run with --add-modules jdk.incubator.vector");
        assertTrue(Elementwise.vectorize);
    }

    @Test
    void floatsMatchBitForBit() {
        Tensor a = randomFloats(1, N);
        Tensor b = randomFloats(2, N);
        for (Function<Tensor[], Tensor> op : OPS) {
            assertArrayEquals(scalarPath(op, a, b).toFloatArray(), op.apply(new Tensor[] {a, b}).toFloatArray());
        }
    }

    @Test
    void doublesMatchBitForBit() {
        Tensor a = randomDoubles(3, N);
        Tensor b = randomDoubles(4, N);
        for (Function<Tensor[], Tensor> op : OPS) {
            assertArrayEquals(scalarPath(op, a, b).toDoubleArray(), op.apply(new Tensor[] {a, b}).toDoubleArray());
        }
    }

    @Test
    void expIsWithinAnUlp() {
        Tensor a = randomFloats(5, N).div(Scalar.of(4L));
        float[] vector = a.exp().toFloatArray();
        float[] scalar = scalarPath(t -> t[0].exp(), a).toFloatArray();
        for (int i = 0; i < N; i++) {
            if (Float.isNaN(scalar[i])) {
                assertTrue(Float.isNaN(vector[i]));
            } else {
                assertEquals(scalar[i], vector[i], Math.ulp(scalar[i]), "at " + i);
            }
        }
        Tensor d = randomDoubles(6, N).div(Scalar.of(4L));
        double[] dv = d.exp().toDoubleArray();
        double[] ds = scalarPath(t -> t[0].exp(), d).toDoubleArray();
        for (int i = 0; i < N; i++) {
            if (!Double.isNaN(ds[i])) {
                assertEquals(ds[i], dv[i], Math.ulp(ds[i]), "at " + i);
            }
        }
    }

    @Test
    void rowsOfNonContiguousTensorsVectorizeToo() {
        Tensor m = randomFloats(7, 64 * 37).view(64, 37);
        Tensor rows = m.slice(1, 1L, 36L);   // contiguous rows, strided between rows
        Tensor expected = scalarPath(t -> t[0].mul(t[0]), rows);
        assertArrayEquals(expected.toFloatArray(), rows.mul(rows).toFloatArray());
    }
}
