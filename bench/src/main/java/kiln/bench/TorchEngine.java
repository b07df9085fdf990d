package kiln.bench;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.Tuple;
import org.bytedeco.pytorch.TupleElements;
import org.bytedeco.pytorch.global.torch;

/**
 * libtorch's TorchScript ({@code torch::jit::load}) in this JVM, run as a user runs it for speed: eval mode, no
 * autograd, and the intra-op / OpenBLAS thread counts the bench finds fastest ({@link #settings}). The module,
 * its argument vector and the last output are held here so the GC never frees what libtorch still uses.
 */
final class TorchEngine implements Engine {
    private static final int[] THREADS = {1, 2};

    private final JitModule module;
    private final IValueVector args;
    private IValue last;
    private boolean oneDnnDisabled;

    TorchEngine(Path archive, List<Inputs.Arg> inputs) {
        // NNPACK cannot initialize on this CPU ("Unsupported hardware") and only logs that on every call: off.
        torch.globalContext().setUserEnabledNNPACK(false);
        this.module = torch.load(new BytePointer(archive.toString()));
        module.eval();
        this.args = new IValueVector();
        for (Inputs.Arg a : inputs) {
            args.push_back(toTorch(a));
        }
    }

    private static IValue toTorch(Inputs.Arg arg) {
        return switch (arg) {
            case Inputs.Array a -> new IValue(Tensor.create(a.data(), a.shape()));
            case Inputs.Tuple t -> {
                IValueVector elements = new IValueVector();
                t.elements().forEach(e -> elements.push_back(toTorch(e)));
                yield new IValue(Tuple.create(elements));
            }
        };
    }

    @Override
    public String name() {
        return "libtorch";
    }

    @Override
    public List<String> settings() {
        List<String> s = new ArrayList<>();
        for (int intra : THREADS) {
            for (int blas : THREADS) {
                s.add("intra-op " + intra + ", OpenBLAS " + blas);
            }
        }
        return s;
    }

    @Override
    public void use(String setting) {
        String[] parts = setting.replaceAll("[^0-9 ]", "").trim().split(" +");
        torch.set_num_threads(Integer.parseInt(parts[0]));
        openblas.blas_set_num_threads(Integer.parseInt(parts[1]));
    }

    /**
     * Turns oneDNN (mkldnn) off: libtorch 2.10's oneDNN LSTM gives wrong results on this CPU under no_grad, so a
     * run whose outputs disagree is repeated without it.
     */
    void disableOneDnn() {
        torch.globalContext().setUserEnabledMkldnn(false);
        oneDnnDisabled = true;
    }

    @Override
    public void call() {
        if (last != null) {
            last.close();
            last = null;
        }
        try (NoGradGuard guard = new NoGradGuard()) {
            last = module.forward(args);
        }
    }

    @Override
    public List<float[]> outputs() {
        List<float[]> out = new ArrayList<>();
        try (PointerScope scope = new PointerScope()) {
            flatten(last, out);
        }
        return out;
    }

    private static void flatten(IValue v, List<float[]> out) {
        if (v.isTensor()) {
            out.add(floats(v.toTensor()));
        } else if (v.isTuple()) {
            TupleElements elements = v.toTuple().elements();
            for (long i = 0; i < elements.size(); i++) {
                flatten(elements.get(i), out);
            }
        } else if (v.isTensorList()) {
            TensorVector list = v.toTensorVector();
            for (long i = 0; i < list.size(); i++) {
                out.add(floats(list.get(i)));
            }
        } else {
            throw new IllegalStateException("libtorch output is not a tensor or tuple of tensors: " + v.tagKind());
        }
    }

    private static float[] floats(Tensor t) {
        Tensor c = t.to(torch.ScalarType.Float).contiguous();
        float[] data = new float[Math.toIntExact(c.numel())];
        ((FloatBuffer) c.createBuffer()).get(data);
        return data;
    }

    @Override
    public void close() {
        if (last != null) {
            last.close();
        }
        if (oneDnnDisabled) {
            torch.globalContext().setUserEnabledMkldnn(true);   // the switch is process-wide: the next workload starts as a user's would
        }
    }
}
