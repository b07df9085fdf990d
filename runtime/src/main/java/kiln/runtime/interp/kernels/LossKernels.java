package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.optTensor;
import static kiln.runtime.interp.kernels.Args.scalar;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toDouble;
import static kiln.runtime.interp.kernels.Args.toLong;

import kiln.runtime.tensor.ClassLosses;
import kiln.runtime.tensor.Losses;

/**
 * Kernels of the loss functions ({@code aten::*_loss}) and {@code cosine_similarity}; the distances are
 * {@link StatisticsKernels}'.
 */
final class LossKernels {
    private LossKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::mse_loss", a -> Losses.mse(tensor(a[0]), tensor(a[1]), toLong(a[2])));
        r.register("aten::l1_loss", a -> Losses.l1(tensor(a[0]), tensor(a[1]), toLong(a[2])));
        r.register("aten::smooth_l1_loss", a -> Losses.smoothL1(tensor(a[0]), tensor(a[1]), toLong(a[2]),
                toDouble(a[3])));
        r.register("aten::huber_loss", a -> Losses.huber(tensor(a[0]), tensor(a[1]), toLong(a[2]), toDouble(a[3])));
        r.register("aten::kl_div", a -> Losses.klDiv(tensor(a[0]), tensor(a[1]), toLong(a[2]), toBool(a[3])));
        r.register("aten::binary_cross_entropy", a -> Losses.binaryCrossEntropy(tensor(a[0]), tensor(a[1]),
                optTensor(a[2]), toLong(a[3])));
        r.register("aten::binary_cross_entropy_with_logits", a -> Losses.binaryCrossEntropyWithLogits(tensor(a[0]),
                tensor(a[1]), optTensor(a[2]), optTensor(a[3]), toLong(a[4])));
        r.register("aten::soft_margin_loss", a -> Losses.softMargin(tensor(a[0]), tensor(a[1]), toLong(a[2])));
        r.register("aten::poisson_nll_loss", a -> Losses.poissonNll(tensor(a[0]), tensor(a[1]), toBool(a[2]),
                toBool(a[3]), toDouble(a[4]), toLong(a[5])));
        r.register("aten::hinge_embedding_loss", a -> Losses.hingeEmbedding(tensor(a[0]), tensor(a[1]),
                toDouble(a[2]), toLong(a[3])));
        r.register("aten::margin_ranking_loss", a -> Losses.marginRanking(tensor(a[0]), tensor(a[1]), tensor(a[2]),
                toDouble(a[3]), toLong(a[4])));
        r.register("aten::cosine_embedding_loss", a -> Losses.cosineEmbedding(tensor(a[0]), tensor(a[1]),
                tensor(a[2]), toDouble(a[3]), toLong(a[4])));
        r.register("aten::triplet_margin_loss", a -> Losses.tripletMargin(tensor(a[0]), tensor(a[1]), tensor(a[2]),
                toDouble(a[3]), toDouble(a[4]), toDouble(a[5]), toBool(a[6]), toLong(a[7])));
        r.register("aten::cosine_similarity", a -> Losses.cosineSimilarity(tensor(a[0]), tensor(a[1]), toLong(a[2]),
                toDouble(a[3])));
        for (String name : new String[] {"aten::nll_loss", "aten::nll_loss_nd", "aten::nll_loss2d"}) {
            r.register(name, a -> ClassLosses.nll(tensor(a[0]), tensor(a[1]), optTensor(a[2]), toLong(a[3]),
                    toLong(a[4])));
        }
        r.register("aten::cross_entropy_loss", a -> ClassLosses.crossEntropy(tensor(a[0]), tensor(a[1]),
                optTensor(a[2]), toLong(a[3]), toLong(a[4]), toDouble(a[5])));
        r.register("aten::multi_margin_loss", a -> ClassLosses.multiMargin(tensor(a[0]), tensor(a[1]),
                scalar(a[2]), scalar(a[3]), optTensor(a[4]), toLong(a[5])));
        r.register("aten::multilabel_margin_loss", a -> ClassLosses.multilabelMargin(tensor(a[0]), tensor(a[1]),
                toLong(a[2])));
    }
}
