package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toDouble;
import static kiln.runtime.interp.kernels.Args.toLong;

import kiln.dialects.torch.types.Device;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.ScalarType;
import kiln.dialects.torch.types.TorchType;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;

/**
 * Kernels that read a tensor's metadata ({@code dim}, {@code size}, {@code dtype}, {@code device}, …) or convert
 * between one-element tensors and Python numbers ({@code int(t)}, {@code item}, {@code NumToTensor}).
 */
final class TensorInfoKernels {
    private TensorInfoKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::dim", a -> (long) tensor(a[0]).dim());
        r.register("aten::size", a -> ScriptList.ofLongs(tensor(a[0]).sizes()));
        r.register("aten::size.int", a -> tensor(a[0]).size(toLong(a[1])));
        r.register("aten::stride", a -> ScriptList.ofLongs(tensor(a[0]).strides()));
        r.register("aten::stride.int", a -> tensor(a[0]).stride(toLong(a[1])));
        r.register("aten::numel", a -> tensor(a[0]).numel());
        r.register("aten::len.Tensor", a -> {
            Tensor t = tensor(a[0]);
            if (t.dim() == 0) {
                throw ScriptException.typeError("len() of a 0-d tensor");
            }
            return t.size(0);
        });
        r.register("aten::element_size", a -> tensor(a[0]).elementSize());
        r.register("prim::itemsize", a -> tensor(a[0]).elementSize());
        r.register("prim::nbytes", a -> tensor(a[0]).elementSize() * tensor(a[0]).numel());
        r.register("aten::is_contiguous", a -> tensor(a[0]).isContiguous());
        r.register("aten::is_floating_point", a -> tensor(a[0]).dtype().isFloatingPoint());
        r.register("aten::is_complex", a -> tensor(a[0]).dtype().isComplex());
        r.register("prim::dtype", a -> (long) tensor(a[0]).dtype().code());
        r.register("prim::device", a -> Device.CPU);
        r.register("prim::layout", a -> 0L);
        r.register("prim::requires_grad", a -> false);
        r.register("prim::is_cpu", a -> true);
        r.register("prim::is_cuda", a -> false);
        r.register("prim::data", a -> tensor(a[0]));
        r.register("aten::detach", a -> tensor(a[0]).alias());
        r.register("aten::alias", a -> tensor(a[0]).alias());
        r.register("aten::lift_fresh", a -> tensor(a[0]));
        r.register("aten::cpu", a -> tensor(a[0]));
        r.register("aten::requires_grad_", a -> tensor(a[0]));

        r.register("aten::item", a -> Args.number(tensor(a[0]).item()));
        r.register("aten::Int.Tensor", a -> tensor(a[0]).item().toLong());
        r.register("aten::Float.Tensor", a -> tensor(a[0]).item().toDouble());
        r.register("aten::Bool.Tensor", a -> tensor(a[0]).item().toBool());
        r.register("aten::ScalarImplicit", a -> Args.number(implicit(tensor(a[0]), false)));
        r.register("aten::IntImplicit", a -> implicit(tensor(a[0]), true).toLong());
        r.register("aten::FloatImplicit", a -> implicit(tensor(a[0]), false).toDouble());
        r.register("prim::NumToTensor.Scalar", a -> Tensor.scalar(Args.scalar(a[0]), Args.scalar(a[0]).type()));
        r.register("prim::NumToTensor.bool", a -> Tensor.scalar(Scalar.of(toBool(a[0])), ScalarType.Bool));
        r.registerFactory("prim::tolist", (op, ctx) -> {
            TorchType leaf = (TorchType) op.result(0).type();
            int depth = 0;
            while (leaf instanceof ListType l) {
                depth++;
                leaf = l.elementType();
            }
            int dims = depth;
            TorchType element = leaf;
            return a -> {
                Tensor t = tensor(a[0]);
                if (t.dim() != dims) {
                    throw ScriptException.valueError("Output annotation list dimension and runtime tensor dimension "
                            + "must match for tolist()");
                }
                return toList(t, element, new long[t.dim()], 0);
            };
        });
        r.register("aten::scalar_tensor", a -> Tensor.scalar(Scalar.of(toDouble(a[0])),
                a[1] == null ? ScalarType.Float : Args.dtype(a[1])));
    }

    /** {@code tensor.tolist()}: nested lists down to {@code element} values (int, float or bool). */
    private static Object toList(Tensor t, TorchType element, long[] index, int dim) {
        if (dim == t.dim()) {
            return element == LeafType.INT ? (Object) t.getLong(index) : element == LeafType.BOOL
                    ? (Object) t.getBoolean(index) : (Object) t.getDouble(index);
        }
        TorchType type = element;
        for (int d = dim + 1; d < t.dim(); d++) {
            type = ListType.of(type);
        }
        ScriptList out = ScriptList.empty(type);
        for (long i = 0; i < t.size(dim); i++) {
            index[dim] = i;
            out.add(toList(t, element, index, dim + 1));
        }
        return out;
    }

    /** A 0-dim tensor passed where a number is expected (PyTorch's {@code checkImplicitTensorToNum}). */
    private static Scalar implicit(Tensor t, boolean toInt) {
        if (t.dim() != 0) {
            throw ScriptException.runtimeError("Cannot input a tensor of dimension other than 0 as a scalar argument");
        }
        if (toInt && !t.dtype().isIntegral(false)) {
            throw ScriptException.runtimeError("Cannot input a tensor of type " + t.dtype()
                    + " as an integral argument");
        }
        return t.item();
    }
}
