package example;

// README:begin (the README's Java section is the text down to README:end; it/ReadmeJavaSectionTest checks it)
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kiln.api.Method;
import kiln.api.Model;
import kiln.api.Result;
import kiln.api.Target;
import kiln.api.Tensor;
import kiln.api.Value;

/**
 * Loads a TorchScript archive written by torch.jit.save (the fixtures' control_flow.pt, whose forward(x: Tensor,
 * n: int) -> Tuple[Tensor, int] loops n times), calls it, and reads the typed result.
 */
public final class RunModel {
    public static void main(String[] args) throws Exception {
        try (Model model = Model.load(Path.of(args[0]), Target.named("interp"))) {  // as torch::jit::load
            Method forward = model.method("forward");
            System.out.println(forward.signature());

            Tensor x = Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);  // no copy: the tensor reads the array
            Value out = model.forward(x, 4);                                    // a Tensor and a TorchScript int
            Tensor acc = out.toTuple().get(0).toTensor();                       // typed results, as IValue's
            long count = out.toTuple().get(1).toLong();
            System.out.println(acc + " after " + count + " steps");

            // keyword arguments, and a Result that hands the call's memory back when closed
            try (Result r = forward.invoke(List.of(x), Map.of("n", 2))) {
                float[] y = r.value().toTuple().get(0).toTensor().toFloatArray();  // copy out what you keep
                System.out.println(Arrays.toString(y));
            }
        }
    }
}
// README:end
