package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.optTensor;
import static kiln.runtime.interp.kernels.Args.scalar;
import static kiln.runtime.interp.kernels.Args.tensor;

import kiln.runtime.tensor.LinearAlgebra;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Tensor;

/** Kernels of the matrix products. */
final class LinalgKernels {
    private LinalgKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::matmul", a -> LinearAlgebra.matmul(tensor(a[0]), tensor(a[1])));
        r.register("aten::mm", a -> LinearAlgebra.mm(tensor(a[0]), tensor(a[1])));
        r.register("aten::bmm", a -> LinearAlgebra.bmm(tensor(a[0]), tensor(a[1])));
        r.register("aten::mv", a -> LinearAlgebra.mv(tensor(a[0]), tensor(a[1])));
        r.register("aten::dot", a -> LinearAlgebra.dot(tensor(a[0]), tensor(a[1])));
        r.register("aten::inner", a -> {
            Tensor x = tensor(a[0]);
            Tensor y = tensor(a[1]);
            return x.dim() == 0 || y.dim() == 0 ? Ops.mul(x, y) : LinearAlgebra.matmul(x, y.dim() == 1 ? y
                    : y.movedim(-1, -2));
        });
        r.register("aten::outer", a -> LinearAlgebra.mm(tensor(a[0]).unsqueeze(1), tensor(a[1]).unsqueeze(0)));
        r.register("aten::linear", a -> LinearAlgebra.linear(tensor(a[0]), tensor(a[1]), optTensor(a[2])));
        r.register("aten::addmm", a -> LinearAlgebra.addmm(tensor(a[0]), tensor(a[1]), tensor(a[2]), scalar(a[3]),
                scalar(a[4])));
    }
}
