package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.longs;
import static kiln.runtime.interp.kernels.Args.optDtype;
import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.optTensor;
import static kiln.runtime.interp.kernels.Args.scalar;
import static kiln.runtime.interp.kernels.Args.str;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toDouble;
import static kiln.runtime.interp.kernels.Args.toLong;
import static kiln.runtime.interp.kernels.ShapeKernels.tensorList;

import java.util.Arrays;
import java.util.List;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.tensor.OrderStatistics;
import kiln.runtime.tensor.Losses;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Statistics;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.linalg.Norms;

/** Kernels of statistics, order statistics, scans with indices, distances, histograms and {@code linspace}. */
final class StatisticsKernels {
    private StatisticsKernels() {
    }

    static void register(KernelRegistry r) {
        registerOrderStatistics(r);
        registerCalculus(r);
        registerDistances(r);
        for (String overload : new String[] {"", "Scalar_Tensor", "Tensor_Scalar", "Tensor_Tensor"}) {
            String name = overload.isEmpty() ? "" : "." + overload;
            r.register("aten::linspace" + name, a -> Statistics.linspace(number(a[0], "linspace", "start"),
                    number(a[1], "linspace", "end"), toLong(a[2]), dtype(a[3])));
            r.register("aten::logspace" + name, a -> Ops.exp(Ops.mul(Statistics.linspace(number(a[0], "logspace",
                    "start"), number(a[1], "logspace", "end"), toLong(a[2]), ScalarType.Double), Scalar.of(Math.log(
                    toDouble(a[3]))))).to(dtype(a[4])));
        }
    }

    private static void registerOrderStatistics(KernelRegistry r) {
        r.register("aten::kthvalue", a -> OrderStatistics.kthvalue(tensor(a[0]), toLong(a[1]), toLong(a[2]),
                toBool(a[3])));
        r.register("aten::median", a -> OrderStatistics.median(tensor(a[0]), false));
        r.register("aten::nanmedian", a -> OrderStatistics.median(tensor(a[0]), true));
        r.register("aten::median.dim", a -> OrderStatistics.median(tensor(a[0]), toLong(a[1]), toBool(a[2]),
                false));
        r.register("aten::nanmedian.dim", a -> OrderStatistics.median(tensor(a[0]), toLong(a[1]), toBool(a[2]),
                true));
        r.register("aten::mode", a -> OrderStatistics.mode(tensor(a[0]), toLong(a[1]), toBool(a[2])));
        r.register("aten::quantile.scalar", a -> OrderStatistics.quantile(tensor(a[0]), toDouble(a[1]),
                optLong(a[2]), toBool(a[3]), str(a[4]), false));
        r.register("aten::nanquantile.scalar", a -> OrderStatistics.quantile(tensor(a[0]), toDouble(a[1]),
                optLong(a[2]), toBool(a[3]), str(a[4]), true));
        r.register("aten::quantile", a -> OrderStatistics.quantile(tensor(a[0]), tensor(a[1]), optLong(a[2]),
                toBool(a[3]), str(a[4]), false));
        r.register("aten::nanquantile", a -> OrderStatistics.quantile(tensor(a[0]), tensor(a[1]), optLong(a[2]),
                toBool(a[3]), str(a[4]), true));
        r.register("aten::cummin", a -> OrderStatistics.cumulativeExtreme(tensor(a[0]), toLong(a[1]), false));
        r.register("aten::cummax", a -> OrderStatistics.cumulativeExtreme(tensor(a[0]), toLong(a[1]), true));
        r.register("aten::logcumsumexp", a -> OrderStatistics.logcumsumexp(tensor(a[0]), toLong(a[1])));
    }

