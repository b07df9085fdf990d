package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.util.List;

import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.Access.DoubleReader;
import kiln.runtime.tensor.Access.LongReader;

/**
 * Elementwise operators on the elementwise engine beyond {@link Ops}: the {@link UnaryOp} and {@link BinaryOp}
 * functions, {@code rsub}, {@code clamp}, {@code where} and {@code masked_fill}, with ATen's type promotion and
 * broadcasting. {@code other} operands may be tensors or Python numbers.
 */
public final class Pointwise {
    private Pointwise() {
    }

    private static ScalarType unaryCommon(UnaryOp op, Tensor self) {
        return op.kind() == UnaryOp.Kind.FLOAT ? Ops.floatOpDtype(self) : self.dtype();
    }

    public static Tensor unary(UnaryOp op, Tensor self) {
        ScalarType common = unaryCommon(op, self);
        return Elementwise.unaryTo(op.kernel(), self, common,
                op.kind() == UnaryOp.Kind.BOOL ? ScalarType.Bool : common);
    }

    /** The in-place form ({@code sigmoid_}); the result must be castable to {@code self}'s dtype. */
    public static Tensor unary_(UnaryOp op, Tensor self) {
        return Tensor.written(self, Elementwise.unary(op.kernel(), self, self, unaryCommon(op, self), true));
    }

    private static ScalarType binaryCommon(BinaryOp op, Tensor self, Operand other) {
        ScalarType common = TypePromotion.resultType(self, other);
        return op.kind() == BinaryOp.Kind.FLOAT && common.isIntegral(true) ? DTypes.DEFAULT_FLOAT : common;
    }

    public static Tensor binary(BinaryOp op, Tensor self, Operand other) {
        return binaryInto(op, self, other, null);
    }

    /** The in-place form ({@code pow_}): writes into {@code self}. */
    public static Tensor binary_(BinaryOp op, Tensor self, Operand other) {
        return Tensor.written(self, binaryInto(op, self, other, self));
    }

    /** {@code other op self}, for the reflected Python operators ({@code 2 ** t}, {@code 1 % t}). */
    public static Tensor binaryReflected(BinaryOp op, Operand self, Tensor other) {
        ScalarType common = TypePromotion.resultType(self, other);
        Tensor a = self instanceof Scalar s ? Copy.scalarOf(s, common) : (Tensor) self;
        return binary(op, a, other);
    }

    private static Tensor binaryInto(BinaryOp op, Tensor self, Operand other, Tensor out) {
        ScalarType common = binaryCommon(op, self, other);
        Tensor a = Ops.castScalarInput(self, common, out);
        Tensor b = Ops.castScalarInput(Ops.tensorOf(other), common, out);
        ScalarType outDtype = op.kind() == BinaryOp.Kind.BOOL ? ScalarType.Bool : common;
        Elementwise.Plan plan = Elementwise.plan(out, false, outDtype, common, true, List.of(a, b));
        return Elementwise.binary(plan, op.kernel(), a.dtype(), b.dtype(), common, false);
    }

    /** {@code torch.rsub(self, other, alpha)}: {@code other - alpha * self}. */
    public static Tensor rsub(Tensor self, Operand other, Scalar alpha) {
        Tensor o = other instanceof Scalar s ? Copy.scalarOf(s, TypePromotion.resultType(self, other)) : (Tensor) other;
        return Ops.sub(o, self, alpha);
    }

    /** {@code torch.clamp(self, min, max)}; either bound may be null (None). */
    public static Tensor clamp(Tensor self, Scalar min, Scalar max) {
        return clampInto(self, min, max, null);
    }

    public static Tensor clamp_(Tensor self, Scalar min, Scalar max) {
        return Tensor.written(self, clampInto(self, min, max, self));
    }

    private static Tensor clampInto(Tensor self, Scalar min, Scalar max, Tensor out) {
        TorchException.check(min != null || max != null, "torch.clamp: At least one of 'min' or 'max' must not be None");
        List<Operand> operands = new java.util.ArrayList<>(List.of(self));
        if (min != null) {
            operands.add(min);
        }
        if (max != null) {
            operands.add(max);
        }
        ScalarType common = TypePromotion.resultType(operands.toArray(Operand[]::new));
        double lo = min == null ? Double.NEGATIVE_INFINITY : min.toDouble();
        double hi = max == null ? Double.POSITIVE_INFINITY : max.toDouble();
        long loL = min == null ? Long.MIN_VALUE : min.toLong();
        long hiL = max == null ? Long.MAX_VALUE : max.toLong();
        float loF = (float) lo;
        float hiF = (float) hi;
        UnaryKernel k = new UnaryKernel("clamp_cpu", x -> Float.isNaN(x) ? x : Math.min(Math.max(x, loF), hiF),
                x -> Double.isNaN(x) ? x : Math.min(Math.max(x, lo), hi), x -> Math.min(Math.max(x, loL), hiL), null,
                null);
        return out == null ? Elementwise.unaryTo(k, self, common, common) : Elementwise.unary(k, self, out, common, true);
    }

