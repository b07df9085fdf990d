package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.longs;
import static kiln.runtime.interp.kernels.Args.optDtype;
import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.optLongs;
import static kiln.runtime.interp.kernels.Args.optTensor;
import static kiln.runtime.interp.kernels.Args.str;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.tensors;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toDouble;
import static kiln.runtime.interp.kernels.Args.toLong;

import java.util.Arrays;
import kiln.runtime.tensor.BinaryOp;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Pointwise;
import kiln.runtime.tensor.Reductions;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.linalg.Decompositions;
import kiln.runtime.tensor.linalg.MatrixFunctions;
import kiln.runtime.tensor.linalg.Norms;
import kiln.runtime.tensor.linalg.Solvers;

/** Kernels of {@code torch.linalg} beyond the matrix products: factorizations, solves, norms, and friends. */
final class DecompositionKernels {
    private DecompositionKernels() {
    }

    static void register(KernelRegistry r) {
        registerFactorizations(r);
        registerSolvers(r);
        registerFunctions(r);
    }

    private static void registerFactorizations(KernelRegistry r) {
        r.register("aten::linalg_lu_factor_ex", a -> Decompositions.luFactor(tensor(a[0]), toBool(a[1]),
                "torch.linalg.lu_factor_ex"));
        r.register("aten::linalg_lu_factor", a -> Arrays.copyOf(Decompositions.luFactor(tensor(a[0]),
                toBool(a[1]), "torch.linalg.lu_factor"), 2, Object[].class));
        r.register("aten::_lu_with_info", a -> Decompositions.luFactor(tensor(a[0]), toBool(a[1]), "torch.lu"));
        r.register("aten::linalg_lu", a -> Decompositions.lu(tensor(a[0]), toBool(a[1])));
        r.register("aten::lu_unpack", a -> Decompositions.luUnpack(tensor(a[0]), tensor(a[1]), toBool(a[2]),
                toBool(a[3])));
        r.register("aten::linalg_cholesky_ex", a -> Decompositions.cholesky(tensor(a[0]), toBool(a[1]),
                "linalg.cholesky_ex", toBool(a[2])));
        r.register("aten::linalg_cholesky", a -> Decompositions.cholesky(tensor(a[0]), toBool(a[1]),
                "linalg.cholesky", true)[0]);
        r.register("aten::cholesky", a -> Decompositions.cholesky(tensor(a[0]), toBool(a[1]), "cholesky", true)[0]);
        r.register("aten::geqrf", a -> Decompositions.geqrf(tensor(a[0])));
        r.register("aten::linalg_householder_product", a -> Decompositions.householderProduct(tensor(a[0]),
                tensor(a[1])));
        r.register("aten::ormqr", a -> Decompositions.ormqr(tensor(a[0]), tensor(a[1]), tensor(a[2]), toBool(a[3]),
                toBool(a[4])));
        r.register("aten::orgqr", a -> Decompositions.householderProduct(tensor(a[0]), tensor(a[1])));
        r.register("aten::linalg_qr", a -> Decompositions.qr(tensor(a[0]), str(a[1])));
        r.register("aten::qr", a -> Decompositions.qr(tensor(a[0]), toBool(a[1]) ? "reduced" : "complete"));
        r.register("aten::linalg_ldl_factor_ex", a -> Decompositions.ldlFactor(tensor(a[0]), toBool(a[1])));
        r.register("aten::linalg_ldl_factor", a -> Arrays.copyOf(Decompositions.ldlFactor(tensor(a[0]),
                toBool(a[1])), 2, Object[].class));
        r.register("aten::linalg_eigh", a -> Decompositions.eigh(tensor(a[0]), str(a[1]), true));
        r.register("aten::linalg_eigvalsh", a -> Decompositions.eigh(tensor(a[0]), str(a[1]), false)[0]);
        r.register("aten::linalg_svd", a -> Decompositions.svd(tensor(a[0]), toBool(a[1])));
        r.register("aten::linalg_svdvals", a -> Decompositions.svd(tensor(a[0]), false)[1]);
    }

