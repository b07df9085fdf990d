package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.optTensor;
import static kiln.runtime.interp.kernels.Args.optTensors;
import static kiln.runtime.interp.kernels.Args.scalar;
import static kiln.runtime.interp.kernels.Args.str;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toLong;

import kiln.runtime.tensor.AdvancedIndexing;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Scatter;
import kiln.runtime.tensor.Searching;
import kiln.runtime.tensor.Tensor;

/** Kernels that read or write at positions an index tensor gives. */
final class IndexKernels {
    private IndexKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::gather", a -> Scatter.gather(tensor(a[0]), toLong(a[1]), tensor(a[2])));
        r.register("aten::take", a -> Scatter.take(tensor(a[0]), tensor(a[1])));
        updating(r, "aten::scatter", "src", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                tensor(a[3]), null, Scatter.Reduce.REPLACE, true));
        updating(r, "aten::scatter", "value", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]), null,
                scalar(a[3]), Scatter.Reduce.REPLACE, true));
        updating(r, "aten::scatter", "reduce", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                tensor(a[3]), null, Scatter.Reduce.of(str(a[4])), true));
        updating(r, "aten::scatter", "value_reduce", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                null, scalar(a[3]), Scatter.Reduce.of(str(a[4])), true));
        updating(r, "aten::scatter_add", "", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                tensor(a[3]), null, Scatter.Reduce.SUM, true));
        updating(r, "aten::scatter_reduce", "two", a -> Scatter.scatter(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                tensor(a[3]), null, Scatter.Reduce.of(str(a[4])), toBool(a[5])));
        updating(r, "aten::index_add", "", a -> Scatter.indexUpdate(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                tensor(a[3]), scalar(a[4]), true));
        updating(r, "aten::index_copy", "", a -> Scatter.indexUpdate(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                tensor(a[3]), Scalar.of(1L), false));
        updating(r, "aten::index_fill", "int_Scalar", a -> Scatter.indexUpdate(tensor(a[0]), toLong(a[1]),
                tensor(a[2]), null, scalar(a[3]), false));
        updating(r, "aten::index_fill", "int_Tensor", a -> Scatter.indexUpdate(tensor(a[0]), toLong(a[1]),
                tensor(a[2]), null, tensor(a[3]).item(), false));
        r.register("aten::masked_select", a -> Scatter.maskedSelect(tensor(a[0]), tensor(a[1])));
        r.register("aten::isin.Tensor_Tensor", a -> Scatter.isin(tensor(a[0]), tensor(a[1]), toBool(a[3])));
        r.register("aten::isin.Tensor_Scalar", a -> Scatter.isin(tensor(a[0]),
                Tensor.scalar(scalar(a[1]), scalar(a[1]).type()), toBool(a[3])));
        r.register("aten::repeat_interleave.self_int",
                a -> Scatter.repeatInterleave(tensor(a[0]), toLong(a[1]), optLong(a[2])));
        r.register("aten::repeat_interleave.self_Tensor", a -> Scatter.repeatInterleave(tensor(a[0]), tensor(a[1]),
                optLong(a[2]), optLong(a[3])));
        r.register("aten::repeat_interleave.Tensor", a -> Scatter.repeatIndices(tensor(a[0]).toLongArray(),
                optLong(a[1])));
        updating(r, "aten::index_reduce", "", a -> Scatter.indexReduce(tensor(a[0]), toLong(a[1]), tensor(a[2]),
                tensor(a[3]), str(a[4]), toBool(a[5])));
        r.register("aten::take_along_dim", a -> Scatter.takeAlongDim(tensor(a[0]), tensor(a[1]), optLong(a[2])));
        registerAdvanced(r);
        registerSearching(r);
    }

    private static void registerAdvanced(KernelRegistry r) {
        r.register("aten::index", a -> AdvancedIndexing.index(tensor(a[0]), optTensors(a[1])), "Tensor",
                "Tensor_hacked_twin");
        for (String overload : new String[] {"", "hacked_twin"}) {
            updating(r, "aten::index_put", overload, a -> AdvancedIndexing.indexPut(tensor(a[0]), optTensors(a[1]),
                    tensor(a[2]), toBool(a[3])));
        }
        updating(r, "aten::put", "", a -> AdvancedIndexing.put(tensor(a[0]), tensor(a[1]), tensor(a[2]),
                toBool(a[3])));
        updating(r, "aten::masked_scatter", "", a -> AdvancedIndexing.maskedScatter(tensor(a[0]), tensor(a[1]),
                tensor(a[2])));
        r.register("aten::nonzero", a -> AdvancedIndexing.nonzero(tensor(a[0])));
        r.register("aten::argwhere", a -> AdvancedIndexing.nonzero(tensor(a[0])));
        r.register("aten::nonzero_static", a -> AdvancedIndexing.nonzeroStatic(tensor(a[0]), toLong(a[1]),
                toLong(a[2])));
    }

    /**
     * Registers {@code name.overload} (a copy with some elements updated) and its in-place form {@code name_.overload},
     * which writes that copy back into {@code self}.
     */
    private static void updating(KernelRegistry r, String name, String overload, Kernel functional) {
        String suffix = overload.isEmpty() ? "" : "." + overload;
        r.register(name + suffix, functional);
        r.register(name + "_" + suffix, a -> tensor(a[0]).copyFrom((Tensor) functional.call(a)));
    }

    private static void registerSearching(KernelRegistry r) {
        r.register("aten::searchsorted.Tensor", a -> Searching.searchsorted(tensor(a[0]), tensor(a[1]),
                toBool(a[2]), toBool(a[3]), a[4] == null ? null : str(a[4]), optTensor(a[5])));
        r.register("aten::searchsorted.Scalar", a -> Searching.searchsorted(tensor(a[0]), Tensor.scalar(scalar(a[1])),
                toBool(a[2]), toBool(a[3]), a[4] == null ? null : str(a[4]), optTensor(a[5])));
        r.register("aten::bucketize.Tensor", a -> Searching.bucketize(tensor(a[0]), tensor(a[1]), toBool(a[2]),
                toBool(a[3])));
        r.register("aten::bucketize.Scalar", a -> Searching.bucketize(Tensor.scalar(scalar(a[0])), tensor(a[1]),
                toBool(a[2]), toBool(a[3])));
        r.register("aten::_unique2", a -> (Object[]) Searching.unique(tensor(a[0]), null, toBool(a[2]),
                toBool(a[3])));
        r.register("aten::unique_dim", a -> (Object[]) Searching.unique(tensor(a[0]), toLong(a[1]), toBool(a[3]),
                toBool(a[4])));
        r.register("aten::_unique", a -> {
            Tensor[] u = Searching.unique(tensor(a[0]), null, toBool(a[2]), false);
            return new Object[] {u[0], u[1]};
        });
        r.register("aten::unique_dim_consecutive", a -> (Object[]) Searching.uniqueConsecutive(tensor(a[0]),
                toLong(a[1]), toBool(a[2]), toBool(a[3])));
        r.register("aten::unique_consecutive", a -> (Object[]) Searching.uniqueConsecutive(tensor(a[0]),
                optLong(a[3]), toBool(a[1]), toBool(a[2])));
    }
}
