package kiln.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kiln.api.internal.LoadedModel;
import kiln.executor.ExecutorStats;
import kiln.runtime.backend.Backends;
import kiln.runtime.backend.Environment;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.Tensor;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * One loaded module called with inputs whose shapes change between calls — the batch of an MLP, the sequence length
 * and batch of an LSTM — on the reference interpreter under the profiling executor: every call gives libtorch's
 * result, and the executor specializes, fails its guards and specializes again, counted.
 */
class DynamicShapesTest {
    private static final double TOLERANCE = 2e-5;

    @Test
    void mlpAcrossBatchSizes() throws Exception {
        // mlp's forward takes x: [batch, 32]
        check("mlp", List.of(List.of(shape(4, 32)), List.of(shape(4, 32)), List.of(shape(9, 32)),
                List.of(shape(9, 32)), List.of(shape(1, 32)), List.of(shape(4, 32)), List.of(shape(17, 32))), 2);
    }

    @Test
    void lstmAcrossSequenceLengthsAndBatches() throws Exception {
        // lstm_seq's forward takes xs: [time, batch, 32], h and c: [batch, 64]
        List<List<long[]>> calls = new ArrayList<>();
        for (long[] tb : new long[][] {{5, 2}, {5, 2}, {3, 2}, {3, 2}, {8, 4}, {5, 2}, {2, 1}}) {
            calls.add(List.of(shape(tb[0], tb[1], 32), shape(tb[1], 64), shape(tb[1], 64)));
        }
        check("lstm_seq", calls, 2);
    }

    private static long[] shape(long... dims) {
        return dims;
    }

    private static void check(String model, List<List<long[]>> calls, long minSpecializations) throws Exception {
        Path archive = Fixtures.models().resolve(model + ".pt");
        assumeTrue(Files.isRegularFile(archive), "fixture " + archive + " not found; skipping");
        LoadedModel kiln = LoadedModel.open(archive, Backends.named("interp"), Environment.standard());
        Random random = new Random(7);
        for (List<long[]> shapes : calls) {
            List<Inputs.Arg> args = new ArrayList<>();
            for (long[] s : shapes) {
                float[] data = new float[Math.toIntExact(java.util.Arrays.stream(s).reduce(1, (a, b) -> a * b))];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) random.nextGaussian();
                }
                args.add(new Inputs.Array(s, data));
            }
            List<float[]> expected;
            try (TorchEngine torch = new TorchEngine(archive, args)) {
                torch.call();
                expected = torch.outputs();
            }
            List<Object> result = kiln.call("forward", args.stream().map(a -> (Object) Tensor.copyOf(
                    ((Inputs.Array) a).data(), ((Inputs.Array) a).shape())).toList());
            List<float[]> actual = new ArrayList<>();
            result.forEach(v -> flatten(v, actual));
            assertEquals(expected.size(), actual.size(), model);
            for (int k = 0; k < expected.size(); k++) {
                assertEquals(expected.get(k).length, actual.get(k).length, model + " output " + k);
                for (int i = 0; i < expected.get(k).length; i++) {
                    assertEquals(expected.get(k)[i], actual.get(k)[i], TOLERANCE, model + " output " + k + "[" + i
                            + "] for input shapes " + shapes.stream().map(java.util.Arrays::toString).toList());
                }
            }
        }
        ExecutorStats stats = kiln.executorStats("forward").orElseThrow();
        System.out.println(model + ": " + stats);
        assertTrue(stats.specializations() >= minSpecializations, stats::toString);
        assertTrue(stats.guardFailures() > 0, stats::toString);
        assertTrue(stats.optimizedRuns() > 0, stats::toString);
    }

    private static void flatten(Object v, List<float[]> out) {
        switch (v) {
            case Tensor t -> out.add(t.to(ScalarType.Float).contiguous().toFloatArray());
            case ScriptTuple t -> t.elements().forEach(e -> flatten(e, out));
            default -> throw new IllegalStateException("unexpected output " + v);
        }
    }
}
