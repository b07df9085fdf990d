package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.longs;
import static kiln.runtime.interp.kernels.Args.optDtype;
import static kiln.runtime.interp.kernels.Args.scalar;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toBool;

import java.util.ArrayList;
import java.util.List;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;

/**
 * Kernels that make tensors ({@code zeros}, {@code full_like}, {@code arange}, {@code tensor}, …), convert them
 * ({@code to}, {@code type_as}) or overwrite them ({@code copy_}, {@code fill_}, {@code zero_}). Layout, device
 * and pin-memory arguments accept only what the CPU has: strided, {@code cpu}, None.
 */
final class FactoryKernels {
    private static final ScalarType DEFAULT_FLOAT = ScalarType.Float;

    private FactoryKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::zeros_like", a -> like(a, Scalar.of(0L), 1));
        r.register("aten::ones_like", a -> like(a, Scalar.of(1L), 1));
        r.register("aten::empty_like", a -> like(a, Scalar.of(0L), 1));
        r.register("aten::full_like", a -> like(a, scalar(a[1]), 2));
        r.register("aten::zeros", a -> Tensor.full(Scalar.of(0L), dtypeOr(a[1], DEFAULT_FLOAT), longs(a[0])));
        r.register("aten::ones", a -> Tensor.full(Scalar.of(1L), dtypeOr(a[1], DEFAULT_FLOAT), longs(a[0])));
        r.register("aten::empty.memory_format",
                a -> Tensor.full(Scalar.of(0L), dtypeOr(a[1], DEFAULT_FLOAT), longs(a[0])));
        r.register("aten::full", a -> Tensor.full(scalar(a[1]), dtypeOr(a[2], inferred(scalar(a[1]))), longs(a[0])));
        r.register("aten::new_zeros", a -> Tensor.full(Scalar.of(0L), dtypeOr(a[2], tensor(a[0]).dtype()), longs(a[1])));
        r.register("aten::new_ones", a -> Tensor.full(Scalar.of(1L), dtypeOr(a[2], tensor(a[0]).dtype()), longs(a[1])));
        r.register("aten::new_empty", a -> Tensor.full(Scalar.of(0L), dtypeOr(a[2], tensor(a[0]).dtype()), longs(a[1])));
        r.register("aten::new_full", a -> Tensor.full(scalar(a[2]), dtypeOr(a[3], tensor(a[0]).dtype()), longs(a[1])));
        r.register("aten::arange", a -> arange(Scalar.of(0L), scalar(a[0]), Scalar.of(1L), optDtype(a[1])));
        r.register("aten::arange.start", a -> arange(scalar(a[0]), scalar(a[1]), Scalar.of(1L), optDtype(a[2])));
        r.register("aten::arange.start_step", a -> arange(scalar(a[0]), scalar(a[1]), scalar(a[2]), optDtype(a[3])));
        r.register("aten::tensor", a -> fromData(a[0], optDtype(a[1])), "", "int", "float", "bool");
        r.register("aten::as_tensor", a -> a[0] instanceof Tensor t ? convert(t, optDtype(a[1]), false)
                : fromData(a[0], optDtype(a[1])), "", "list", "int", "float", "bool");

