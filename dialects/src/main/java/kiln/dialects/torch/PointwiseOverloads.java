package kiln.dialects.torch;

import java.util.Set;
import java.util.stream.Collectors;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.torch.schema.Overloads;

/**
 * PyTorch's pointwise overloads, whose ops have {@link Trait#ELEMENTWISE}: each output element is a function of the
 * input elements at the same index after broadcasting. The table is the elementwise set of NNC's fuser
 * ({@code tensorexpr_elementwise_set}, torch/csrc/jit/runtime/symbolic_shape_registry_util.cpp, which
 * tensorexpr_fuser.cpp fuses), with {@code aten::gelu} under its current schema (it gained {@code approximate}) and
 * {@code aten::silu}, which native_functions.yaml tags {@code pointwise}. An op has the trait when the overload it
 * calls ({@link Overloads}) is in the table: {@code aten::add} on tensors is elementwise, on ints it is not.
 */
final class PointwiseOverloads {
    /** Overloaded names, as PyTorch prints them ({@code aten::add.Tensor}; {@code aten::abs} for a default overload). */
    static final Set<String> OVERLOADS = Set.of(
            // unary: one tensor operand, the rest scalars
            "aten::add.Scalar", "aten::_cast_Float", "aten::sub.Scalar", "aten::mul.Scalar", "aten::div.Scalar",
            "aten::eq.Scalar", "aten::ne.Scalar", "aten::ge.Scalar", "aten::gt.Scalar", "aten::le.Scalar",
            "aten::lt.Scalar", "aten::pow.Tensor_Scalar", "aten::clamp", "aten::to.dtype", "aten::to.device",
            "aten::to.dtype_layout", "aten::to.prim_Device", "aten::to.prim_dtype", "aten::isnan", "aten::lgamma",
            "aten::log10", "aten::log", "aten::log2", "aten::log1p", "aten::exp", "aten::erf", "aten::erfc",
            "aten::fmod.Scalar", "aten::cos", "aten::sin", "aten::tan", "aten::acos", "aten::asin", "aten::atan",
            "aten::cosh", "aten::sinh", "aten::tanh", "aten::hardtanh", "aten::hardsigmoid", "aten::hardswish",
            "aten::hardshrink", "aten::sqrt", "aten::rsqrt", "aten::abs", "aten::floor", "aten::ceil", "aten::round",
            "aten::trunc", "aten::threshold", "aten::sigmoid", "aten::relu", "aten::leaky_relu", "aten::softplus",
            "aten::relu6", "aten::gelu", "aten::neg", "aten::reciprocal", "aten::expm1", "aten::frac",
            "aten::__and__.Scalar", "aten::__or__.Scalar", "aten::__xor__.Scalar", "aten::__lshift__.Scalar",
            "aten::__rshift__.Scalar", "aten::where.Scalar", "aten::type_as", "aten::silu",
            // binary, broadcasting
            "aten::add.Tensor", "aten::where.ScalarOther", "aten::sub.Tensor", "aten::mul.Tensor",
            "aten::div.Tensor", "aten::eq.Tensor", "aten::ne.Tensor", "aten::ge.Tensor", "aten::gt.Tensor",
            "aten::le.Tensor", "aten::lt.Tensor", "aten::lerp.Scalar", "aten::fmod.Tensor", "aten::atan2",
            "aten::remainder.Tensor", "aten::__and__.Tensor", "aten::__or__.Tensor", "aten::__xor__.Tensor",
            "aten::__lshift__.Tensor", "aten::__rshift__.Tensor", "aten::min.other", "aten::max.other",
            // ternary, broadcasting
            "aten::lerp.Tensor", "aten::addcmul", "aten::where.self", "aten::where.ScalarSelf");

    /** The operator names of the table, to answer most ops without matching their overload. */
    private static final Set<String> OPERATORS = OVERLOADS.stream()
            .map(o -> o.indexOf('.') < 0 ? o : o.substring(0, o.indexOf('.'))).collect(Collectors.toUnmodifiableSet());

    private PointwiseOverloads() {
    }

    /** Whether {@code op} calls one of the pointwise overloads. */
    static boolean isPointwise(Operation op) {
        return OPERATORS.contains(op.name())
                && Overloads.standard().resolve(op).filter(s -> OVERLOADS.contains(s.overloadedName())).isPresent();
    }
}
