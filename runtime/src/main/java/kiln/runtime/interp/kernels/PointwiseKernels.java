package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.operand;
import static kiln.runtime.interp.kernels.Args.scalar;
import static kiln.runtime.interp.kernels.Args.str;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Kernel.onePass;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.tensor.BinaryOp;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Pointwise;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.UnaryOp;

/**
 * Kernels of the elementwise tensor operators: arithmetic, math functions, comparisons, selection. Those made by one
 * {@code Elementwise} pass over their inputs are declared {@link Kernel#onePass}, so that a dying input may hold
 * their output.
 */
final class PointwiseKernels {
    private static final String[] TENSOR_OR_SCALAR = {"Tensor", "Scalar"};
    /** Functions PyTorch has no in-place ({@code name_}) form of, besides the {@code special_*} ones. */
    private static final Set<UnaryOp> NO_IN_PLACE = EnumSet.of(UnaryOp.ANGLE);

    private PointwiseKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::add", onePass(a -> Ops.add(tensor(a[0]), operand(a[1]), scalar(a[2]))), TENSOR_OR_SCALAR);
        r.register("aten::add_", a -> Ops.add_(tensor(a[0]), operand(a[1]), scalar(a[2])), TENSOR_OR_SCALAR);
        r.register("aten::sub", onePass(a -> Ops.sub(tensor(a[0]), operand(a[1]), scalar(a[2]))), TENSOR_OR_SCALAR);
        r.register("aten::sub_", a -> Ops.sub_(tensor(a[0]), operand(a[1]), scalar(a[2])), TENSOR_OR_SCALAR);
        r.register("aten::rsub", a -> Pointwise.rsub(tensor(a[0]), operand(a[1]), scalar(a[2])), TENSOR_OR_SCALAR);
        r.register("aten::mul", onePass(a -> Ops.mul(tensor(a[0]), operand(a[1]))), TENSOR_OR_SCALAR);
        r.register("aten::mul_", a -> Ops.mul_(tensor(a[0]), operand(a[1])), TENSOR_OR_SCALAR);
        r.register("aten::div", onePass(a -> Ops.div(tensor(a[0]), operand(a[1]))), TENSOR_OR_SCALAR);
        r.register("aten::true_divide", onePass(a -> Ops.div(tensor(a[0]), operand(a[1]))), TENSOR_OR_SCALAR);
        r.register("aten::div_", a -> Ops.div_(tensor(a[0]), operand(a[1])), TENSOR_OR_SCALAR);
        r.register("aten::div", a -> divMode(tensor(a[0]), operand(a[1]), (String) a[2]), "Tensor_mode",
                "Scalar_mode");
        r.register("aten::neg", onePass(a -> Ops.neg(tensor(a[0]))), "");
        r.register("aten::neg_", a -> Ops.neg_(tensor(a[0])), "");
        r.register("aten::abs", onePass(a -> Ops.abs(tensor(a[0]))), "");
        r.register("aten::abs_", a -> Ops.abs_(tensor(a[0])), "");
        r.register("aten::exp", onePass(a -> Ops.exp(tensor(a[0]))), "");
        r.register("aten::exp_", a -> Ops.exp_(tensor(a[0])), "");
        r.register("aten::relu", onePass(a -> Ops.relu(tensor(a[0]))), "");
        r.register("aten::relu_", a -> Ops.relu_(tensor(a[0])), "");
        registerUnary(r);
        registerBinary(r);
        registerSelection(r);
    }

    private static void registerUnary(KernelRegistry r) {
        for (UnaryOp op : UnaryOp.values()) {
            String name = "aten::" + op.name().toLowerCase(Locale.ROOT);
            if (op == UnaryOp.GELU || op == UnaryOp.GELU_TANH || op == UnaryOp.LOGSIGMOID) {
                continue;
            }
            r.register(name, onePass(a -> Pointwise.unary(op, tensor(a[0]))));
            if (op.kind() != UnaryOp.Kind.BOOL && !NO_IN_PLACE.contains(op) && !op.name().startsWith("SPECIAL_")) {
                r.register(name + "_", a -> Pointwise.unary_(op, tensor(a[0])));
            }
        }
        r.register("aten::positive", a -> {
            if (tensor(a[0]).dtype() == kiln.dialects.torch.types.ScalarType.Bool) {
                throw ScriptException.runtimeError("The `+` operator, on a bool tensor is not supported.");
            }
            return tensor(a[0]);
        });
        r.register("aten::log_sigmoid", onePass(a -> Pointwise.unary(UnaryOp.LOGSIGMOID, tensor(a[0]))));
        r.register("aten::special_erf", onePass(a -> Pointwise.unary(UnaryOp.ERF, tensor(a[0]))));
        r.register("aten::special_expit", onePass(a -> Pointwise.unary(UnaryOp.SIGMOID, tensor(a[0]))));
        r.register("aten::gelu", onePass(a -> Pointwise.unary(gelu(str(a[1])), tensor(a[0]))));
        r.register("aten::gelu_", a -> Pointwise.unary_(gelu(str(a[1])), tensor(a[0])));
        r.register("aten::round.decimals", a -> {
            long decimals = Args.toLong(a[1]);
            Tensor t = tensor(a[0]);
            if (decimals == 0) {
                return Pointwise.unary(UnaryOp.ROUND, t);
            }
            double scale = Math.pow(10, Math.abs(decimals));
            Tensor scaled = decimals > 0 ? Ops.mul(t, Scalar.of(scale)) : Ops.div(t, Scalar.of(scale));
            Tensor rounded = Pointwise.unary(UnaryOp.ROUND, scaled);
            return decimals > 0 ? Ops.div(rounded, Scalar.of(scale)) : Ops.mul(rounded, Scalar.of(scale));
        });
    }

    private static UnaryOp gelu(String approximate) {
        return switch (approximate) {
            case "none" -> UnaryOp.GELU;
            case "tanh" -> UnaryOp.GELU_TANH;
            default -> throw ScriptException.runtimeError("approximate argument must be either none or tanh.");
        };
    }

    private static void registerBinary(KernelRegistry r) {
        binary(r, "eq", BinaryOp.EQ, TENSOR_OR_SCALAR);
        binary(r, "ne", BinaryOp.NE, TENSOR_OR_SCALAR);
        binary(r, "lt", BinaryOp.LT, TENSOR_OR_SCALAR);
        binary(r, "le", BinaryOp.LE, TENSOR_OR_SCALAR);
        binary(r, "gt", BinaryOp.GT, TENSOR_OR_SCALAR);
        binary(r, "ge", BinaryOp.GE, TENSOR_OR_SCALAR);
        binary(r, "maximum", BinaryOp.MAXIMUM, "");
        binary(r, "minimum", BinaryOp.MINIMUM, "");
        binary(r, "max", BinaryOp.MAXIMUM, "other");
        binary(r, "min", BinaryOp.MINIMUM, "other");
        binary(r, "fmax", BinaryOp.FMAX, "");
        binary(r, "fmin", BinaryOp.FMIN, "");
        binary(r, "pow", BinaryOp.POW, "Tensor_Tensor", "Tensor_Scalar");
        binary(r, "remainder", BinaryOp.REMAINDER, TENSOR_OR_SCALAR);
        binary(r, "fmod", BinaryOp.FMOD, TENSOR_OR_SCALAR);
        binary(r, "floor_divide", BinaryOp.FLOOR_DIVIDE, "", "Scalar");
        binary(r, "atan2", BinaryOp.ATAN2, "");
        binary(r, "arctan2", BinaryOp.ATAN2, "");
        binary(r, "hypot", BinaryOp.HYPOT, "");
        binary(r, "copysign", BinaryOp.COPYSIGN, "Tensor", "Scalar");
        binary(r, "logaddexp", BinaryOp.LOGADDEXP, "");
        binary(r, "xlogy", BinaryOp.XLOGY, "Tensor", "Scalar_Other");
        binary(r, "logical_and", BinaryOp.LOGICAL_AND, "");
        binary(r, "logical_or", BinaryOp.LOGICAL_OR, "");
        binary(r, "logical_xor", BinaryOp.LOGICAL_XOR, "");
        binary(r, "bitwise_and", BinaryOp.BITWISE_AND, TENSOR_OR_SCALAR);
        binary(r, "bitwise_or", BinaryOp.BITWISE_OR, TENSOR_OR_SCALAR);
        binary(r, "bitwise_xor", BinaryOp.BITWISE_XOR, TENSOR_OR_SCALAR);
        binary(r, "__and__", BinaryOp.BITWISE_AND, TENSOR_OR_SCALAR);
        binary(r, "__or__", BinaryOp.BITWISE_OR, TENSOR_OR_SCALAR);
        binary(r, "__xor__", BinaryOp.BITWISE_XOR, TENSOR_OR_SCALAR);
        r.register("aten::pow.Scalar", a -> Pointwise.binaryReflected(BinaryOp.POW, scalar(a[0]), tensor(a[1])));
        r.register("aten::remainder.Scalar_Tensor",
                a -> Pointwise.binaryReflected(BinaryOp.REMAINDER, scalar(a[0]), tensor(a[1])));
        r.register("aten::xlogy.Scalar_Self",
                a -> Pointwise.binaryReflected(BinaryOp.XLOGY, scalar(a[0]), tensor(a[1])));
        r.register("aten::pow_", a -> Pointwise.binary_(BinaryOp.POW, tensor(a[0]), operand(a[1])), "Scalar",
                "Tensor");
    }

    /** {@code aten::<name>.<overload>(self, other)} for each overload. */
    private static void binary(KernelRegistry r, String name, BinaryOp op, String... overloads) {
        r.register("aten::" + name, onePass(a -> Pointwise.binary(op, tensor(a[0]), operand(a[1]))), overloads);
    }

    private static Tensor divMode(Tensor self, kiln.runtime.tensor.Operand other, String mode) {
        return switch (mode) {
            case null -> Ops.div(self, other);
            case "trunc" -> Pointwise.binary(BinaryOp.DIV_TRUNC, self, other);
            case "floor" -> Pointwise.binary(BinaryOp.FLOOR_DIVIDE, self, other);
            default -> throw ScriptException.runtimeError("div expected rounding_mode to be one of None, 'trunc', or "
                    + "'floor' but found '" + mode + "'");
        };
    }

    private static void registerSelection(KernelRegistry r) {
        r.register("aten::where", a -> Pointwise.where(tensor(a[0]), operand(a[1]), operand(a[2])),
                "self", "ScalarOther", "ScalarSelf", "Scalar");
        r.register("aten::clamp", onePass(a -> Pointwise.clamp(tensor(a[0]), optScalar(a[1]), optScalar(a[2]))));
        r.register("aten::clamp_", a -> Pointwise.clamp_(tensor(a[0]), optScalar(a[1]), optScalar(a[2])));
        r.register("aten::clip", a -> Pointwise.clamp(tensor(a[0]), optScalar(a[1]), optScalar(a[2])));
        r.register("aten::clamp_min", a -> Pointwise.clamp(tensor(a[0]), scalar(a[1]), null));
        r.register("aten::clamp_max", a -> Pointwise.clamp(tensor(a[0]), null, scalar(a[1])));
        r.register("aten::hardtanh", a -> Pointwise.clamp(tensor(a[0]), scalar(a[1]), scalar(a[2]))
                .to(tensor(a[0]).dtype()));
        r.register("aten::hardtanh_", a -> Pointwise.clamp_(tensor(a[0]), scalar(a[1]), scalar(a[2])));
        r.register("aten::relu6", a -> Pointwise.clamp(tensor(a[0]), Scalar.of(0L), Scalar.of(6L)));
        r.register("aten::masked_fill", a -> Pointwise.maskedFill(tensor(a[0]), tensor(a[1]), operand(a[2])),
                TENSOR_OR_SCALAR);
        r.register("aten::masked_fill_", a -> Pointwise.maskedFill_(tensor(a[0]), tensor(a[1]), operand(a[2])),
                TENSOR_OR_SCALAR);
        r.register("aten::leaky_relu", a -> leakyRelu(tensor(a[0]), scalar(a[1])));
        r.register("aten::leaky_relu_", a -> tensor(a[0]).copyFrom(leakyRelu(tensor(a[0]), scalar(a[1]))));
        r.register("aten::threshold", a -> threshold(tensor(a[0]), scalar(a[1]), scalar(a[2])));
        r.register("aten::threshold_", a -> tensor(a[0]).copyFrom(threshold(tensor(a[0]), scalar(a[1]),
                scalar(a[2]))));
    }

    private static Tensor leakyRelu(Tensor x, Scalar slope) {
        return Pointwise.where(Pointwise.binary(BinaryOp.GT, x, Scalar.of(0L)), x, Ops.mul(x, slope));
    }

    private static Tensor threshold(Tensor x, Scalar threshold, Scalar value) {
        return Pointwise.where(Pointwise.binary(BinaryOp.GT, x, threshold), x, value);
    }

    private static Scalar optScalar(Object v) {
        return v == null ? null : scalar(v);
    }
}
