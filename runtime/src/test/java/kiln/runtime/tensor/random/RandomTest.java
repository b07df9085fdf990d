package kiln.runtime.tensor.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Seeded sampling gives PyTorch's values: reference.txt holds what PyTorch's CPU generator returned for the same
 * seeds and calls (written by tools/gen-random-reference.py). Uniform and integer draws must match exactly;
 * normal draws within 2 float32 ulps (PyTorch's vectorized float log/sin/cos are not the correctly rounded ones).
 */
class RandomTest {
    private record Reference(long seed, String dtype, double[] values) {
    }

    private static Map<String, Reference> references() throws IOException {
        Map<String, Reference> out = new LinkedHashMap<>();
        try (InputStream in = RandomTest.class.getResourceAsStream("/kiln/runtime/random/reference.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                double[] v = Arrays.stream(f, 3, f.length).mapToDouble(Double::parseDouble).toArray();
                out.put(f[0], new Reference(Long.parseLong(f[1]), f[2], v));
            }
        }
        return out;
    }

    private static void check(Map<String, Reference> refs, String name, double tolerance, Supplier<Tensor> make) {
        Reference r = refs.get(name);
        Generator.defaultCpu().manualSeed(r.seed());
        Tensor t = make.get();
        assertEquals("torch." + r.dtype(), t.dtype().pythonName(), name);
        double[] actual = t.contiguous().toDoubleArray();
        if (tolerance == 0) {
            assertArrayEquals(r.values(), actual, name);
        } else {
            assertArrayEquals(r.values(), actual, tolerance, name);
        }
    }

    @Test
    void seededSamplesAreThoseOfPyTorch() throws IOException {
        Map<String, Reference> refs = references();
        Generator g = Generator.defaultCpu();
        check(refs, "rand_f32", 0, () -> Sampling.uniform_(Tensor.empty(ScalarType.Float, 5), 0, 1, g));
        check(refs, "rand_f64", 0, () -> Sampling.uniform_(Tensor.empty(ScalarType.Double, 3), 0, 1, g));
        check(refs, "uniform_range", 0, () -> Sampling.uniform_(Tensor.empty(ScalarType.Float, 4), -2, 5, g));
        check(refs, "default_seed_rand", 0, () -> Sampling.uniform_(Tensor.empty(ScalarType.Float, 2), 0, 1, g));
        check(refs, "randn_f32_serial", 1e-6, () -> Sampling.normal_(Tensor.empty(ScalarType.Float, 5), 0, 1, g));
        check(refs, "randn_f32_fill", 1e-6, () -> Sampling.normal_(Tensor.empty(ScalarType.Float, 20), 0, 1, g));
        check(refs, "randn_f64_fill", 1e-12, () -> Sampling.normal_(Tensor.empty(ScalarType.Double, 17), 0, 1, g));
        check(refs, "randn_f64_serial_transposed", 1e-12,
                () -> Sampling.normal_(Tensor.empty(ScalarType.Double, 4, 5).t(), 0, 1, g).t());
        check(refs, "normal_mean_std", 1e-5, () -> Sampling.normal_(Tensor.empty(ScalarType.Float, 4), 2, 3, g));
        check(refs, "randint_small", 0, () -> Sampling.random_(Tensor.empty(ScalarType.Long, 8), 0, 10, g));
        check(refs, "randint_wide", 0, () -> Sampling.random_(Tensor.empty(ScalarType.Long, 3), -5, 1L << 40, g));
        check(refs, "randperm", 0, () -> Sampling.randperm(10, ScalarType.Long, g));
        check(refs, "bernoulli_p", 0, () -> Sampling.bernoulli_(Tensor.empty(ScalarType.Float, 12), 0.3, g));
        check(refs, "bernoulli_tensor", 0, () -> Sampling.bernoulli_(Tensor.empty(ScalarType.Float, 9),
                Tensor.of(new float[] {0, 0.125f, 0.25f, 0.375f, 0.5f, 0.625f, 0.75f, 0.875f, 1}), g));
        check(refs, "exponential_f64", 1e-15,
                () -> Sampling.exponential_(Tensor.empty(ScalarType.Double, 3), 2.0, g));
    }
}