    private static void registerSolvers(KernelRegistry r) {
        r.register("aten::linalg_solve_ex", a -> Solvers.solve(tensor(a[0]), tensor(a[1]), toBool(a[2]),
                toBool(a[3])));
        r.register("aten::linalg_solve", a -> Solvers.solve(tensor(a[0]), tensor(a[1]), toBool(a[2]), true,
                "torch.linalg.solve")[0]);
        r.register("aten::linalg_inv_ex", a -> Solvers.inv(tensor(a[0]), toBool(a[1])));
        r.register("aten::linalg_inv", a -> Solvers.inv(tensor(a[0]), true, "linalg.inv")[0]);
        r.register("aten::inverse", a -> Solvers.inv(tensor(a[0]), true, "linalg.inv")[0]);
        r.register("aten::linalg_lu_solve", a -> Solvers.luSolve(tensor(a[0]), tensor(a[1]), tensor(a[2]),
                toBool(a[3]), toBool(a[4])));
        r.register("aten::lu_solve", a -> Solvers.luSolve(tensor(a[1]), tensor(a[2]), tensor(a[0]), true, false));
        r.register("aten::triangular_solve", a -> Solvers.triangularSolve(tensor(a[0]), tensor(a[1]),
                toBool(a[2]), toBool(a[3]), toBool(a[4])));
        r.register("aten::linalg_solve_triangular", a -> Solvers.solveTriangular(tensor(a[0]), tensor(a[1]),
                toBool(a[2]), toBool(a[3]), toBool(a[4])));
        r.register("aten::cholesky_solve", a -> Solvers.choleskySolve(tensor(a[0]), tensor(a[1]), toBool(a[2])));
        r.register("aten::cholesky_inverse", a -> Solvers.choleskyInverse(tensor(a[0]), toBool(a[1])));
        r.register("aten::linalg_ldl_solve", a -> Solvers.ldlSolve(tensor(a[0]), tensor(a[1]), tensor(a[2]),
                toBool(a[3])));
        r.register("aten::linalg_lstsq", a -> MatrixFunctions.lstsq(tensor(a[0]), tensor(a[1]), optDouble(a[2]),
                (String) a[3]));
        r.register("aten::linalg_tensorsolve", a -> MatrixFunctions.tensorsolve(tensor(a[0]), tensor(a[1]),
                optLongs(a[2])));
        r.register("aten::linalg_tensorinv", a -> MatrixFunctions.tensorinv(tensor(a[0]), toLong(a[1])));
    }