        r.register("aten::to.dtype", a -> convert(tensor(a[0]), Args.dtype(a[1]), toBool(a[3])));
        r.register("aten::to.dtype_layout", a -> convert(tensor(a[0]), optDtype(a[1]), toBool(a[6])));
        r.register("aten::to.device", a -> convert(tensor(a[0]), Args.dtype(a[2]), toBool(a[4])));
        r.register("aten::to.other", a -> convert(tensor(a[0]), tensor(a[1]).dtype(), toBool(a[3])));
        r.register("aten::to.prim_Device", a -> convert(tensor(a[0]), optDtype(a[2]), toBool(a[4])));
        r.register("aten::to.prim_dtype", a -> convert(tensor(a[0]), optDtype(a[1]), toBool(a[3])));
        r.register("aten::to.prim_other", a -> convert(tensor(a[0]), null, toBool(a[2])));
        r.register("aten::type_as", a -> tensor(a[0]).to(tensor(a[1]).dtype()));
        r.register("aten::copy_", a -> tensor(a[0]).copyFrom(tensor(a[1])));
        r.register("aten::copy_.Tensor", a -> tensor(a[0]).copyFrom(tensor(a[1])));
        r.register("aten::fill_.Scalar", a -> tensor(a[0]).copyFrom(Tensor.scalar(scalar(a[1]), scalar(a[1]).type())));
        r.register("aten::fill_.Tensor", a -> tensor(a[0]).copyFrom(tensor(a[1])));
        r.register("aten::zero_", a -> tensor(a[0]).copyFrom(Tensor.scalar(Scalar.of(0L), ScalarType.Long)));
    }

    private static ScalarType dtypeOr(Object dtype, ScalarType otherwise) {
        return dtype == null ? otherwise : Args.dtype(dtype);
    }

    /** {@code *_like(self, [fill,] dtype, ...)}: the dtype argument is at {@code dtypeAt}. */
    private static Tensor like(Object[] a, Scalar value, int dtypeAt) {
        Tensor self = tensor(a[0]);
        return Tensor.full(value, dtypeOr(a[dtypeAt], self.dtype()), self.sizes());
    }

    /** The dtype {@code torch.full} and {@code torch.tensor} give a Python number. */
    private static ScalarType inferred(Scalar s) {
        return switch (s) {
            case Scalar.OfLong l -> ScalarType.Long;
            case Scalar.OfDouble d -> DEFAULT_FLOAT;
            case Scalar.OfBool b -> ScalarType.Bool;
        };
    }

    private static Tensor convert(Tensor t, ScalarType dtype, boolean copy) {
        ScalarType target = dtype == null ? t.dtype() : dtype;
        if (target == t.dtype()) {
            return copy ? t.clone() : t;
        }
        return t.to(target);
    }

    /** {@code torch.arange(start, end, step)}: int64 when every bound is an int, else the default float dtype. */
    private static Tensor arange(Scalar start, Scalar end, Scalar step, ScalarType dtype) {
        boolean floating = start.isFloatingPoint() || end.isFloatingPoint() || step.isFloatingPoint();
        ScalarType out = dtype != null ? dtype : floating ? DEFAULT_FLOAT : ScalarType.Long;
        double s = start.toDouble();
        double e = end.toDouble();
        double st = step.toDouble();
        if (st == 0) {
            throw ScriptException.runtimeError("step must be nonzero");
        }
        if ((st > 0 && e < s) || (st < 0 && e > s)) {
            throw ScriptException.runtimeError("upper bound and larger bound inconsistent with step sign");
        }
        long n = (long) Math.ceil((e - s) / st);
        Tensor t = Tensor.empty(out, n);
        for (long i = 0; i < n; i++) {
            if (out.isFloatingPoint()) {
                t.setDouble(s + i * st, i);
            } else {
                t.setLong(start.toLong() + i * step.toLong(), i);
            }
        }
        return t;
    }

    /** {@code torch.tensor(data)}: a number or nested lists of numbers. */
    private static Tensor fromData(Object data, ScalarType dtype) {
        List<Long> shape = new ArrayList<>();
        Object probe = data;
        while (probe instanceof ScriptList l) {
            shape.add((long) l.size());
            probe = l.isEmpty() ? null : l.get(0);
        }
        List<Object> leaves = new ArrayList<>();
        flatten(data, 0, shape, leaves);
        ScalarType inferred = leaves.stream().anyMatch(v -> v instanceof Double) ? DEFAULT_FLOAT
                : leaves.stream().anyMatch(v -> v instanceof Long) ? ScalarType.Long
                : leaves.isEmpty() ? DEFAULT_FLOAT : ScalarType.Bool;
        ScalarType out = dtype != null ? dtype : inferred;
        long[] sizes = shape.stream().mapToLong(Long::longValue).toArray();
        Tensor t = Tensor.empty(out, sizes);
        Tensor flat = t.reshape(-1);
        for (int i = 0; i < leaves.size(); i++) {
            switch (leaves.get(i)) {
                case Long l -> flat.setLong(l, i);
                case Double d -> flat.setDouble(d, i);
                case Boolean b -> flat.setBoolean(b, i);
                default -> throw ScriptException.typeError("torch.tensor() got an element that is not a number");
            }
        }
        return t;
    }

    private static void flatten(Object v, int depth, List<Long> shape, List<Object> out) {
        if (v instanceof ScriptList l) {
            if (depth >= shape.size() || l.size() != shape.get(depth)) {
                throw ScriptException.valueError("expected sequence of length " + (depth < shape.size()
                        ? shape.get(depth) : 0) + " at dim " + depth + " (got " + l.size() + ")");
            }
            for (Object e : l) {
                flatten(e, depth + 1, shape, out);
            }
        } else {
            if (depth != shape.size()) {
                throw ScriptException.valueError("expected a sequence at dim " + depth);
            }
            out.add(v);
        }
    }
}
