package kiln.runtime.tensor;

import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.linalg.Norms;

/**
 * The loss functions as ATen defines them ({@code aten/src/ATen/native/Loss*.cpp}): elementwise losses composed
 * from tensor operators (so dtypes promote as in ATen), and the class-indexed ones ({@code nll_loss},
 * {@code multi_margin_loss}, {@code multilabel_margin_loss}) over rows. Every loss ends in {@link #reduce}.
 */
public final class Losses {
    private static final Scalar ONE = Scalar.of(1L);
    private static final Scalar ZERO = Scalar.of(0L);

    private Losses() {
    }

    /** ATen's {@code Reduction}: 0 none, 1 mean, 2 sum. */
    public static Tensor reduce(Tensor loss, long reduction) {
        return switch ((int) reduction) {
            case 0 -> loss;
            case 1 -> Reductions.mean(loss, null, false, null);
            case 2 -> Reductions.sum(loss, null, false, null);
            default -> throw TorchException.runtime(reduction + " is not a valid value for reduction");
        };
    }

    private static Tensor weighted(Tensor loss, Tensor weight) {
        return weight == null ? loss : Ops.mul(loss, weight);
    }

    private static Tensor unary(UnaryOp op, Tensor x) {
        return Pointwise.unary(op, x);
    }

    private static Tensor clampMin(Tensor x, double min) {
        return Pointwise.clamp(x, Scalar.of(min), null);
    }

    public static Tensor mse(Tensor input, Tensor target, long reduction) {
        Tensor d = Ops.sub(input, target, ONE);
        return reduce(Ops.mul(d, d), reduction);
    }

    public static Tensor l1(Tensor input, Tensor target, long reduction) {
        return reduce(Ops.abs(Ops.sub(input, target, ONE)), reduction);
    }

    /** {@code |d| < beta ? 0.5 d² / beta : |d| - beta / 2}; plain L1 when {@code beta} is 0. */
    public static Tensor smoothL1(Tensor input, Tensor target, long reduction, double beta) {
        TorchException.check(beta >= 0, "smooth_l1_loss does not support negative values for beta.");
        if (beta == 0) {
            return l1(input, target, reduction);
        }
        Tensor z = Ops.abs(Ops.sub(input, target, ONE));
        Tensor quadratic = Ops.div(Ops.mul(Ops.mul(z, z), Scalar.of(0.5)), Scalar.of(beta));
        Tensor linear = Ops.sub(z, Scalar.of(0.5 * beta), ONE);
        return reduce(Pointwise.where(Pointwise.binary(BinaryOp.LT, z, Scalar.of(beta)), quadratic, linear),
                reduction);
    }

    /** {@code |d| < delta ? 0.5 d² : delta (|d| - delta / 2)}. */
    public static Tensor huber(Tensor input, Tensor target, long reduction, double delta) {
        TorchException.check(delta > 0, "huber_loss does not support non-positive values for delta.");
        Tensor z = Ops.abs(Ops.sub(input, target, ONE));
        Tensor quadratic = Ops.mul(Ops.mul(z, z), Scalar.of(0.5));
        Tensor linear = Ops.mul(Ops.sub(z, Scalar.of(0.5 * delta), ONE), Scalar.of(delta));
        return reduce(Pointwise.where(Pointwise.binary(BinaryOp.LT, z, Scalar.of(delta)), quadratic, linear),
                reduction);
    }

    public static Tensor klDiv(Tensor input, Tensor target, long reduction, boolean logTarget) {
        if (logTarget) {
            return reduce(Ops.mul(Ops.exp(target), Ops.sub(target, input, ONE)), reduction);
        }
        Tensor pos = Ops.mul(target, Ops.sub(unary(UnaryOp.LOG, target), input, ONE));
        return reduce(Pointwise.where(Pointwise.binary(BinaryOp.GT, target, ZERO), pos, Tensor.zeros(pos.dtype(),
                pos.sizes())), reduction);
    }

