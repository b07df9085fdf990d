package kiln.runtime.tensor.linalg;

import java.util.Arrays;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.BinaryOp;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Pointwise;
import kiln.runtime.tensor.Reductions;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.TorchException;

/** The vector and matrix norms of {@code torch.linalg}: {@code vector_norm}, {@code matrix_norm}, {@code norm}. */
public final class Norms {
    private Norms() {
    }

    /** {@code linalg.vector_norm}: {@code sum(|x|^ord)^(1/ord)}, the max or min of {@code |x|} for infinite ord. */
    public static Tensor vectorNorm(Tensor x, double ord, long[] dims, boolean keepdim, ScalarType dtype) {
        Tensor in = dtype == null ? x : x.to(dtype);
        MatrixBatch.checkFloating(in, "linalg.vector_norm");
        Tensor abs = Ops.abs(in);
        if (Double.isInfinite(ord)) {
            return Reductions.extreme(abs, dims, keepdim, ord > 0);
        }
        if (ord == 0) {
            return Reductions.sum(Pointwise.binary(BinaryOp.NE, abs, Scalar.of(0L)).to(in.dtype()), dims, keepdim,
                    null);
        }
        Tensor powered = ord == 1 ? abs : Pointwise.binary(BinaryOp.POW, abs, Scalar.of(ord));
        Tensor sum = Reductions.sum(powered, dims, keepdim, null);
        return ord == 1 ? sum : Pointwise.binary(BinaryOp.POW, sum, Scalar.of(1 / ord));
    }

    /**
     * {@code linalg.matrix_norm} over the two {@code dims}: {@code ord} is {@code "fro"}, {@code "nuc"} or a
     * number ({@code ±1}, {@code ±2}, {@code ±inf}).
     */
    public static Tensor matrixNorm(Tensor a, Object ord, long[] dims, boolean keepdim, ScalarType dtype) {
        Tensor in = dtype == null ? a : a.to(dtype);
        MatrixBatch.checkFloating(in, "linalg.matrix_norm");
        if (in.dim() < 2) {
            throw TorchException.runtime("linalg.matrix_norm: The input tensor A must have at least 2 "
                + "dimensions.");
        }
        if (dims.length != 2) {
            throw TorchException.runtime("linalg.matrix_norm: dim must be a 2-tuple. Got " + dims.length);
        }
        long d0 = dims[0] < 0 ? dims[0] + in.dim() : dims[0];
        long d1 = dims[1] < 0 ? dims[1] + in.dim() : dims[1];
        if (d0 == d1) {
            throw TorchException.runtime("linalg.matrix_norm: dims must be different. Got (" + dims[0] + ", "
                + dims[1] + ")");
        }
        if ("fro".equals(ord)) {
            return vectorNorm(in, 2, new long[] {d0, d1}, keepdim, null);
        }
        if ("nuc".equals(ord) || ord instanceof Number n && Math.abs(n.doubleValue()) == 2) {
            Tensor moved = in.movedim(new long[] {d0, d1}, new long[] {in.dim() - 2, in.dim() - 1});
            MatrixBatch m = MatrixBatch.of(moved.contiguous(), "linalg.matrix_norm");
            double[][] s = Decompositions.singularValues(m);
            double[][] out = new double[m.size()][1];
            for (int b = 0; b < m.size(); b++) {
                double[] v = s[b];
                out[b][0] = "nuc".equals(ord) ? Arrays.stream(v).sum() : ((Number) ord).doubleValue() > 0
                        ? v[0] : v[v.length - 1];
            }
            Tensor r = MatrixBatch.assemble(m.batch(), new long[0], out, in.dtype());
            return keepdim ? r.unsqueeze(Math.min(d0, d1)).unsqueeze(Math.max(d0, d1)) : r;
        }
        if (!(ord instanceof Number)) {
            throw TorchException.runtime("linalg.matrix_norm: Order " + ord + " not supported.");
        }
        double p = ((Number) ord).doubleValue();
        if (!(Math.abs(p) == 1 || Double.isInfinite(p))) {
            throw TorchException.runtime("linalg.matrix_norm: Order " + ord
                + " not supported.");
        }
        long sumDim = Double.isInfinite(p) ? d1 : d0;
        long maxDim = Double.isInfinite(p) ? d0 : d1;
        Tensor sums = Reductions.sum(Ops.abs(in), new long[] {sumDim}, true, null);
        Tensor r = Reductions.extreme(sums, new long[] {maxDim}, true, p > 0);
        return keepdim ? r : r.squeezeDims(Math.max(d0, d1)).squeezeDims(Math.min(d0, d1));
    }

    /** {@code linalg.norm}: a vector norm over one dim (or all, flattened), a matrix norm over two. */
    public static Tensor norm(Tensor a, Object ord, long[] dims, boolean keepdim, ScalarType dtype) {
        if (dims != null) {
            if (!(dims.length == 1 || dims.length == 2)) {
                throw TorchException.runtime("linalg.norm: If dim is specified, it "
                    + "must be of length 1 or 2. Got " + Arrays.toString(dims));
            }
        } else if (ord != null) {
            if (!(a.dim() == 1 || a.dim() == 2)) {
                throw TorchException.runtime("linalg.norm: If dim is not specified but ord is, "
                    + "the input must be 1D or 2D. Got " + a.dim() + "D.");
            }
        }
        boolean matrix = dims != null ? dims.length == 2 : ord != null && a.dim() == 2;
        if (matrix) {
            return matrixNorm(a, ord == null ? "fro" : ord, dims == null ? new long[] {0, 1} : dims, keepdim,
                    dtype);
        }
        if (ord instanceof String) {
            throw TorchException.runtime("linalg.norm: Order " + ord + " not supported for vectors");
        }
        double p = ord == null ? 2 : ((Number) ord).doubleValue();
        return vectorNorm(a, p, dims, keepdim, dtype);
    }
}
