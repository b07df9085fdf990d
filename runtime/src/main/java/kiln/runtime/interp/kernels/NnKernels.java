package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.longs;
import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.optTensor;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toDouble;
import static kiln.runtime.interp.kernels.Args.toLong;

import java.util.List;
import kiln.runtime.tensor.Convolution;
import kiln.runtime.tensor.Im2Col;
import kiln.runtime.tensor.Indexing;
import kiln.runtime.tensor.LinearAlgebra;
import kiln.runtime.tensor.Normalization;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Pointwise;
import kiln.runtime.tensor.Pooling;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.UnaryOp;

/** Kernels of the neural-network operators: convolution, pooling, normalization, embedding, RNN cells. */
final class NnKernels {
    private NnKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::conv2d", a -> Convolution.conv2d(tensor(a[0]), tensor(a[1]), optTensor(a[2]), longs(a[3]),
                longs(a[4]), longs(a[5]), toLong(a[6])));
        r.register("aten::conv1d", a -> Convolution.conv1d(tensor(a[0]), tensor(a[1]), optTensor(a[2]), longs(a[3]),
                longs(a[4]), longs(a[5]), toLong(a[6])));
        r.register("aten::conv3d", a -> Convolution.conv3d(tensor(a[0]), tensor(a[1]), optTensor(a[2]), longs(a[3]),
                longs(a[4]), longs(a[5]), toLong(a[6])));
        registerTransposed(r, "aten::conv_transpose1d", 1);
        registerTransposed(r, "aten::conv_transpose2d.input", 2);
        registerTransposed(r, "aten::conv_transpose3d.input", 3);
        r.register("aten::im2col", a -> Im2Col.unfold(tensor(a[0]), longs(a[1]), longs(a[2]), longs(a[3]),
                longs(a[4])));
        r.register("aten::col2im", a -> Im2Col.fold(tensor(a[0]), longs(a[1]), longs(a[2]), longs(a[3]),
                longs(a[4]), longs(a[5])));
        r.register("aten::max_pool2d", a -> Pooling.maxPool2d(tensor(a[0]), longs(a[1]), longs(a[2]), longs(a[3]),
                longs(a[4]), toBool(a[5])));
        r.register("aten::avg_pool2d", a -> Pooling.avgPool2d(tensor(a[0]), longs(a[1]), longs(a[2]), longs(a[3]),
                toBool(a[4]), toBool(a[5]), optLong(a[6])));
        r.register("aten::adaptive_avg_pool2d", a -> Pooling.adaptiveAvgPool2d(tensor(a[0]), longs(a[1])));
        r.register("aten::batch_norm", a -> Normalization.batchNorm(tensor(a[0]), optTensor(a[1]), optTensor(a[2]),
                optTensor(a[3]), optTensor(a[4]), toBool(a[5]), toDouble(a[6]), toDouble(a[7])));
        r.register("aten::layer_norm", a -> Normalization.layerNorm(tensor(a[0]), longs(a[1]), optTensor(a[2]),
                optTensor(a[3]), toDouble(a[4])));
        r.register("aten::embedding", a -> Indexing.embedding(tensor(a[0]), tensor(a[1])));
        r.register("aten::index_select", a -> Indexing.indexSelect(tensor(a[0]), toLong(a[1]), tensor(a[2])));
        r.register("aten::tril", a -> Indexing.triangle(tensor(a[0]), toLong(a[1]), true));
        r.register("aten::triu", a -> Indexing.triangle(tensor(a[0]), toLong(a[1]), false));
        r.register("aten::topk", a -> {
            Tensor[] r2 = Indexing.topk(tensor(a[0]), toLong(a[1]), toLong(a[2]), toBool(a[3]));
            return new Object[] {r2[0], r2[1]};
        });
        r.register("aten::gru_cell", a -> gruCell(tensor(a[0]), tensor(a[1]), tensor(a[2]), tensor(a[3]),
                optTensor(a[4]), optTensor(a[5])));
    }

    private static void registerTransposed(KernelRegistry r, String name, int spatial) {
        r.register(name, a -> Convolution.convTranspose(tensor(a[0]), tensor(a[1]), optTensor(a[2]), longs(a[3]),
                longs(a[4]), longs(a[5]), toLong(a[6]), longs(a[7]), spatial));
    }

    /** {@code torch.gru_cell}: {@code h' = n + z * (h - n)} with PyTorch's gate order r, z, n. */
    private static Tensor gruCell(Tensor input, Tensor hx, Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh) {
        List<Tensor> gi = LinearAlgebra.linear(input, wIh, bIh).chunk(3, 1);
        List<Tensor> gh = LinearAlgebra.linear(hx, wHh, bHh).chunk(3, 1);
        Scalar one = Scalar.of(1L);
        Tensor reset = Pointwise.unary(UnaryOp.SIGMOID, Ops.add(gi.get(0), gh.get(0), one));
        Tensor update = Pointwise.unary(UnaryOp.SIGMOID, Ops.add(gi.get(1), gh.get(1), one));
        Tensor candidate = Pointwise.unary(UnaryOp.TANH, Ops.add(gi.get(2), Ops.mul(reset, gh.get(2)), one));
        return Ops.add(candidate, Ops.mul(update, Ops.sub(hx, candidate, one)), one);
    }
}
