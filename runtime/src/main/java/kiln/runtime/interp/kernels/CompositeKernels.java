package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.longs;
import static kiln.runtime.interp.kernels.Args.operand;
import static kiln.runtime.interp.kernels.Args.optDtype;
import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.optLongs;
import static kiln.runtime.interp.kernels.Args.optTensor;
import static kiln.runtime.interp.kernels.Args.scalar;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toDouble;
import static kiln.runtime.interp.kernels.Args.toLong;

import java.util.Arrays;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.tensor.BinaryOp;
import kiln.runtime.tensor.Indexing;
import kiln.runtime.tensor.LinearAlgebra;
import kiln.runtime.tensor.Normalization;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Pointwise;
import kiln.runtime.tensor.Reductions;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.UnaryOp;

/**
 * Kernels of operators that PyTorch itself defines by other operators ({@code addcmul}, {@code lerp},
 * {@code softplus}, {@code isclose}, {@code std_mean}, …), built here the same way. Their floating results can
 * differ from ATen's fused kernels in the last bits.
 */
final class CompositeKernels {
    private static final Scalar ONE = Scalar.of(1L);
    private static final Scalar ZERO = Scalar.of(0L);

    private CompositeKernels() {
    }

    static void register(KernelRegistry r) {
        registerArithmetic(r);
        registerActivations(r);
        registerStatistics(r);
    }

    private static void registerArithmetic(KernelRegistry r) {
        r.register("aten::addcmul", a -> Ops.add(tensor(a[0]), Ops.mul(Ops.mul(tensor(a[1]), tensor(a[2])),
                scalar(a[3])), ONE));
        r.register("aten::addcdiv", a -> Ops.add(tensor(a[0]), Ops.mul(Ops.div(tensor(a[1]), tensor(a[2])),
                scalar(a[3])), ONE));
        r.register("aten::addmv", a -> scaledSum(tensor(a[0]), LinearAlgebra.mv(tensor(a[1]), tensor(a[2])),
                scalar(a[3]), scalar(a[4])));
        r.register("aten::addr", a -> scaledSum(tensor(a[0]), LinearAlgebra.mm(tensor(a[1]).unsqueeze(1),
                tensor(a[2]).unsqueeze(0)), scalar(a[3]), scalar(a[4])));
        r.register("aten::baddbmm", a -> scaledSum(tensor(a[0]), LinearAlgebra.bmm(tensor(a[1]), tensor(a[2])),
                scalar(a[3]), scalar(a[4])));
        r.register("aten::addbmm", a -> scaledSum(tensor(a[0]), Reductions.sum(LinearAlgebra.bmm(tensor(a[1]),
                tensor(a[2])), new long[] {0}, false, null), scalar(a[3]), scalar(a[4])));
        r.register("aten::vdot", a -> LinearAlgebra.dot(tensor(a[0]), tensor(a[1])));
        r.register("aten::trace", a -> Reductions.sum(tensor(a[0]).diagonal(0, 0, 1), null, false, null));
        r.register("aten::lerp.Scalar", a -> lerp(tensor(a[0]), tensor(a[1]), scalar(a[2]).toDouble()));
        r.register("aten::lerp.Tensor", a -> {
            Tensor self = tensor(a[0]);
            Tensor end = tensor(a[1]);
            Tensor w = tensor(a[2]);
            Tensor diff = Ops.sub(end, self, ONE);
            Tensor low = Ops.add(self, Ops.mul(w, diff), ONE);
            Tensor high = Ops.sub(end, Ops.mul(diff, Pointwise.rsub(w, ONE, ONE)), ONE);
            return Pointwise.where(Pointwise.binary(BinaryOp.LT, Ops.abs(w), Scalar.of(0.5)), low, high);
        });
        r.register("aten::float_power", a -> Pointwise.binary(BinaryOp.POW, tensor(a[0]).to(ScalarType.Double),
                a[1] instanceof Tensor t ? t.to(ScalarType.Double) : Scalar.of(toDouble(a[1]))),
                "Tensor_Tensor", "Tensor_Scalar");
        r.register("aten::float_power.Scalar", a -> Pointwise.binaryReflected(BinaryOp.POW,
                Scalar.of(toDouble(a[0])), tensor(a[1]).to(ScalarType.Double)));
        r.register("aten::ldexp.Tensor", a -> Ops.mul(tensor(a[0]), Pointwise.binaryReflected(BinaryOp.POW,
                Scalar.of(2.0), tensor(a[1]))));
        r.register("aten::bitwise_left_shift", a -> Pointwise.binary(BinaryOp.BITWISE_LEFT_SHIFT, tensor(a[0]),
                operand(a[1])), "Tensor", "Tensor_Scalar");
        r.register("aten::bitwise_right_shift", a -> Pointwise.binary(BinaryOp.BITWISE_RIGHT_SHIFT, tensor(a[0]),
                operand(a[1])), "Tensor", "Tensor_Scalar");
        r.register("aten::lcm", a -> Pointwise.binary(BinaryOp.LCM, tensor(a[0]), tensor(a[1])));
        r.register("aten::nextafter", a -> Pointwise.binary(BinaryOp.NEXTAFTER, tensor(a[0]), tensor(a[1])));
        r.register("aten::special_xlog1py", a -> Pointwise.binary(BinaryOp.SPECIAL_XLOG1PY, tensor(a[0]),
                operand(a[1])), "", "other_scalar");
        r.register("aten::clamp.Tensor", a -> clampTensor(tensor(a[0]), optTensor(a[1]), optTensor(a[2])));
        r.register("aten::clamp_min.Tensor", a -> clampTensor(tensor(a[0]), tensor(a[1]), null));
        r.register("aten::clamp_max.Tensor", a -> clampTensor(tensor(a[0]), null, tensor(a[1])));
        r.register("aten::equal", a -> {
            Tensor x = tensor(a[0]);
            Tensor y = tensor(a[1]);
            return Arrays.equals(x.sizes(), y.sizes()) && Arrays.equals(x.toDoubleArray(), y.toDoubleArray());
        });
        r.register("aten::isclose", a -> isclose(tensor(a[0]), tensor(a[1]), toDouble(a[2]), toDouble(a[3]),
                toBool(a[4])));
        r.register("aten::allclose", a -> Reductions.allAny(isclose(tensor(a[0]), tensor(a[1]), toDouble(a[2]),
                toDouble(a[3]), toBool(a[4])), null, false, true).item().toBool());
        r.register("aten::fill.Scalar", a -> Tensor.full(scalar(a[1]), tensor(a[0]).dtype(), tensor(a[0]).sizes()));
        r.register("aten::fill.Tensor", a -> Tensor.full(tensor(a[1]).item(), tensor(a[0]).dtype(),
                tensor(a[0]).sizes()));
    }

