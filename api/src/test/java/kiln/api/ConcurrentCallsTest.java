package kiln.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kiln.api.internal.PickledValues;
import kiln.frontend.archive.TorchSaveFile;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PySequence;
import kiln.frontend.pickle.PyValue;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One loaded model called from 8 threads at once returns, for every call, exactly what the same call returned when
 * the calls ran one after another (Model's thread-safety promise). Each call gets its own input (the first
 * recorded case's, float tensors scaled by a factor of the call's number), so a result that leaked from one call
 * into another would show. Models whose methods change their own state are not promised this and are not here.
 */
class ConcurrentCallsTest {
    private static final int THREADS = 8;

    @ParameterizedTest(name = "{0}: {1} threads x {2} calls")
    @CsvSource({"mlp, 8, 200", "control_flow, 8, 200", "containers, 8, 50", "tiny_attention, 8, 50",
            "fork_join, 8, 25"})
    void concurrentCallsReturnWhatSerialCallsReturn(String name, int threads, int callsPerThread) throws Exception {
        Path models = Fixtures.models();
        List<Value> recorded = firstCaseInputs(models.resolve(name + ".io.pt"));
        int calls = threads * callsPerThread;
        try (Model model = Model.load(models.resolve(name + ".pt"), Model.Options.defaults()
                .withOutput(new StringBuilder()))) {
            List<List<Value>> inputs = new ArrayList<>();
            List<Value> serial = new ArrayList<>();
            for (int k = 0; k < calls; k++) {
                inputs.add(scaled(recorded, 1 + k / 512.0));
                serial.add(model.forward(inputs.get(k).toArray()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Value>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t * callsPerThread;
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<Value> out = new ArrayList<>();
                        for (int k = first; k < first + callsPerThread; k++) {
                            out.add(model.forward(inputs.get(k).toArray()));
                        }
                        return out;
                    }));
                }
                start.countDown();
                List<String> differences = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<Value> out = futures.get(t).get();
                    for (int j = 0; j < callsPerThread; j++) {
                        int k = t * callsPerThread + j;
                        String diff = SameValues.difference(serial.get(k), out.get(j));
                        if (diff != null) {
                            differences.add("call " + k + ": " + diff);
                        }
                    }
                }
                assertEquals(List.of(), differences.stream().limit(5).toList(), differences.size() + " differ");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<Value> firstCaseInputs(Path cases) throws Exception {
        try (TorchSaveFile file = TorchSaveFile.open(cases)) {
            PyDict first = (PyDict) ((PyList) ((PyDict) file.data()).require("cases")).items().getFirst();
            PickledValues values = new PickledValues();
            List<Value> out = new ArrayList<>();
            for (PyValue v : ((PySequence) first.require("inputs")).items()) {
                out.add(RuntimeValues.fromRuntime(values.convert(v)));
            }
            return out;
        }
    }

    /** The inputs with every float32 tensor multiplied by {@code factor} (a fresh tensor), the rest as they are. */
    private static List<Value> scaled(List<Value> inputs, double factor) {
        return inputs.stream().map(v -> v instanceof Tensor t && t.dtype() == DType.FLOAT32 ? scale(t, factor) : v)
                .toList();
    }

    private static Value scale(Tensor t, double factor) {
        float[] data = t.toFloatArray();
        for (int i = 0; i < data.length; i++) {
            data[i] *= (float) factor;
        }
        return Tensor.fromArray(data).reshape(t.shape()).copy();
    }
}
