package kiln.bench;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX Runtime Java on the workload's {@code .onnx} export: one session per intra-op thread count (all graph
 * optimizations on), inputs as direct buffers made once, matched to the graph's inputs in order (tuples
 * flattened, as the exporter does).
 */
final class OrtEngine implements Engine {
    private static final int[] THREADS = {1, 2};

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final Map<String, OrtSession> sessions = new LinkedHashMap<>();
    private final Map<String, OnnxTensor> feed = new LinkedHashMap<>();
    private OrtSession session;
    private OrtSession.Result last;

    OrtEngine(Path onnx, List<Inputs.Arg> inputs) throws OrtException {
        for (int n : THREADS) {
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setIntraOpNumThreads(n);
                // ORT's pool threads spin after each run by default: interleaved with the other engines they would
                // take a core from whichever runs next
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                sessions.put("intra-op " + n, env.createSession(onnx.toString(), options));
            }
        }
        session = sessions.values().iterator().next();
        List<Inputs.Array> arrays = Inputs.flatten(inputs);
        Map<String, NodeInfo> declared = session.getInputInfo();
        if (declared.size() != arrays.size()) {
            throw new IllegalArgumentException(onnx.getFileName() + " takes " + declared.size() + " inputs, the workload has "
                    + arrays.size());
        }
        int i = 0;
        for (Map.Entry<String, NodeInfo> e : declared.entrySet()) {
            Inputs.Array a = arrays.get(i++);
            checkShape(e.getKey(), e.getValue(), a.shape());
            feed.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(a.data()), a.shape()));
        }
    }

    /** Refuses inputs whose shape the export fixed differently (a batch-1 export cannot take batch 8). */
    private static void checkShape(String name, NodeInfo info, long[] shape) {
        if (info.getInfo() instanceof TensorInfo t) {
            long[] fixed = t.getShape();
            boolean fits = fixed.length == shape.length;
            for (int d = 0; fits && d < fixed.length; d++) {
                fits = fixed[d] < 0 || fixed[d] == shape[d];
            }
            if (!fits) {
                throw new IllegalArgumentException("the export's input '" + name + "' has shape "
                        + Arrays.toString(fixed) + ", the workload " + Arrays.toString(shape));
            }
        }
    }

    @Override
    public String name() {
        return "ort";
    }

    @Override
    public List<String> settings() {
        return List.copyOf(sessions.keySet());
    }

    @Override
    public void use(String setting) {
        session = sessions.get(setting);
    }

    @Override
    public void call() {
        if (last != null) {
            last.close();
            last = null;
        }
        try {
            last = session.run(feed);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime: " + e.getMessage(), e);
        }
    }

    @Override
    public List<float[]> outputs() {
        List<float[]> out = new ArrayList<>();
        for (Map.Entry<String, OnnxValue> e : last) {
            if (!(e.getValue() instanceof OnnxTensor t)) {
                throw new IllegalStateException("ONNX Runtime output " + e.getKey() + " is not a tensor");
            }
            FloatBuffer b = t.getFloatBuffer();
            float[] data = new float[b.remaining()];
            b.get(data);
            out.add(data);
        }
        return out;
    }

    @Override
    public void close() {
        if (last != null) {
            last.close();
        }
        feed.values().forEach(OnnxTensor::close);
        for (OrtSession s : sessions.values()) {
            try {
                s.close();
            } catch (OrtException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