    private static void registerActivations(KernelRegistry r) {
        r.register("aten::softplus", a -> {
            Tensor x = tensor(a[0]);
            Scalar beta = scalar(a[1]);
            Tensor scaled = Ops.mul(x, beta);
            Tensor soft = Ops.div(Pointwise.unary(UnaryOp.LOG1P, Ops.exp(scaled)), beta);
            return Pointwise.where(Pointwise.binary(BinaryOp.GT, scaled, scalar(a[2])), x, soft);
        });
        r.register("aten::hardshrink", a -> {
            Tensor x = tensor(a[0]);
            Tensor keep = Pointwise.binary(BinaryOp.GT, Ops.abs(x), scalar(a[1]));
            return Pointwise.where(keep, x, ZERO).to(x.dtype());
        });
        r.register("aten::softshrink", a -> {
            Tensor x = tensor(a[0]);
            Scalar l = scalar(a[1]);
            Tensor shrunk = Pointwise.where(Pointwise.binary(BinaryOp.GT, x, l), Ops.sub(x, l, ONE),
                    Pointwise.where(Pointwise.binary(BinaryOp.LT, x, Scalar.of(-l.toDouble())), Ops.add(x, l, ONE),
                            ZERO));
            return shrunk.to(x.dtype());
        });
        r.register("aten::prelu", a -> {
            Tensor x = tensor(a[0]);
            Tensor w = tensor(a[1]);
            if (x.dim() >= 2 && w.numel() > 1) {
                long[] shape = new long[x.dim() - 1];
                Arrays.fill(shape, 1);
                shape[0] = w.numel();
                w = w.reshape(shape);
            }
            return Pointwise.where(Pointwise.binary(BinaryOp.GT, x, ZERO), x, Ops.mul(w, x));
        });
        r.register("aten::logit", a -> {
            Tensor x = tensor(a[0]).dtype().isFloatingPoint() ? tensor(a[0]) : tensor(a[0]).to(ScalarType.Float);
            Double eps = a[1] == null ? null : toDouble(a[1]);
            Tensor z = eps == null ? x : Pointwise.clamp(x, Scalar.of(eps), Scalar.of(1 - eps));
            return Pointwise.unary(UnaryOp.LOG, Ops.div(z, Pointwise.rsub(z, ONE, ONE)));
        });
        r.register("aten::elu", a -> elu(tensor(a[0]), scalar(a[1]).toDouble(), scalar(a[2]).toDouble(),
                scalar(a[3]).toDouble()));
        r.register("aten::elu_", a -> tensor(a[0]).copyFrom(elu(tensor(a[0]), scalar(a[1]).toDouble(),
                scalar(a[2]).toDouble(), scalar(a[3]).toDouble())));
        r.register("aten::celu", a -> elu(tensor(a[0]), scalar(a[1]).toDouble(), 1, 1 / scalar(a[1]).toDouble()));
        r.register("aten::celu_", a -> tensor(a[0]).copyFrom(elu(tensor(a[0]), scalar(a[1]).toDouble(), 1,
                1 / scalar(a[1]).toDouble())));
        r.register("aten::glu", a -> {
            Tensor x = tensor(a[0]);
            if (x.dim() == 0) {
                throw ScriptException.runtimeError("glu does not support scalars because halving size must be even");
            }
            long dim = toLong(a[1]);
            if (x.size(dim) % 2 != 0) {
                throw ScriptException.runtimeError("Halving dimension must be even, but dimension "
                        + (dim < 0 ? dim + x.dim() : dim) + " is size " + x.size(dim));
            }
            var halves = x.chunk(2, dim);
            return Ops.mul(halves.get(0), Pointwise.unary(UnaryOp.SIGMOID, halves.get(1)));
        });
        r.register("aten::sgn", a -> Pointwise.unary(UnaryOp.SIGN, tensor(a[0])));
        r.register("aten::isreal", a -> Tensor.full(Scalar.of(true), ScalarType.Bool, tensor(a[0]).sizes()));
        r.register("aten::real", a -> tensor(a[0]));
        r.register("aten::conj", a -> tensor(a[0]));
        r.register("aten::resolve_conj", a -> tensor(a[0]));
        r.register("aten::conj_physical", a -> tensor(a[0]).clone());
    }

