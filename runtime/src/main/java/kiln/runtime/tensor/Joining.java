package kiln.runtime.tensor;

import java.util.Arrays;
import java.util.List;

import kiln.dialects.torch.types.ScalarType;

/** {@code torch.cat} and {@code torch.stack}: copies of the inputs, side by side, in their promoted dtype. */
public final class Joining {
    private Joining() {
    }

    /** {@code torch.cat(tensors, dim)}; 1-d empty tensors are skipped, as ATen does. */
    public static Tensor cat(List<Tensor> tensors, long dim) {
        TorchException.check(!tensors.isEmpty(), "torch.cat(): expected a non-empty list of Tensors");
        List<Tensor> parts = tensors.stream().filter(t -> !(t.dim() == 1 && t.numel() == 0)).toList();
        ScalarType dtype = tensors.getFirst().dtype();
        for (Tensor t : tensors) {
            dtype = TypePromotion.promoteTypes(dtype, t.dtype());
        }
        if (parts.isEmpty()) {
            return Tensor.empty(dtype, 0);
        }
        Tensor first = parts.getFirst();
        TorchException.check(first.dim() > 0, "zero-dimensional tensor (at position 0) cannot be concatenated");
        int d = Shapes.wrapDim(dim, first.dim());
        long[] shape = first.sizes();
        long total = 0;
        for (int i = 0; i < parts.size(); i++) {
            Tensor t = parts.get(i);
            if (t.dim() != first.dim()) {
                throw TorchException.runtime("Tensors must have same number of dimensions: got "
                    + first.dim() + " and " + t.dim());
            }
            for (int k = 0; k < shape.length; k++) {
                if (!(k == d || t.size(k) == shape[k])) {
                    throw TorchException.runtime("Sizes of tensors must match except in "
                        + "dimension " + d + ". Expected size " + shape[k] + " but got size " + t.size(k)
                        + " for tensor number " + i + " in the list.");
                }
            }
            total += t.size(d);
        }
        shape[d] = total;
        Tensor out = Tensor.empty(dtype, shape);
        long offset = 0;
        for (Tensor t : parts) {
            Views.narrow(out, d, offset, t.size(d)).copyFrom(t);
            offset += t.size(d);
        }
        return out;
    }

    /** {@code torch.stack(tensors, dim)}: equal shapes, a new dim. */
    public static Tensor stack(List<Tensor> tensors, long dim) {
        TorchException.check(!tensors.isEmpty(), "stack expects a non-empty TensorList");
        long[] shape = tensors.getFirst().sizesRaw();
        for (int i = 1; i < tensors.size(); i++) {
            if (!Arrays.equals(tensors.get(i).sizesRaw(), shape)) {
                throw TorchException.runtime("stack expects each tensor to be "
                    + "equal size, but got " + Shapes.str(shape) + " at entry 0 and "
                    + Shapes.str(tensors.get(i).sizesRaw()) + " at entry " + i);
            }
        }
        int d = Shapes.wrapDim(dim, shape.length + 1);
        return cat(tensors.stream().map(t -> Views.unsqueeze(t, d)).toList(), d);
    }
}
