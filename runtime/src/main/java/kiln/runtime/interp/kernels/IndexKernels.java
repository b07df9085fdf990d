package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.scalar;
import static kiln.runtime.interp.kernels.Args.str;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toLong;

import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Scatter;
import kiln.runtime.tensor.Tensor;

/** Kernels that read or write at positions an index tensor gives. */
final class IndexKernels {
    private IndexKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::gather", a -> Scatter.gather(tensor(a[0]), toLong(a[1]), tensor(a[2])));
        r.register("aten::take", a -> Scatter.take(tensor(a[0]), tensor(a[1])));
        r.register("aten::scatter.src", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]), tensor(a[3]),
                null, Scatter.Reduce.REPLACE, true));
        r.register("aten::scatter.value", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]), null,
                scalar(a[3]), Scatter.Reduce.REPLACE, true));
        r.register("aten::scatter.reduce", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                tensor(a[3]), null, Scatter.Reduce.of(str(a[4])), true));
        r.register("aten::scatter.value_reduce", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]), null,
                scalar(a[3]), Scatter.Reduce.of(str(a[4])), true));
        r.register("aten::scatter_add", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]), tensor(a[3]),
                null, Scatter.Reduce.SUM, true));
        r.register("aten::scatter_reduce.two", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                tensor(a[3]), null, Scatter.Reduce.of(str(a[4])), toBool(a[5])));
        r.register("aten::index_add", a -> Scatter.indexUpdate(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                tensor(a[3]), scalar(a[4]), true));
        r.register("aten::index_copy", a -> Scatter.indexUpdate(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                tensor(a[3]), Scalar.of(1L), false));
        r.register("aten::index_fill.int_Scalar", a -> Scatter.indexUpdate(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                null, scalar(a[3]), false));
        r.register("aten::index_fill.int_Tensor", a -> Scatter.indexUpdate(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                null, tensor(a[3]).item(), false));
        r.register("aten::masked_select", a -> Scatter.maskedSelect(tensor(a[0]), tensor(a[1])));
        r.register("aten::isin.Tensor_Tensor", a -> Scatter.isin(tensor(a[0]), tensor(a[1]), toBool(a[3])));
        r.register("aten::isin.Tensor_Scalar", a -> Scatter.isin(tensor(a[0]),
                Tensor.scalar(scalar(a[1]), scalar(a[1]).type()), toBool(a[3])));
        r.register("aten::repeat_interleave.self_int",
                a -> Scatter.repeatInterleave(tensor(a[0]), toLong(a[1]), optLong(a[2])));
    }
}