    private static void registerStatistics(KernelRegistry r) {
        r.register("aten::logsumexp", a -> Reductions.logsumexp(tensor(a[0]), longs(a[1]), toBool(a[2])));
        r.register("aten::cumsum", a -> Reductions.cumulative(tensor(a[0]), toLong(a[1]), optDtype(a[2]), false));
        r.register("aten::cumprod", a -> Reductions.cumulative(tensor(a[0]), toLong(a[1]), optDtype(a[2]), true));
        r.register("aten::nanmean", a -> Reductions.nanmean(tensor(a[0]), optLongs(a[1]), toBool(a[2]),
                optDtype(a[3])));
        r.register("aten::count_nonzero", a -> Reductions.sum(Pointwise.binary(BinaryOp.NE, tensor(a[0]), ZERO),
                a[1] == null ? null : new long[] {toLong(a[1])}, false, null));
        r.register("aten::count_nonzero.dim_IntList", a -> Reductions.sum(Pointwise.binary(BinaryOp.NE,
                tensor(a[0]), ZERO), longs(a[1]), false, null));
        r.register("aten::aminmax", a -> {
            Tensor x = tensor(a[0]);
            Long dim = optLong(a[1]);
            long[] dims = dim == null ? null : new long[] {dim};
            boolean keep = toBool(a[2]);
            return new Object[] {Reductions.extreme(x, dims, keep, false), Reductions.extreme(x, dims, keep, true)};
        });
        for (boolean sqrt : new boolean[] {false, true}) {
            String name = sqrt ? "aten::std_mean" : "aten::var_mean";
            r.register(name, a -> spreadAndMean(tensor(a[0]), null, toBool(a[1]) ? 1 : 0, false, sqrt));
            r.register(name + ".dim", a -> spreadAndMean(tensor(a[0]), optLongs(a[1]), toBool(a[2]) ? 1 : 0,
                    toBool(a[3]), sqrt));
            r.register(name + ".correction", a -> spreadAndMean(tensor(a[0]), optLongs(a[1]),
                    a[2] == null ? 1 : toDouble(a[2]), toBool(a[3]), sqrt));
        }
        r.register("aten::sort", a -> sort(tensor(a[0]), toLong(a[1]), toBool(a[2])));
        r.register("aten::sort.stable", a -> sort(tensor(a[0]), toLong(a[2]), toBool(a[3])));
        r.register("aten::argsort", a -> sort(tensor(a[0]), toLong(a[1]), toBool(a[2]))[1]);
        r.register("aten::argsort.stable", a -> sort(tensor(a[0]), toLong(a[2]), toBool(a[3]))[1]);
        r.register("aten::msort", a -> sort(tensor(a[0]), 0, false)[0]);
        r.register("aten::native_layer_norm", a -> {
            Tensor[] out = Normalization.layerNormWithStatistics(tensor(a[0]), longs(a[1]), optTensor(a[2]),
                    optTensor(a[3]), toDouble(a[4]));
            return new Object[] {out[0], out[1], out[2]};
        });
    }