    private static void registerFunctions(KernelRegistry r) {
        r.register("aten::linalg_det", a -> MatrixFunctions.det(tensor(a[0])));
        r.register("aten::det", a -> MatrixFunctions.det(tensor(a[0])));
        r.register("aten::linalg_slogdet", a -> MatrixFunctions.slogdet(tensor(a[0])));
        r.register("aten::slogdet", a -> MatrixFunctions.slogdet(tensor(a[0])));
        r.register("aten::logdet", a -> {
            Tensor[] s = MatrixFunctions.slogdet(tensor(a[0]));
            return Pointwise.where(Pointwise.binary(BinaryOp.LT, s[0], Scalar.of(0L)), Scalar.of(Double.NaN),
                    s[1]);
        });
        r.register("aten::linalg_pinv.atol_rtol_float", a -> {
            Tensor[] tol = MatrixFunctions.tolerances(tensor(a[0]), optDouble(a[1]), optDouble(a[2]));
            return MatrixFunctions.pinv(tensor(a[0]), a[1] == null ? null : tol[0], a[2] == null ? null : tol[1],
                    toBool(a[3]));
        });
        r.register("aten::linalg_pinv.atol_rtol_tensor", a -> MatrixFunctions.pinv(tensor(a[0]), optTensor(a[1]),
                optTensor(a[2]), toBool(a[3])));
        r.register("aten::linalg_pinv", a -> pinvRcond(tensor(a[0]), toDouble(a[1]), toBool(a[2])));
        r.register("aten::linalg_pinv.rcond_tensor", a -> MatrixFunctions.pinv(tensor(a[0]), zeroTol(),
                tensor(a[1]), toBool(a[2])));
        r.register("aten::pinverse", a -> pinvRcond(tensor(a[0]), toDouble(a[1]), false));
        r.register("aten::linalg_matrix_rank.atol_rtol_float", a -> {
            Tensor[] tol = MatrixFunctions.tolerances(tensor(a[0]), optDouble(a[1]), optDouble(a[2]));
            return MatrixFunctions.matrixRank(tensor(a[0]), a[1] == null ? null : tol[0], a[2] == null ? null
                    : tol[1], toBool(a[3]));
        });
        r.register("aten::linalg_matrix_rank.atol_rtol_tensor", a -> MatrixFunctions.matrixRank(tensor(a[0]),
                optTensor(a[1]), optTensor(a[2]), toBool(a[3])));
        r.register("aten::linalg_matrix_rank", a -> MatrixFunctions.matrixRank(tensor(a[0]), MatrixFunctions.tolerance(
                toDouble(a[1])), zeroTol(), toBool(a[2])));
        r.register("aten::linalg_matrix_rank.tol_tensor", a -> MatrixFunctions.matrixRank(tensor(a[0]),
                tensor(a[1]), zeroTol(), toBool(a[2])));
        r.register("aten::linalg_matrix_power", a -> MatrixFunctions.matrixPower(tensor(a[0]), toLong(a[1])));
        r.register("aten::matrix_power", a -> MatrixFunctions.matrixPower(tensor(a[0]), toLong(a[1])));
        r.register("aten::linalg_matrix_exp", a -> MatrixFunctions.matrixExp(tensor(a[0])));
        r.register("aten::matrix_exp", a -> MatrixFunctions.matrixExp(tensor(a[0])));
        r.register("aten::linalg_cond", a -> MatrixFunctions.cond(tensor(a[0]), a[1]));
        r.register("aten::linalg_cond.p_str", a -> MatrixFunctions.cond(tensor(a[0]), str(a[1])));
        r.register("aten::linalg_multi_dot", a -> MatrixFunctions.multiDot(Arrays.asList(tensors(a[0]))));
        r.register("aten::chain_matmul", a -> MatrixFunctions.multiDot(Arrays.asList(tensors(a[0]))));
        r.register("aten::linalg_vecdot", a -> Reductions.sum(Ops.mul(tensor(a[0]),
                tensor(a[1])), new long[] {toLong(a[2])}, false, null));
        r.register("aten::linalg_vander", a -> MatrixFunctions.vander(tensor(a[0]), optLong(a[1])));
        r.register("aten::linalg_cross", a -> MatrixFunctions.cross(tensor(a[0]), tensor(a[1]), toLong(a[2])));
        r.register("aten::cross", a -> MatrixFunctions.cross(tensor(a[0]), tensor(a[1]), a[2] == null
                ? MatrixFunctions.defaultCrossDim(tensor(a[0])) : toLong(a[2])));
        r.register("aten::linalg_diagonal", a -> tensor(a[0]).diagonal(toLong(a[1]), toLong(a[2]), toLong(a[3])));
        r.register("aten::linalg_vector_norm", a -> Norms.vectorNorm(tensor(a[0]), Args.scalar(a[1]).toDouble(),
                optLongs(a[2]), toBool(a[3]), optDtype(a[4])));
        r.register("aten::linalg_norm", a -> Norms.norm(tensor(a[0]), a[1], optLongs(a[2]), toBool(a[3]),
                optDtype(a[4])));
        r.register("aten::linalg_norm.ord_str", a -> Norms.norm(tensor(a[0]), str(a[1]), optLongs(a[2]),
                toBool(a[3]), optDtype(a[4])));
        r.register("aten::linalg_matrix_norm", a -> Norms.matrixNorm(tensor(a[0]), a[1], longs(a[2]),
                toBool(a[3]), optDtype(a[4])));
        r.register("aten::linalg_matrix_norm.str_ord", a -> Norms.matrixNorm(tensor(a[0]), str(a[1]),
                longs(a[2]), toBool(a[3]), optDtype(a[4])));
    }

    private static Double optDouble(Object v) {
        return v == null ? null : toDouble(v);
    }

    private static Tensor zeroTol() {
        return MatrixFunctions.tolerance(0);
    }

    /** The {@code rcond} forms: {@code rtol = rcond}, {@code atol = 0}. */
    private static Tensor pinvRcond(Tensor a, double rcond, boolean hermitian) {
        return MatrixFunctions.pinv(a, zeroTol(), MatrixFunctions.tolerance(rcond), hermitian);
    }
}
