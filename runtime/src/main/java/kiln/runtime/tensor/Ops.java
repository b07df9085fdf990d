package kiln.runtime.tensor;

import java.util.List;

import kiln.dialects.torch.types.ScalarType;

/**
 * The first ATen kernels on the elementwise engine, with ATen's checks and type rules: {@code add}/{@code sub}
 * with {@code alpha}, {@code mul}, true {@code div}, {@code neg}, {@code abs}, {@code exp}, {@code relu}, and
 * their in-place forms (the trailing underscore, as in ATen). {@code other} may be a tensor or a Python number.
 */
public final class Ops {
    private Ops() {
    }

    /** A Python number as the wrapped 0-dim tensor ATen makes of it. */
    static Tensor tensorOf(Operand operand) {
        return switch (operand) {
            case Tensor t -> t;
            case Scalar s -> Copy.scalarOf(s, s.type());
        };
    }

    /**
     * A 0-dim input converted to a float32/float64 common dtype up front (as TensorIterator casts it), so that
     * the row loops see one dtype and can vectorize. The output is never replaced.
     */
    static Tensor castScalarInput(Tensor input, ScalarType common, Tensor out) {
        boolean wide = common == ScalarType.Float || common == ScalarType.Double;
        if (wide && input != out && input.dim() == 0 && input.dtype() != common) {
            return Copy.cloneLike(input, common);
        }
        return input;
    }

    /** ATen's {@code alpha_check}. */
    private static void alphaCheck(ScalarType dtype, Scalar alpha) {
        TorchException.check(!alpha.isBoolean() || dtype == ScalarType.Bool,
                "Boolean alpha only supported for Boolean results.");
        TorchException.check(dtype.isFloatingPoint() || dtype.isComplex() || !alpha.isFloatingPoint(),
                "For integral input tensors, argument alpha must not be a floating point number.");
    }

    /** ATen's {@code sub_check}. */
    private static void subCheck(Tensor self, Tensor other) {
        if (!(self.dtype() != ScalarType.Bool || other.dtype() != ScalarType.Bool)) {
            throw TorchException.runtime("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
                        + "`logical_xor()` operator instead.");
        }
        if (!(self.dtype() != ScalarType.Bool && other.dtype() != ScalarType.Bool)) {
            throw TorchException.runtime("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a "
                        + "mask, use the `~` or `logical_not()` operator instead.");
        }
    }

    private static Scalar negate(Scalar alpha) {
        return switch (alpha) {
            case Scalar.OfLong l -> Scalar.of(-l.value());
            case Scalar.OfDouble d -> Scalar.of(-d.value());
            case Scalar.OfBool b -> throw TorchException.runtime(
                    "torch boolean negative, the `-` operator, is not supported.");
        };
    }

    /** {@code add}/{@code sub} (which is {@code add} with {@code -alpha}) after their checks. */
    private static Tensor addImpl(Tensor self, Operand other, Scalar alpha, Tensor out, boolean subtract) {
        ScalarType common = TypePromotion.resultType(self, other);
        Tensor b = tensorOf(other);
        if (subtract) {
            subCheck(self, b);
        }
        Tensor a = castScalarInput(self, common, out);
        b = castScalarInput(b, common, out);
        Elementwise.Plan plan = Elementwise.plan(out, false, common, common, true, List.of(a, b));
        alphaCheck(common, alpha);
        BinaryKernel kernel = Kernels.add(common, subtract ? negate(alpha) : alpha);
        return Elementwise.binary(plan, kernel, a.dtype(), b.dtype(), common, false);
    }

    /** {@code torch.add(self, other, alpha=alpha)}: {@code self + alpha * other}. */
    public static Tensor add(Tensor self, Operand other, Scalar alpha) {
        return addImpl(self, other, alpha, null, false);
    }

    public static Tensor add_(Tensor self, Operand other, Scalar alpha) {
        return Tensor.written(self, addImpl(self, other, alpha, self, false));
    }