    private static void registerCalculus(KernelRegistry r) {
        r.register("aten::diff", a -> Statistics.diff(tensor(a[0]), toLong(a[1]), toLong(a[2]), optTensor(a[3]),
                optTensor(a[4])));
        r.register("aten::gradient.scalarint", a -> tensorList(Statistics.gradient(tensor(a[0]), a[1] == null ? 1
                : scalar(a[1]).toDouble(), a[2] == null ? null : new long[] {toLong(a[2])}, toLong(a[3]))));
        r.register("aten::gradient.scalararray", a -> tensorList(Statistics.gradient(tensor(a[0]),
                scalar(a[1]).toDouble(), longs(a[2]), toLong(a[3]))));
        r.register("aten::gradient.array", a -> tensorList(Statistics.gradient(tensor(a[0]), 1, longs(a[1]),
                toLong(a[2]))));
        r.register("aten::trapezoid.x", a -> Statistics.trapezoid(tensor(a[0]), tensor(a[1]), toLong(a[2])));
        r.register("aten::trapz.x", a -> Statistics.trapezoid(tensor(a[0]), tensor(a[1]), toLong(a[2])));
        r.register("aten::cumulative_trapezoid.x", a -> Statistics.cumulativeTrapezoid(tensor(a[0]), tensor(a[1]),
                toLong(a[2])));
        r.register("aten::trapezoid.dx", a -> Statistics.trapezoid(tensor(a[0]), scalar(a[1]).toDouble(),
                toLong(a[2])));
        r.register("aten::trapz.dx", a -> Statistics.trapezoid(tensor(a[0]), toDouble(a[1]), toLong(a[2])));
        r.register("aten::cumulative_trapezoid.dx", a -> Statistics.cumulativeTrapezoid(tensor(a[0]),
                scalar(a[1]).toDouble(), toLong(a[2])));
        r.register("aten::cov", a -> Statistics.cov(tensor(a[0]), toLong(a[1]), optTensor(a[2]), optTensor(a[3])));
        r.register("aten::renorm", a -> Statistics.renorm(tensor(a[0]), scalar(a[1]).toDouble(), toLong(a[2]),
                scalar(a[3]).toDouble()));
        r.register("aten::histogram.bin_ct", a -> {
            List<Tensor> h = Statistics.histogramdd(tensor(a[0]).reshape(-1, 1), new long[] {toLong(a[1])},
                    doubles(a[2]), optTensor(a[3]), toBool(a[4]));
            return new Object[] {h.get(0), h.get(1)};
        });
        r.register("aten::histc", a -> Statistics.histc(tensor(a[0]), toLong(a[1]), scalar(a[2]).toDouble(),
                scalar(a[3]).toDouble()));
        r.register("aten::histogram.bins_tensor", a -> {
            List<Tensor> h = Statistics.histogramdd(tensor(a[0]).reshape(-1, 1), List.of(tensor(a[1])),
                    optTensor(a[2]), toBool(a[3]));
            return new Object[] {h.get(0), h.get(1)};
        });
        r.register("aten::histogramdd", a -> histogramdd(tensor(a[0]), longs(a[1]), a));
        r.register("aten::histogramdd.TensorList_bins", a -> {
            List<Tensor> h = Statistics.histogramdd(tensor(a[0]), List.of(Args.tensors(a[1])), optTensor(a[3]),
                    toBool(a[4]));
            return new Object[] {h.getFirst(), tensorList(h.subList(1, h.size()))};
        });
        r.register("aten::histogramdd.int_bins", a -> {
            long[] bins = new long[(int) tensor(a[0]).size(-1)];
            Arrays.fill(bins, toLong(a[1]));
            return histogramdd(tensor(a[0]), bins, a);
        });
    }

    private static Object[] histogramdd(Tensor self, long[] bins, Object[] a) {
        List<Tensor> h = Statistics.histogramdd(self, bins, doubles(a[2]), optTensor(a[3]), toBool(a[4]));
        return new Object[] {h.getFirst(), tensorList(h.subList(1, h.size()))};
    }

    private static void registerDistances(KernelRegistry r) {
        r.register("aten::cdist", a -> Statistics.cdist(tensor(a[0]), tensor(a[1]), toDouble(a[2])));
        r.register("aten::pdist", a -> Statistics.pdist(tensor(a[0]), toDouble(a[1])));
        r.register("aten::_pdist_forward", a -> Statistics.pdist(tensor(a[0]), toDouble(a[1])));
        r.register("aten::dist", a -> Norms.vectorNorm(Ops.sub(tensor(a[0]), tensor(a[1]), Scalar.of(1L)),
                scalar(a[2]).toDouble(), null, false, null));
        r.register("aten::pairwise_distance", a -> Losses.pairwiseDistance(tensor(a[0]), tensor(a[1]),
                toDouble(a[2]), toDouble(a[3]), toBool(a[4])));
    }

    /** A {@code float[]?} argument. */
    private static double[] doubles(Object v) {
        if (v == null) {
            return null;
        }
        ScriptList l = Args.list(v);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(l.get(i));
        }
        return out;
    }

    /** {@code linspace}'s start or end: a number or a 0-dim tensor. */
    private static double number(Object v, String fn, String which) {
        if (v instanceof Tensor t) {
            if (t.dim() != 0) {
                throw ScriptException.runtimeError(fn + " only supports 0-dimensional start and end tensors, but "
                        + "got " + which + " with " + t.dim() + " dimension(s).");
            }
            return t.item().toDouble();
        }
        return scalar(v).toDouble();
    }

    private static ScalarType dtype(Object v) {
        ScalarType d = optDtype(v);
        return d == null ? ScalarType.Float : d;
    }
}