    /** {@code -w (y log x + (1 - y) log(1 - x))} with each log clamped at -100. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, long reduction) {
        if (!input.dtype().isFloatingPoint()) {
            throw TorchException.runtime("\"binary_cross_entropy\" not implemented for '"
                + input.dtype() + "'");
        }
        double[] x = input.toDoubleArray();
        for (double v : x) {
            TorchException.check(v >= 0 && v <= 1, "all elements of input should be between 0 and 1");
        }
        Tensor logX = clampMin(unary(UnaryOp.LOG, input), -100);
        Tensor log1mX = clampMin(unary(UnaryOp.LOG, Pointwise.rsub(input, ONE, ONE)), -100);
        Tensor loss = Ops.sub(Ops.mul(Ops.sub(target, ONE, ONE), log1mX), Ops.mul(target, logX), ONE);
        return reduce(weighted(loss.to(input.dtype()), weight), reduction);
    }

    /** {@code (1 - y) x - log_sigmoid(x) * (1 + (pos_weight - 1) y)}, times the weight. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
            long reduction) {
        Tensor logSigmoid = unary(UnaryOp.LOGSIGMOID, input);
        if (posWeight != null) {
            logSigmoid = Ops.mul(logSigmoid, Ops.add(Ops.mul(Ops.sub(posWeight, ONE, ONE), target), ONE, ONE));
        }
        Tensor loss = Ops.sub(Ops.mul(Pointwise.rsub(target, ONE, ONE), input), logSigmoid, ONE);
        return reduce(weighted(loss, weight), reduction);
    }

    /** {@code log(1 + exp(-y x))}. */
    public static Tensor softMargin(Tensor input, Tensor target, long reduction) {
        return reduce(unary(UnaryOp.LOG1P, Ops.exp(Ops.mul(Ops.neg(input), target))), reduction);
    }

    /** {@code exp(x) - y x} (log input) or {@code x - y log(x + eps)}, plus Stirling's term when {@code full}. */
    public static Tensor poissonNll(Tensor input, Tensor target, boolean logInput, boolean full, double eps,
            long reduction) {
        Tensor loss = logInput ? Ops.sub(Ops.exp(input), Ops.mul(target, input), ONE)
                : Ops.sub(input, Ops.mul(target, unary(UnaryOp.LOG, Ops.add(input, Scalar.of(eps), ONE))), ONE);
        if (full) {
            Tensor stirling = Ops.add(Ops.sub(Ops.mul(target, unary(UnaryOp.LOG, target)), target, ONE),
                    Ops.mul(unary(UnaryOp.LOG, Ops.mul(target, Scalar.of(2 * Math.PI))), Scalar.of(0.5)), ONE);
            loss = Ops.add(loss, Pointwise.maskedFill(stirling, Pointwise.binary(BinaryOp.LE, target, ONE), ZERO),
                    ONE);
        }
        return reduce(loss, reduction);
    }

    public static Tensor hingeEmbedding(Tensor self, Tensor target, double margin, long reduction) {
        Tensor zeros = Tensor.zeros(self.dtype(), self.sizes());
        Tensor marginClamp = clampMin(Pointwise.rsub(self, Scalar.of(margin), ONE), 0);
        Tensor outMargin = Pointwise.where(Pointwise.binary(BinaryOp.NE, target, ONE), marginClamp, zeros);
        Tensor outSelf = Pointwise.where(Pointwise.binary(BinaryOp.NE, target, Scalar.of(-1L)), self, zeros);
        return reduce(Ops.add(outMargin, outSelf, ONE), reduction);
    }

    /** {@code max(0, -y (x1 - x2) + margin)}; no broadcasting. */
    public static Tensor marginRanking(Tensor input1, Tensor input2, Tensor target, double margin, long reduction) {
        if (!(java.util.Arrays.equals(input1.sizesRaw(), input2.sizesRaw())
                && java.util.Arrays.equals(input1.sizesRaw(), target.sizesRaw()))) {
            throw TorchException.runtime("margin_ranking_loss: all input "
                + "tensors should have same size but got sizes: input1: " + Shapes.str(input1.sizesRaw())
                + ", input2: " + Shapes.str(input2.sizesRaw()) + ", target: " + Shapes.str(target.sizesRaw()));
        }
        Tensor unclamped = Ops.add(Ops.mul(Ops.neg(target), Ops.sub(input1, input2, ONE)), Scalar.of(margin), ONE);
        return reduce(clampMin(unclamped, 0), reduction);
    }

