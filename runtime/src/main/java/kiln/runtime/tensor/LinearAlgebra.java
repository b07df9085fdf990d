package kiln.runtime.tensor;

import java.lang.ref.Reference;
import java.util.Arrays;

import kiln.dialects.torch.types.ScalarType;

/**
 * Matrix products: {@code matmul} (with its 1-d and batched broadcasting rules), {@code mm}, {@code mv},
 * {@code bmm}, {@code dot}, {@code linear} and {@code addmm}. Sums are accumulated in double (int64 for integer
 * dtypes) and rounded once, so float results are at least as accurate as ATen's BLAS, though not always
 * bit-identical.
 */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    private static void sameDtype(Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime("expected m1 and m2 to have the same dtype, but got: "
                + a.dtype().pythonName().substring(6) + " != " + b.dtype().pythonName().substring(6));
        }
    }

    /** {@code torch.matmul}. */
    public static Tensor matmul(Tensor a, Tensor b) {
        if (!(a.dim() > 0 && b.dim() > 0)) {
            throw TorchException.runtime("both arguments to matmul need to be at least 1D, but they "
                + "are " + a.dim() + "D and " + b.dim() + "D");
        }
        if (a.dim() == 1 && b.dim() == 1) {
            return dot(a, b);
        }
        Tensor a2 = a.dim() == 1 ? Views.unsqueeze(a, 0) : a;
        Tensor b2 = b.dim() == 1 ? Views.unsqueeze(b, 1) : b;
        Tensor out = batched(a2, b2);
        if (a.dim() == 1) {
            out = Views.squeeze(out, new long[] {-2});
        }
        if (b.dim() == 1) {
            out = Views.squeeze(out, new long[] {-1});
        }
        return out;
    }

    /** {@code torch.mm}: 2-d by 2-d. */
    public static Tensor mm(Tensor a, Tensor b) {
        TorchException.check(a.dim() == 2, "self must be a matrix");
        TorchException.check(b.dim() == 2, "mat2 must be a matrix");
        return batched(a, b);
    }

    /**
     * {@code torch.mm} of a constant {@code weight} (a convolution's kernels) by {@code x}: the product may keep
     * the weight packed ({@link PackedOperands}), as it does the right operand of every product.
     */
    static Tensor weightProduct(Tensor weight, Tensor x) {
        TorchException.check(weight.dim() == 2 && x.dim() == 2, "weightProduct takes two matrices");
        return batched(weight, x, true);
    }

    /** {@code torch.bmm}: 3-d by 3-d with equal batch sizes. */
    public static Tensor bmm(Tensor a, Tensor b) {
        TorchException.check(a.dim() == 3, "batch1 must be a 3D tensor");
        TorchException.check(b.dim() == 3, "batch2 must be a 3D tensor");
        if (a.size(0) != b.size(0)) {
            throw TorchException.runtime("batch1 and batch2 must have same number of batches, got "
                + a.size(0) + " and " + b.size(0));
        }
        return batched(a, b);
    }

    /** {@code torch.mv}: matrix by vector. */
    public static Tensor mv(Tensor a, Tensor v) {
        if (!(a.dim() == 2 && v.dim() == 1)) {
            throw TorchException.runtime("vector + matrix @ vector expected, got 1, " + a.dim()
                + ", " + v.dim());
        }
        if (a.size(1) != v.size(0)) {
            throw TorchException.runtime("size mismatch, got input (" + a.size(0) + "), mat ("
                + a.size(0) + "x" + a.size(1) + "), vec (" + v.size(0) + ")");
        }
        return Views.squeeze(batched(a, Views.unsqueeze(v, 1)), new long[] {-1});
    }

    /** {@code torch.dot}: 1-d by 1-d, a 0-dim result. */
    public static Tensor dot(Tensor a, Tensor b) {
        if (!(a.dim() == 1 && b.dim() == 1)) {
            throw TorchException.runtime("1D tensors expected, but got " + a.dim() + "D and "
                + b.dim() + "D tensors");
        }
        if (a.size(0) != b.size(0)) {
            throw TorchException.runtime("inconsistent tensor size, expected tensor [" + a.size(0)
                + "] and src [" + b.size(0) + "] to have the same number of elements, but got " + a.size(0)
                + " and " + b.size(0) + " elements respectively");
        }
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime("dot : expected both vectors to have same dtype, but found "
                + a.dtype() + " and " + b.dtype());
        }
        return Views.view(batched(Views.unsqueeze(a, 0), Views.unsqueeze(b, 1)), new long[0]);
    }

    /** {@code F.linear}: {@code input @ weight.T + bias}. */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        Tensor out = matmul(input, weight.dim() == 2 ? Views.t(weight) : weight);
        // ATen adds the bias into the fresh product in place (addmm with beta 1 for 2-d inputs): no second buffer,
        // and a bias that does not broadcast to the output's shape is an error, as there
        return bias == null ? out : Ops.add_(out, bias, Scalar.of(1L));
    }

    /** {@code torch.addmm(self, m1, m2, beta, alpha)}: {@code beta * self + alpha * (m1 @ m2)}. */
    public static Tensor addmm(Tensor self, Tensor m1, Tensor m2, Scalar beta, Scalar alpha) {
        Tensor prod = mm(m1, m2);
        if (alpha.toDouble() != 1) {
            prod = Ops.mul(prod, alpha);
        }
        if (beta.toDouble() == 0) {
            return Views.expand(prod, prod.sizesRaw()).contiguous();
        }
        Tensor base = beta.toDouble() == 1 ? self : Ops.mul(self, beta);
        return Ops.add(base, prod, Scalar.of(1L));
    }

    /** {@code a @ b} for a, b of at least 2 dims, batch dims broadcast. */
    private static Tensor batched(Tensor a, Tensor b) {
        return batched(a, b, false);
    }

    /**
     * {@code a @ b} for a, b of at least 2 dims, batch dims broadcast; {@code aConstant}: {@code a} is a weight,
     * which the product may keep packed.
     */
    private static Tensor batched(Tensor a, Tensor b, boolean aConstant) {
        sameDtype(a, b);
        long n = a.size(-2);
        long k = a.size(-1);
        long k2 = b.size(-2);
        long m = b.size(-1);
        if (k != k2) {
            throw TorchException.runtime("mat1 and mat2 shapes cannot be multiplied (" + n + "x" + k + " and " + k2
                + "x" + m + ")");
        }
        long[] batchA = Arrays.copyOf(a.sizesRaw(), a.dim() - 2);
        long[] batchB = Arrays.copyOf(b.sizesRaw(), b.dim() - 2);
        long[] batch = Shapes.broadcast(batchA, batchB);
        long[] shapeA = concat(batch, n, k);
        long[] shapeB = concat(batch, k, m);
        Tensor ea = Views.expand(a, shapeA);
        Tensor eb = Views.expand(b, shapeB);
        int batches = Math.toIntExact(Shapes.numel(batch));
        int rows = Math.toIntExact(n);
        int inner = Math.toIntExact(k);
        int cols = Math.toIntExact(m);
        long[] outShape = concat(batch, n, m);
        ScalarType dtype = a.dtype();
        if (dtype.isIntegral(true)) {
            long[] x = ea.toLongArray();
            long[] y = eb.toLongArray();
            long[] out = new long[batches * rows * cols];
            for (int bt = 0; bt < batches; bt++) {
                int xa = bt * rows * inner;
                int yb = bt * inner * cols;
                int ob = bt * rows * cols;
                for (int i = 0; i < rows; i++) {
                    for (int p = 0; p < inner; p++) {
                        long v = x[xa + i * inner + p];
                        for (int j = 0; j < cols; j++) {
                            out[ob + i * cols + j] += v * y[yb + p * cols + j];
                        }
                    }
                }
            }
            return Reductions.result(out, outShape, dtype);
        }
        if (!dtype.isFloatingPoint()) {
            throw TorchException.runtime("\"addmm_impl_cpu_\" not implemented for '" + dtype + "'");
        }
        if (dtype != ScalarType.Double) {
            return floatProduct(ea, eb, batch, outShape, aConstant).to(dtype);
        }
        double[] x = ea.toDoubleArray();
        double[] y = eb.toDoubleArray();
        double[] out = new double[batches * rows * cols];
        for (int bt = 0; bt < batches; bt++) {
            int xa = bt * rows * inner;
            int yb = bt * inner * cols;
            int ob = bt * rows * cols;
            for (int i = 0; i < rows; i++) {
                for (int p = 0; p < inner; p++) {
                    double v = x[xa + i * inner + p];
                    int yr = yb + p * cols;
                    int orow = ob + i * cols;
                    for (int j = 0; j < cols; j++) {
                        out[orow + j] += v * y[yr + j];
                    }
                }
            }
        }
        return Reductions.result(out, outShape, dtype);
    }

    /**
     * The float32 product of {@code a [batch..., n, k]} and {@code b [batch..., k, m]} (same batch dims,
     * possibly broadcast with stride 0) by {@link Gemm}, reading both through their strides; half and bfloat16
     * operands are widened first, as ATen computes them in float. {@code b}, and {@code a} where it is a
     * constant, may be kept packed.
     */
    private static Tensor floatProduct(Tensor a, Tensor b, long[] batch, long[] outShape, boolean aConstant) {
        Tensor x = a.dtype() == ScalarType.Float ? a : a.to(ScalarType.Float);
        Tensor y = b.dtype() == ScalarType.Float ? b : b.to(ScalarType.Float);
        Tensor out = Tensor.empty(ScalarType.Float, outShape);
        int d = batch.length;
        Gemm.Matrix ym = matrix(y, d, y.storage());
        long[] yOffs = batchOffsets(y, d);
        Gemm.multiply(Math.toIntExact(Shapes.numel(batch)), Math.toIntExact(x.size(-2)),
                Math.toIntExact(y.size(-1)), Math.toIntExact(x.size(-1)), matrix(x, d, aConstant ? x.storage() : null),
                batchOffsets(x, d),
                t -> ym.moved(yOffs[t]).columns(), out.segment());
        // The products read the operands' segments only: keep their pooled storages from being reclaimed.
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(y);
        return out;
    }

    /**
     * The last two dims of {@code t} as a matrix at its storage offset; with {@code storage} (t's, else null) the
     * product may keep it packed.
     */
    private static Gemm.Matrix matrix(Tensor t, int batchDims, Storage storage) {
        return new Gemm.Matrix(t.segment(), storage, t.storageOffset(), t.stridesRaw()[batchDims],
                t.stridesRaw()[batchDims + 1]);
    }

    /** The element offset of each matrix of {@code t}'s leading {@code batchDims} dims, in row-major order. */
    private static long[] batchOffsets(Tensor t, int batchDims) {
        long[] sizes = t.sizesRaw();
        long[] strides = t.stridesRaw();
        long[] offs = new long[Math.toIntExact(Shapes.numel(Arrays.copyOf(sizes, batchDims)))];
        long[] index = new long[batchDims];
        long off = 0;
        for (int i = 0; i < offs.length; i++) {
            offs[i] = off;
            for (int dim = batchDims - 1; dim >= 0; dim--) {
                if (++index[dim] < sizes[dim]) {
                    off += strides[dim];
                    break;
                }
                off -= (index[dim] - 1) * strides[dim];
                index[dim] = 0;
            }
        }
        return offs;
    }

    private static long[] concat(long[] batch, long r, long c) {
        long[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = r;
        out[batch.length + 1] = c;
        return out;
    }
}
