package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.scalar;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toLong;

import java.util.Locale;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.tensor.BinaryOp;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Pointwise;
import kiln.runtime.tensor.Reductions;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.UnaryOp;

/**
 * Kernels of the special functions of two operands ({@code torch.special.zeta}, the orthogonal polynomials,
 * {@code igammac}), the {@code special_*} aliases of plain functions, and {@code mvlgamma}.
 */
final class SpecialKernels {
    private SpecialKernels() {
    }

    static void register(KernelRegistry r) {
        for (BinaryOp op : new BinaryOp[] {BinaryOp.SPECIAL_CHEBYSHEV_POLYNOMIAL_T,
            BinaryOp.SPECIAL_CHEBYSHEV_POLYNOMIAL_U, BinaryOp.SPECIAL_CHEBYSHEV_POLYNOMIAL_V, BinaryOp.SPECIAL_CHEBYSHEV_POLYNOMIAL_W,
            BinaryOp.SPECIAL_SHIFTED_CHEBYSHEV_POLYNOMIAL_T, BinaryOp.SPECIAL_SHIFTED_CHEBYSHEV_POLYNOMIAL_U,
            BinaryOp.SPECIAL_SHIFTED_CHEBYSHEV_POLYNOMIAL_V, BinaryOp.SPECIAL_SHIFTED_CHEBYSHEV_POLYNOMIAL_W,
            BinaryOp.SPECIAL_HERMITE_POLYNOMIAL_H, BinaryOp.SPECIAL_HERMITE_POLYNOMIAL_HE,
            BinaryOp.SPECIAL_LAGUERRE_POLYNOMIAL_L, BinaryOp.SPECIAL_LEGENDRE_POLYNOMIAL_P}) {
            binary(r, op, "x_scalar", "n_scalar");
        }
        binary(r, BinaryOp.SPECIAL_ZETA, "self_scalar", "other_scalar");
        r.register("aten::igammac", a -> Pointwise.binary(BinaryOp.IGAMMAC, tensor(a[0]), tensor(a[1])));
        r.register("aten::igamma", a -> Pointwise.binary(BinaryOp.IGAMMA, tensor(a[0]), tensor(a[1])));
        r.register("aten::special_gammaincc", a -> Pointwise.binary(BinaryOp.IGAMMAC, tensor(a[0]), tensor(a[1])));
        r.register("aten::special_gammainc", a -> Pointwise.binary(BinaryOp.IGAMMA, tensor(a[0]), tensor(a[1])));
        unaryAlias(r, "special_i0", UnaryOp.I0);
        unaryAlias(r, "special_gammaln", UnaryOp.LGAMMA);
        unaryAlias(r, "special_digamma", UnaryOp.DIGAMMA);
        unaryAlias(r, "special_psi", UnaryOp.DIGAMMA);
        unaryAlias(r, "special_erfinv", UnaryOp.ERFINV);
        unaryAlias(r, "special_erfc", UnaryOp.ERFC);
        unaryAlias(r, "special_exp2", UnaryOp.EXP2);
        unaryAlias(r, "special_expm1", UnaryOp.EXPM1);
        unaryAlias(r, "special_log1p", UnaryOp.LOG1P);
        unaryAlias(r, "special_sinc", UnaryOp.SINC);
        r.register("aten::special_xlogy", a -> Pointwise.binary(BinaryOp.XLOGY, tensor(a[0]), tensor(a[1])));
        r.register("aten::special_xlogy.other_scalar", a -> Pointwise.binary(BinaryOp.XLOGY, tensor(a[0]),
                scalar(a[1])));
        r.register("aten::special_xlogy.self_scalar", a -> Pointwise.binaryReflected(BinaryOp.XLOGY, scalar(a[0]),
                tensor(a[1])));
        r.register("aten::polygamma", a -> polygamma(toLong(a[0]), tensor(a[1])));
        r.register("aten::special_polygamma", a -> polygamma(toLong(a[0]), tensor(a[1])));
        r.register("aten::polygamma_", a -> tensor(a[0]).copyFrom(polygamma(toLong(a[1]), tensor(a[0]))));
        r.register("aten::mvlgamma", a -> mvlgamma(tensor(a[0]), toLong(a[1])));
        r.register("aten::special_multigammaln", a -> mvlgamma(tensor(a[0]), toLong(a[1])));
    }

    /** {@code aten::<op>(self, other)} and its overloads with a Python number first or second. */
    private static void binary(KernelRegistry r, BinaryOp op, String scalarFirst, String scalarSecond) {
        String name = "aten::" + op.name().toLowerCase(Locale.ROOT);
        r.register(name, a -> Pointwise.binary(op, tensor(a[0]), tensor(a[1])));
        r.register(name + "." + scalarFirst, a -> Pointwise.binaryReflected(op, scalar(a[0]), tensor(a[1])));
        r.register(name + "." + scalarSecond, a -> Pointwise.binary(op, tensor(a[0]), scalar(a[1])));
    }

    private static Tensor polygamma(long n, Tensor x) {
        if (n < 0) {
            throw ScriptException.runtimeError("polygamma(n, x) does not support negative n.");
        }
        return Pointwise.binaryReflected(BinaryOp.POLYGAMMA, Scalar.of(n), x);
    }

    private static void unaryAlias(KernelRegistry r, String name, UnaryOp op) {
        r.register("aten::" + name, a -> Pointwise.unary(op, tensor(a[0])));
    }

    /** The multivariate log-gamma function: {@code sum_j lgamma(x - j/2) + p(p-1)/4 log(pi)}. */
    private static Tensor mvlgamma(Tensor self, long p) {
        if (p < 1) {
            throw ScriptException.runtimeError("p has to be greater than or equal to 1");
        }
        Tensor x = Pointwise.unary(UnaryOp.LGAMMA, self);
        if (Reductions.allAny(Pointwise.binary(BinaryOp.GT, self, Scalar.of((p - 1) / 2.0)), null, false, true)
                .item().toLong() == 0) {
            throw ScriptException.runtimeError("All elements must be greater than (p-1)/2");
        }
        Tensor sum = x;
        for (long j = 1; j < p; j++) {
            sum = Ops.add(sum, Pointwise.unary(UnaryOp.LGAMMA, Ops.sub(self.to(x.dtype()), Scalar.of(j / 2.0),
                    Scalar.of(1L))), Scalar.of(1L));
        }
        return Ops.add(sum, Scalar.of(p * (p - 1) / 4.0 * Math.log(Math.PI)), Scalar.of(1L));
    }
}