    public static Tensor cosineEmbedding(Tensor input1, Tensor input2, Tensor target, double margin,
            long reduction) {
        int targetDim = target.dim();
        TorchException.check(targetDim <= 1, "0D or 1D target tensor expected, multi-target not supported");
        if (input1.dim() != targetDim + 1) {
            throw TorchException.runtime((targetDim == 1 ? "1D target tensor expects 2D"
                : "0D target tensor expects 1D") + " input tensors, but found inputs with sizes "
                + Shapes.str(input1.sizesRaw()) + " and " + Shapes.str(input2.sizesRaw()) + ".");
        }
        long[] dim = {targetDim};
        Scalar eps = Scalar.of(1e-12f);
        Tensor prodSum = Reductions.sum(Ops.mul(input1, input2), dim, false, null);
        Tensor mag1 = Ops.add(Reductions.sum(Ops.mul(input1, input1), dim, false, null), eps, ONE);
        Tensor mag2 = Ops.add(Reductions.sum(Ops.mul(input2, input2), dim, false, null), eps, ONE);
        Tensor cos = Ops.div(prodSum, unary(UnaryOp.SQRT, Ops.mul(mag1, mag2)));
        Tensor zeros = Tensor.zeros(cos.dtype(), cos.sizes());
        Tensor pos = Pointwise.rsub(cos, ONE, ONE);
        Tensor neg = clampMin(Ops.sub(cos, Scalar.of(margin), ONE), 0);
        Tensor out = Ops.add(Pointwise.where(Pointwise.binary(BinaryOp.EQ, target, ONE), pos, zeros),
                Pointwise.where(Pointwise.binary(BinaryOp.EQ, target, Scalar.of(-1L)), neg, zeros), ONE);
        return reduce(out, reduction);
    }

    /** {@code torch.pairwise_distance}: the p-norm of {@code x1 - x2 + eps} over the last dim. */
    public static Tensor pairwiseDistance(Tensor x1, Tensor x2, double p, double eps, boolean keepdim) {
        int outDim = Math.max(x1.dim(), x2.dim());
        Tensor diff = Ops.add(Ops.sub(x1, x2, ONE), Scalar.of(eps), ONE);
        return Norms.vectorNorm(diff, p, outDim == 0 ? null : new long[] {outDim - 1}, keepdim, null);
    }

    /** {@code F.cosine_similarity}: {@code sum(x1 x2) / (max(|x1|, eps) max(|x2|, eps))} along {@code dim}. */
    public static Tensor cosineSimilarity(Tensor x1, Tensor x2, long dim, double eps) {
        ScalarType common = TypePromotion.promoteTypes(x1.dtype(), x2.dtype());
        if (!common.isFloatingPoint()) {
            throw TorchException.runtime("expected common dtype to be floating point, yet common dtype "
                + "is " + common);
        }
        long[] shape = Shapes.broadcast(x1.sizesRaw(), x2.sizesRaw());
        Tensor a = Views.expand(x1.to(common), shape);
        Tensor b = Views.expand(x2.to(common), shape);
        long[] dims = {dim};
        Tensor normA = clampMin(unary(UnaryOp.SQRT, Reductions.sum(Ops.mul(a, a), dims, true, null)), eps);
        Tensor normB = clampMin(unary(UnaryOp.SQRT, Reductions.sum(Ops.mul(b, b), dims, true, null)), eps);
        return Reductions.sum(Ops.mul(Ops.div(a, normA), Ops.div(b, normB)), dims, false, null);
    }

    public static Tensor tripletMargin(Tensor anchor, Tensor positive, Tensor negative, double margin, double p,
            double eps, boolean swap, long reduction) {
        if (!(anchor.dim() == positive.dim() && positive.dim() == negative.dim())) {
            throw TorchException.runtime("All inputs should "
                + "have same dimension but got " + anchor.dim() + "D, " + positive.dim() + "D and " + negative.dim()
                + "D inputs.");
        }
        Tensor distPos = pairwiseDistance(anchor, positive, p, eps, false);
        Tensor distNeg = pairwiseDistance(anchor, negative, p, eps, false);
        if (swap) {
            distNeg = Pointwise.binary(BinaryOp.MINIMUM, distNeg, pairwiseDistance(positive, negative, p, eps,
                    false));
        }
        return reduce(clampMin(Ops.sub(Ops.add(distPos, Scalar.of(margin), ONE), distNeg, ONE), 0), reduction);
    }
}
