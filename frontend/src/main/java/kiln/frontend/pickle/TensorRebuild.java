package kiln.frontend.pickle;

import java.util.List;

/** {@code torch._utils._rebuild_tensor_v2} and {@code _v3}: a {@link TensorRef} over a loaded {@link Storage}. */
final class TensorRebuild {
    private TensorRebuild() {
    }

    /** {@code (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    static PyValue v2(PyTuple args) {
        Args checked = new Args("_rebuild_tensor_v2", args, 6, 7);
        Storage storage = checked.get(0, Storage.class, "storage");
        return build(checked, storage.dtype());
    }

    /** {@code (storage, storage_offset, size, stride, requires_grad, backward_hooks, dtype[, metadata])}. */
    static PyValue v3(PyTuple args) {
        Args checked = new Args("_rebuild_tensor_v3", args, 7, 8);
        return build(checked, checked.get(6, DType.class, "dtype"));
    }

    private static TensorRef build(Args args, DType dtype) {
        Storage storage = args.get(0, Storage.class, "storage");
        long offset = args.integer(1, "storage_offset");
        List<Long> sizes = args.ints(2, "size");
        List<Long> strides = args.ints(3, "stride");
        boolean requiresGrad = args.bool(4, "requires_grad");
        if (!(args.get(5) instanceof PyDict hooks) || hooks.size() != 0) {
            throw new IllegalArgumentException("backward hooks must be an empty dict, got " + args.get(5));
        }
        if (storage.dtype() != dtype && storage.dtype() != DType.UINT8) {
            throw new IllegalArgumentException("tensor of " + dtype + " over a storage of " + storage.dtype());
        }
        return new TensorRef(dtype, sizes, strides, offset, requiresGrad, storage);
    }
}
