package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.optDtype;
import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.optLongs;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toLong;

import kiln.runtime.tensor.Reductions;

/** Kernels of the reductions and of {@code softmax}/{@code log_softmax}. */
final class ReductionKernels {
    private ReductionKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::sum", a -> Reductions.sum(tensor(a[0]), null, false, optDtype(a[1])));
        r.register("aten::sum.dim_IntList", a -> Reductions.sum(tensor(a[0]), optLongs(a[1]), toBool(a[2]),
                optDtype(a[3])));
        r.register("aten::prod", a -> Reductions.prod(tensor(a[0]), null, false, optDtype(a[1])));
        r.register("aten::prod.dim_int", a -> Reductions.prod(tensor(a[0]), new long[] {toLong(a[1])}, toBool(a[2]),
                optDtype(a[3])));
        r.register("aten::mean", a -> Reductions.mean(tensor(a[0]), null, false, optDtype(a[1])));
        r.register("aten::mean.dim", a -> Reductions.mean(tensor(a[0]), optLongs(a[1]), toBool(a[2]),
                optDtype(a[3])));
        for (boolean sqrt : new boolean[] {false, true}) {
            String name = sqrt ? "aten::std" : "aten::var";
            r.register(name, a -> Reductions.variance(tensor(a[0]), null, toBool(a[1]) ? 1 : 0, false, sqrt));
            r.register(name + ".dim", a -> Reductions.variance(tensor(a[0]), optLongs(a[1]), toBool(a[2]) ? 1 : 0,
                    toBool(a[3]), sqrt));
            r.register(name + ".correction", a -> Reductions.variance(tensor(a[0]), optLongs(a[1]),
                    a[2] == null ? 1 : Args.toDouble(a[2]), toBool(a[3]), sqrt));
        }
        r.register("aten::amax", a -> Reductions.extreme(tensor(a[0]), optLongs(a[1]), toBool(a[2]), true));
        r.register("aten::amin", a -> Reductions.extreme(tensor(a[0]), optLongs(a[1]), toBool(a[2]), false));
        r.register("aten::max", a -> Reductions.extreme(tensor(a[0]), null, false, true));
        r.register("aten::min", a -> Reductions.extreme(tensor(a[0]), null, false, false));
        r.register("aten::max.dim", a -> Reductions.extremeWithIndex(tensor(a[0]), toLong(a[1]), toBool(a[2]), true));
        r.register("aten::min.dim", a -> Reductions.extremeWithIndex(tensor(a[0]), toLong(a[1]), toBool(a[2]), false));
        r.register("aten::argmax", a -> Reductions.argExtreme(tensor(a[0]), optLong(a[1]), toBool(a[2]), true));
        r.register("aten::argmin", a -> Reductions.argExtreme(tensor(a[0]), optLong(a[1]), toBool(a[2]), false));
        r.register("aten::all", a -> Reductions.allAny(tensor(a[0]), null, false, true));
        r.register("aten::any", a -> Reductions.allAny(tensor(a[0]), null, false, false));
        r.register("aten::all.dim", a -> Reductions.allAny(tensor(a[0]), new long[] {toLong(a[1])}, toBool(a[2]), true));
        r.register("aten::any.dim", a -> Reductions.allAny(tensor(a[0]), new long[] {toLong(a[1])}, toBool(a[2]), false));
        r.register("aten::all.dims", a -> Reductions.allAny(tensor(a[0]), optLongs(a[1]), toBool(a[2]), true));
        r.register("aten::any.dims", a -> Reductions.allAny(tensor(a[0]), optLongs(a[1]), toBool(a[2]), false));
        r.register("aten::softmax.int", a -> Reductions.softmax(tensor(a[0]), toLong(a[1]), optDtype(a[2]), false));
        r.register("aten::log_softmax.int", a -> Reductions.softmax(tensor(a[0]), toLong(a[1]), optDtype(a[2]), true));
        r.register("aten::special_softmax", a -> Reductions.softmax(tensor(a[0]), toLong(a[1]), optDtype(a[2]), false));
        r.register("aten::special_log_softmax",
                a -> Reductions.softmax(tensor(a[0]), toLong(a[1]), optDtype(a[2]), true));
    }
}
