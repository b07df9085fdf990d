package kiln.runtime.interp;

import java.util.List;
import java.util.OptionalLong;
import kiln.dialects.ir.Operation;
import kiln.dialects.torch.types.DeviceType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.VaryingShape;
import kiln.runtime.interp.value.TypeCheck;
import kiln.runtime.tensor.Tensor;

/**
 * The steps of the profiling executor's ops: {@code prim::profile} (records what it passes), {@code prim::TypeCheck}
 * (the guard: are the inputs of the types a specialization was made for), and the subgraph ops that run a graph of
 * their own ({@code prim::FallbackGraph} through the {@link FallbackHandler}; fusion groups inline).
 */
final class GuardSteps {
    private GuardSteps() {
    }

    /** {@code %y = prim::profile[id=N](%x)}: {@code y} is {@code x}, and the profiler sees it. */
    record Profile(Operation op, long id, int in, int out) implements Step {
        @Override
        public void run(Frame frame) {
            Object v = frame.slots[in];
            frame.interpreter.profiler().record(id, v);
            frame.slots[out] = v;
        }
    }

    /**
     * {@code %a', %b', %ok = prim::TypeCheck[types=[…]](%a, %b)}: the inputs, and whether each is of its profiled type.
     * The expected dtypes, sizes and strides are arrays made once; a check compares them with the tensor's.
     */
    record Guard(Operation op, int[] in, int[] out, Expected[] expected) implements Step {
        @Override
        public void run(Frame frame) {
            Object[] s = frame.slots;
            boolean ok = true;
            for (int i = 0; i < in.length; i++) {
                Object v = s[in[i]];
                s[out[i]] = v;
                ok &= expected[i].matches(v);
            }
            s[out[in.length]] = ok;
        }
    }

    /**
     * What a guarded value must be.
     *
     * @param type    the refined type
     * @param sizes   the sizes to match, {@code -1} where any size will do; null when the rank is not fixed
     * @param strides the strides to match likewise
     */
    record Expected(TorchType type, TensorType tensor, long[] sizes, long[] strides) {
        static Expected of(TorchType type) {
            if (!(type instanceof TensorType t)) {
                return new Expected(type, null, null, null);
            }
            return new Expected(type, t, dims(t.sizes()), dims(t.strides()));
        }

        private static long[] dims(VaryingShape shape) {
            if (shape.rank().isEmpty()) {
                return null;
            }
            List<OptionalLong> d = shape.dims().orElseThrow();
            long[] out = new long[d.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = d.get(i).orElse(-1);
            }
            return out;
        }

        boolean matches(Object v) {
            if (tensor == null) {
                return TypeCheck.matches(v, type);
            }
            if (!(v instanceof Tensor x)) {
                return false;
            }
            if (tensor.dtype().isPresent() && tensor.dtype().get() != x.dtype()) {
                return false;
            }
            if (tensor.requiresGrad().orElse(false)) {
                return false; // the interpreter's tensors never require grad
            }
            if (tensor.device().isPresent() && tensor.device().get().type() != DeviceType.CPU) {
                return false;
            }
            return same(sizes, x.sizes()) && same(strides, x.strides());
        }

        private static boolean same(long[] expected, long[] actual) {
            if (expected == null) {
                return true;
            }
            if (expected.length != actual.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if (expected[i] >= 0 && expected[i] != actual[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A subgraph op: its graph runs as a function of the op's operands ({@code prim::FallbackGraph}: the handler's). */
    record Subgraph(Operation op, Plan graph, boolean fallback, int[] in, int[] out) implements Step {
        @Override
        public void run(Frame frame) {
            Object[] args = ControlSteps.read(frame.slots, in, 0);
            Interpreter interpreter = frame.interpreter;
            Object[] outputs = fallback
                    ? interpreter.fallbacks().run(op, args, a -> graph.execute(interpreter, a))
                    : graph.execute(interpreter, args);
            ControlSteps.write(frame.slots, out, outputs);
        }
    }
}
