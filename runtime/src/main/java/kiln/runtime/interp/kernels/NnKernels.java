package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.longs;
import static kiln.runtime.interp.kernels.Args.optDoubles;
import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.optLongs;
import static kiln.runtime.interp.kernels.Args.optTensor;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toDouble;
import static kiln.runtime.interp.kernels.Args.toLong;

import java.util.List;
import kiln.runtime.tensor.Convolution;
import kiln.runtime.tensor.GridSampling;
import kiln.runtime.tensor.Im2Col;
import kiln.runtime.tensor.Indexing;
import kiln.runtime.tensor.Interpolation;
import kiln.runtime.tensor.LinearAlgebra;
import kiln.runtime.tensor.Normalization;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Padding;
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
        registerPooling(r);
        registerInterpolation(r);
        r.register("aten::pad", a -> Padding.pad(tensor(a[0]), longs(a[1]), Args.str(a[2]),
                a[3] == null ? null : toDouble(a[3])));
        r.register("aten::batch_norm", a -> Normalization.batchNorm(tensor(a[0]), optTensor(a[1]), optTensor(a[2]),
                optTensor(a[3]), optTensor(a[4]), toBool(a[5]), toDouble(a[6]), toDouble(a[7])));
        for (String k : new String[] {"1d", "2d", "3d"}) {
            r.register("aten::reflection_pad" + k, a -> Padding.pad(tensor(a[0]), longs(a[1]), "reflect", null));
            r.register("aten::replication_pad" + k, a -> Padding.pad(tensor(a[0]), longs(a[1]), "replicate", null));
        }
        r.register("aten::_pad_circular", a -> Padding.pad(tensor(a[0]), longs(a[1]), "circular", null));
        r.register("aten::instance_norm", a -> Normalization.instanceNorm(tensor(a[0]), optTensor(a[1]),
                optTensor(a[2]), optTensor(a[3]), optTensor(a[4]), toBool(a[5]), toDouble(a[6]), toDouble(a[7])));
        r.register("aten::native_batch_norm", a -> (Object[]) Normalization.batchNormWithStatistics(tensor(a[0]),
                optTensor(a[1]), optTensor(a[2]), optTensor(a[3]), optTensor(a[4]), toBool(a[5]), toDouble(a[6]),
                toDouble(a[7])));
        r.register("aten::group_norm", a -> Normalization.groupNorm(tensor(a[0]), toLong(a[1]), optTensor(a[2]),
                optTensor(a[3]), toDouble(a[4])));
        r.register("aten::rms_norm", a -> Normalization.rmsNorm(tensor(a[0]), longs(a[1]), optTensor(a[2]),
                a[3] == null ? null : toDouble(a[3])));
        r.register("aten::layer_norm", a -> Normalization.layerNorm(tensor(a[0]), longs(a[1]), optTensor(a[2]),
                optTensor(a[3]), toDouble(a[4])));
        r.register("aten::embedding", a -> Indexing.embedding(tensor(a[0]), tensor(a[1])));
        r.register("aten::embedding_bag", a -> (Object[]) Indexing.embeddingBag(tensor(a[0]), tensor(a[1]),
                tensor(a[2]), toLong(a[4]), optTensor(a[6]), toBool(a[7]), null));
        r.register("aten::embedding_bag.padding_idx", a -> (Object[]) Indexing.embeddingBag(tensor(a[0]),
                tensor(a[1]), tensor(a[2]), toLong(a[4]), optTensor(a[6]), toBool(a[7]), optLong(a[8])));
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

    private static void registerPooling(KernelRegistry r) {
        for (int rank = 1; rank <= 3; rank++) {
            int k = rank;
            r.register("aten::max_pool" + k + "d", a -> Pooling.maxPool(tensor(a[0]), k, longs(a[1]), longs(a[2]),
                    longs(a[3]), longs(a[4]), toBool(a[5]))[0]);
            r.register("aten::max_pool" + k + "d_with_indices", a -> (Object[]) Pooling.maxPool(tensor(a[0]), k,
                    longs(a[1]), longs(a[2]), longs(a[3]), longs(a[4]), toBool(a[5])));
            r.register("aten::adaptive_avg_pool" + k + "d", a -> Pooling.adaptiveAvgPool(tensor(a[0]), sizes(a[1], k)));
            r.register("aten::adaptive_max_pool" + k + "d", a -> (Object[]) Pooling.adaptiveMaxPool(tensor(a[0]),
                    sizes(a[1], k)));
            if (k > 1) {
                r.register("aten::_adaptive_avg_pool" + k + "d", a -> Pooling.adaptiveAvgPool(tensor(a[0]),
                        sizes(a[1], k)));
                r.register("aten::avg_pool" + k + "d", a -> Pooling.avgPool(tensor(a[0]), k, longs(a[1]), longs(a[2]),
                        longs(a[3]), toBool(a[4]), toBool(a[5]), optLong(a[6])));
                r.register("aten::max_unpool" + k + "d", a -> Pooling.maxUnpool(tensor(a[0]), tensor(a[1]),
                        sizes(a[2], k)));
            }
        }
        r.register("aten::avg_pool1d", a -> Pooling.avgPool(tensor(a[0]), 1, longs(a[1]), longs(a[2]), longs(a[3]),
                toBool(a[4]), toBool(a[5]), null));
    }

    private static void registerInterpolation(KernelRegistry r) {
        for (String k : new String[] {"1d", "2d", "3d"}) {
            upsample(r, "aten::upsample_nearest" + k, Interpolation.Mode.NEAREST, false);
            upsample(r, "aten::_upsample_nearest_exact" + k, Interpolation.Mode.NEAREST_EXACT, false);
        }
        upsample(r, "aten::upsample_linear1d", Interpolation.Mode.LINEAR, true);
        upsample(r, "aten::upsample_bilinear2d", Interpolation.Mode.LINEAR, true);
        upsample(r, "aten::upsample_trilinear3d", Interpolation.Mode.LINEAR, true);
        upsample(r, "aten::upsample_bicubic2d", Interpolation.Mode.CUBIC, true);
        for (String name : new String[] {"aten::grid_sampler", "aten::grid_sampler_2d", "aten::grid_sampler_3d"}) {
            r.register(name, a -> GridSampling.gridSample(tensor(a[0]), tensor(a[1]), toLong(a[2]), toLong(a[3]),
                    toBool(a[4])));
        }
        r.register("aten::affine_grid_generator", a -> GridSampling.affineGrid(tensor(a[0]), longs(a[1]),
                toBool(a[2])));
    }

    /**
     * Both overloads of an {@code upsample_*} operator: {@code .vec (input, output_size?, [align_corners,]
     * scale_factors?)} and the default {@code (self, output_size, [align_corners,] scales...)}.
     */
    private static void upsample(KernelRegistry r, String name, Interpolation.Mode mode, boolean aligns) {
        int first = aligns ? 3 : 2;
        r.register(name + ".vec", a -> Interpolation.upsample(tensor(a[0]), mode, optLongs(a[1]),
                optDoubles(a[aligns ? 3 : 2]), aligns && toBool(a[2])));
        r.register(name, a -> {
            Double[] scales = new Double[a.length - first];
            for (int i = 0; i < scales.length; i++) {
                scales[i] = a[first + i] == null ? null : toDouble(a[first + i]);
            }
            return Interpolation.resize(tensor(a[0]), mode, longs(a[1]), scales, aligns && toBool(a[2]));
        });
    }

    /** An {@code int[k]} argument: a single int stands for all {@code k}. */
    private static long[] sizes(Object v, int k) {
        long[] s = longs(v);
        if (s.length == 1 && k > 1) {
            long[] all = new long[k];
            java.util.Arrays.fill(all, s[0]);
            return all;
        }
        return s;
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