    /** {@code torch.where(condition, self, other)}: {@code self} where the condition holds, else {@code other}. */
    public static Tensor where(Tensor condition, Operand self, Operand other) {
        ScalarType common = TypePromotion.resultType(self, other);
        Tensor a = Ops.tensorOf(self).to(common);
        Tensor b = Ops.tensorOf(other).to(common);
        Elementwise.Plan plan = Elementwise.plan(null, false, common, common, false, List.of(condition, a, b));
        LongReader cond = truth(condition.dtype());
        long itemSize = common.itemSize();
        plan.iteration().forEachRow((seg, off, str, n) -> {
            long o0 = off[0];
            long o1 = off[1];
            long o2 = off[2];
            long o3 = off[3];
            for (long i = 0; i < n; i++, o0 += str[0], o1 += str[1], o2 += str[2], o3 += str[3]) {
                boolean pick = cond.read(seg[1], o1) != 0;
                MemorySegment.copy(pick ? seg[2] : seg[3], pick ? o2 : o3, seg[0], o0, itemSize);
            }
        });
        return plan.out();
    }

    /** Reads elements of {@code dtype} as 1 (nonzero) or 0. */
    private static LongReader truth(ScalarType dtype) {
        if (dtype.isFloatingPoint()) {
            DoubleReader f = Access.floating(dtype);
            return (s, o) -> f.read(s, o) != 0 ? 1 : 0;
        }
        LongReader l = Access.integral(dtype);
        return (s, o) -> l.read(s, o) != 0 ? 1 : 0;
    }

    /** {@code self.masked_fill(mask, value)}: a copy with {@code value} where the mask is true. */
    public static Tensor maskedFill(Tensor self, Tensor mask, Operand value) {
        long[] shape = Shapes.broadcast(self.sizesRaw(), mask.sizesRaw());
        Tensor base = java.util.Arrays.equals(shape, self.sizesRaw()) ? self : Views.expand(self, shape);
        return maskedFill_(Copy.cloneLike(base, self.dtype()), mask, value);
    }

    /** {@code self.masked_fill_(mask, value)}: the mask broadcasts to {@code self}. */
    public static Tensor maskedFill_(Tensor self, Tensor mask, Operand value) {
        if (mask.dtype() != ScalarType.Bool) {
            throw TorchException.runtime("masked_fill_ only supports boolean masks, but got mask "
                + "with dtype " + mask.dtype().pythonName().substring("torch.".length()));
        }
        Scalar v = switch (value) {
            case Scalar s -> s;
            case Tensor t -> {
                if (t.dim() != 0) {
                    throw TorchException.runtime("masked_fill_ only supports a 0-dimensional value tensor, but got "
                        + "tensor with " + t.dim() + " dimension(s).");
                }
                yield t.item();
            }
        };
        Tensor fill = Copy.scalarOf(v, self.dtype());
        MemorySegment fillBytes = fill.segment();
        long itemSize = self.elementSize();
        Elementwise.Plan plan = Elementwise.plan(self, true, self.dtype(), self.dtype(), false, List.of(mask));
        LongReader m = truth(ScalarType.Bool);
        ElementStore store = fillStore(self.dtype(), fillBytes, itemSize);
        plan.iteration().forEachRow((seg, off, str, n) -> {
            long o0 = off[0];
            long o1 = off[1];
            for (long i = 0; i < n; i++, o0 += str[0], o1 += str[1]) {
                if (m.read(seg[1], o1) != 0) {
                    store.at(seg[0], o0);
                }
            }
        });
        return Tensor.written(self, self);
    }

    /** Writes one fixed value at a byte offset. */
    @FunctionalInterface
    private interface ElementStore {
        void at(MemorySegment s, long offset);
    }

    /** Stores the element in {@code value} (of {@code dtype}) with a typed write, not a byte copy per element. */
    private static ElementStore fillStore(ScalarType dtype, MemorySegment value, long itemSize) {
        if (dtype.isFloatingPoint()) {
            double v = Access.floating(dtype).read(value, 0);
            Access.DoubleWriter w = Access.doubleWriter(dtype);
            return (s, o) -> w.write(s, o, v);
        }
        if (dtype.isIntegral(true)) {
            long v = Access.integral(dtype).read(value, 0);
            Access.LongWriter w = Access.longWriter(dtype);
            return (s, o) -> w.write(s, o, v);
        }
        return (s, o) -> MemorySegment.copy(value, 0, s, o, itemSize);
    }
}