    /** {@code F.elu}: {@code x > 0 ? scale x : alpha scale (exp(input_scale x) - 1)}. */
    private static Tensor elu(Tensor x, double alpha, double scale, double inputScale) {
        Tensor negative = Ops.mul(Pointwise.unary(UnaryOp.EXPM1, Ops.mul(x, Scalar.of(inputScale))),
                Scalar.of(alpha * scale));
        return Pointwise.where(Pointwise.binary(BinaryOp.GT, x, ZERO), Ops.mul(x, Scalar.of(scale)), negative);
    }

    /** {@code beta * self + alpha * product}, as the {@code add*mm} family. */
    private static Tensor scaledSum(Tensor self, Tensor product, Scalar beta, Scalar alpha) {
        Tensor p = alpha.toDouble() == 1 ? product : Ops.mul(product, alpha);
        if (beta.toDouble() == 0) {
            return Ops.add(Tensor.zeros(p.dtype(), p.sizes()), p, ONE);
        }
        return Ops.add(beta.toDouble() == 1 ? self : Ops.mul(self, beta), p, ONE);
    }

    /** ATen's two-sided {@code lerp}: {@code self + w * (end - self)} for small weights, from the end otherwise. */
    private static Tensor lerp(Tensor self, Tensor end, double w) {
        Tensor diff = Ops.sub(end, self, ONE);
        return Math.abs(w) < 0.5 ? Ops.add(self, Ops.mul(diff, Scalar.of(w)), ONE)
                : Ops.sub(end, Ops.mul(diff, Scalar.of(1 - w)), ONE);
    }

    private static Tensor clampTensor(Tensor x, Tensor min, Tensor max) {
        if (min == null && max == null) {
            throw ScriptException.runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        Tensor out = min == null ? x : Pointwise.binary(BinaryOp.MAXIMUM, x, min);
        return max == null ? out : Pointwise.binary(BinaryOp.MINIMUM, out, max);
    }

    /** {@code |a - b| <= atol + rtol * |b|}, or equal (infinities), or both NaN when {@code equalNan}. */
    private static Tensor isclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
        Tensor equal = Pointwise.binary(BinaryOp.EQ, a, b);
        if (a.dtype() == ScalarType.Bool || !a.dtype().isFloatingPoint() && !b.dtype().isFloatingPoint()
                && rtol == 0 && atol == 0) {
            return equal;
        }
        Tensor diff = Ops.abs(Ops.sub(a.to(ScalarType.Double), b.to(ScalarType.Double), ONE));
        Tensor bound = Ops.add(Ops.mul(Ops.abs(b.to(ScalarType.Double)), Scalar.of(rtol)), Scalar.of(atol), ONE);
        Tensor close = Pointwise.binary(BinaryOp.LOGICAL_OR, equal, Pointwise.binary(BinaryOp.LE, diff, bound));
        if (equalNan) {
            Tensor nans = Pointwise.binary(BinaryOp.LOGICAL_AND, Pointwise.unary(UnaryOp.ISNAN, a),
                    Pointwise.unary(UnaryOp.ISNAN, b));
            close = Pointwise.binary(BinaryOp.LOGICAL_OR, close, nans);
        }
        return close;
    }

    private static Object[] spreadAndMean(Tensor x, long[] dims, double correction, boolean keepdim, boolean sqrt) {
        return new Object[] {Reductions.variance(x, dims, correction, keepdim, sqrt),
                Reductions.mean(x, dims, keepdim, null)};
    }

    /** {@code torch.sort}: values and int64 indices along {@code dim}, stable, NaN sorting as the largest. */
    private static Tensor[] sort(Tensor x, long dim, boolean descending) {
        long size = x.dim() == 0 ? 1 : x.size(dim);
        return Indexing.topk(x, size, dim, descending);
    }
}
