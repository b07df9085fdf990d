package kiln.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.api.internal.LoadedModel;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Environment;
import kiln.runtime.backend.Outputs;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.tensor.Tensor;

/** Kiln running the TorchScript archive's {@code forward} on a target (the reference interpreter by default). */
final class KilnEngine implements Engine {
    private final LoadedModel model;
    private final List<Object> args;
    private Outputs last = Outputs.unowned(List.of());

    KilnEngine(Path archive, List<Inputs.Arg> inputs, Backend target) throws IOException {
        this.model = LoadedModel.open(archive, target, Environment.standard());
        List<String> missing = model.unsupportedOps("forward");
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Kiln cannot run " + archive.getFileName() + " yet: "
                    + String.join("; ", missing));
        }
        this.args = inputs.stream().map(KilnEngine::toKiln).toList();
    }

    private static Object toKiln(Inputs.Arg arg) {
        return switch (arg) {
            case Inputs.Array a -> Tensor.copyOf(a.data(), a.shape());
            case Inputs.Tuple t -> new ScriptTuple(t.elements().stream().map(KilnEngine::toKiln).toList());
        };
    }

    @Override
    public String name() {
        return "kiln";
    }

    @Override
    public void call() {
        // as the libtorch engine closes its previous output: the storage only the outputs hold goes back now
        last.close();
        last = model.invoke("forward", args);
    }

    @Override
    public List<float[]> outputs() {
        List<float[]> out = new ArrayList<>();
        flatten(last.first(), out);
        return out;
    }

    private static void flatten(Object v, List<float[]> out) {
        switch (v) {
            case Tensor t -> out.add(t.to(ScalarType.Float).contiguous().toFloatArray());
            case ScriptTuple t -> t.elements().forEach(e -> flatten(e, out));
            case ScriptList l -> l.forEach(e -> flatten(e, out));
            default -> throw new IllegalStateException("output is not a tensor or tuple of tensors: " + v);
        }
    }
}