    /** {@code torch.sub(self, other, alpha=alpha)}: {@code self - alpha * other}. */
    public static Tensor sub(Tensor self, Operand other, Scalar alpha) {
        return addImpl(self, other, alpha, null, true);
    }

    public static Tensor sub_(Tensor self, Operand other, Scalar alpha) {
        return Tensor.written(self, addImpl(self, other, alpha, self, true));
    }

    private static Tensor binaryImpl(BinaryKernel kernel, Tensor self, Operand other, Tensor out,
            boolean integerToFloat) {
        ScalarType common = TypePromotion.resultType(self, other);
        if (integerToFloat && common.isIntegral(true)) {
            common = DTypes.DEFAULT_FLOAT;
        }
        Tensor a = castScalarInput(self, common, out);
        Tensor b = castScalarInput(tensorOf(other), common, out);
        Elementwise.Plan plan = Elementwise.plan(out, false, common, common, true, List.of(a, b));
        return Elementwise.binary(plan, kernel, a.dtype(), b.dtype(), common, true);
    }

    public static Tensor mul(Tensor self, Operand other) {
        return binaryImpl(Kernels.MUL, self, other, null, false);
    }

    public static Tensor mul_(Tensor self, Operand other) {
        return Tensor.written(self, binaryImpl(Kernels.MUL, self, other, self, false));
    }

    /** True division: integer and bool inputs give the default float dtype. */
    public static Tensor div(Tensor self, Operand other) {
        return binaryImpl(Kernels.DIV, self, other, null, true);
    }

    public static Tensor div_(Tensor self, Operand other) {
        return Tensor.written(self, binaryImpl(Kernels.DIV, self, other, self, true));
    }

    private static void negCheck(Tensor self) {
        if (self.dtype() == ScalarType.Bool) {
            throw TorchException.runtime("Negation, the `-` operator, on a bool tensor is not "
                + "supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
    }

    public static Tensor neg(Tensor self) {
        negCheck(self);
        return Elementwise.unary(Kernels.NEG, self, null, self.dtype(), false);
    }

    public static Tensor neg_(Tensor self) {
        negCheck(self);
        return Tensor.written(self, Elementwise.unary(Kernels.NEG, self, self, self.dtype(), false));
    }

    public static Tensor abs(Tensor self) {
        return Elementwise.unary(Kernels.ABS, self, null, self.dtype(), false);
    }

    public static Tensor abs_(Tensor self) {
        return Tensor.written(self, Elementwise.unary(Kernels.ABS, self, self, self.dtype(), false));
    }

    /** A unary float op's common dtype: integer and bool inputs give the default float dtype. */
    static ScalarType floatOpDtype(Tensor self) {
        return self.dtype().isIntegral(true) ? DTypes.DEFAULT_FLOAT : self.dtype();
    }

    public static Tensor exp(Tensor self) {
        return Elementwise.unary(Kernels.EXP, self, null, floatOpDtype(self), true);
    }

    public static Tensor exp_(Tensor self) {
        return Tensor.written(self, Elementwise.unary(Kernels.EXP, self, self, floatOpDtype(self), true));
    }

    private static void reluCheck(Tensor self) {
        TorchException.check(self.dtype() != ScalarType.Bool, "Boolean inputs not supported for relu");
    }

    public static Tensor relu(Tensor self) {
        reluCheck(self);
        return Elementwise.unary(Kernels.RELU, self, null, self.dtype(), false);
    }

    public static Tensor relu_(Tensor self) {
        reluCheck(self);
        return Tensor.written(self, Elementwise.unary(Kernels.RELU, self, self, self.dtype(), false));
    }

    /** ATen's {@code infer_size}: the shape two shapes broadcast to, or PyTorch's error where they do not. */
    public static long[] broadcastShapes(long[] a, long[] b) {
        return Shapes.broadcast(a, b);
    }
}
