package kiln.runtime.tensor;

import java.util.Arrays;

import kiln.dialects.torch.types.ScalarType;

/**
 * Losses over class scores indexed by integer targets, as ATen computes them ({@code LossNLL.cpp},
 * {@code LossMultiMargin.cpp}, {@code LossMultiLabelMargin.cpp}): {@code nll_loss} of any rank,
 * {@code cross_entropy} (class indices or probabilities, label smoothing), {@code multi_margin_loss} and
 * {@code multilabel_margin_loss}. Accumulated in double; reductions as {@link Losses#reduce}.
 */
public final class ClassLosses {
    private static final Scalar ONE = Scalar.of(1L);

    private ClassLosses() {
    }

    /** {@code nll_loss_nd}: input {@code [C]}, {@code [N, C]} or {@code [N, C, d...]}; target without the C dim. */
    public static Tensor nll(Tensor input, Tensor target, Tensor weight, long reduction, long ignoreIndex) {
        if (input.dim() < 1) {
            throw TorchException.runtime("Expected 1 or more dimensions (got " + input.dim() + ")");
        }
        if (!(input.dim() == 1 || target.dim() >= 1 && input.size(0) == target.size(0))) {
            throw TorchException.runtime("Expected input batch_size (" + input.size(0) + ") to match target batch_size ("
                        + (target.dim() == 0 ? 0 : target.size(0)) + ").");
        }
        boolean batched = input.dim() > 1;
        int classes = (int) input.size(batched ? 1 : 0);
        int batch = batched ? (int) input.size(0) : 1;
        int inner = batched && batch * classes > 0 ? (int) (input.numel() / batch / classes) : batched ? 0 : 1;
        if (!(weight == null || weight.numel() == classes)) {
            throw TorchException.runtime("weight tensor should be defined either "
                + "for all " + classes + " classes or no classes but got weight tensor of shape: "
                + (weight == null ? "" : Shapes.str(weight.sizesRaw())));
        }
        double[] x = input.toDoubleArray();
        long[] t = target.toLongArray();
        double[] w = weight == null ? null : weight.toDoubleArray();
        double[] out = new double[t.length];
        double total = 0;
        double weightSum = 0;
        for (int n = 0; n < batch; n++) {
            for (int i = 0; i < inner; i++) {
                int k = n * inner + i;
                long c = t[k];
                if (c == ignoreIndex) {
                    continue;
                }
                if (!(c >= 0 && c < classes)) {
                    throw TorchException.index("Target " + c + " is out of bounds.");
                }
                double wc = w == null ? 1 : w[(int) c];
                out[k] = -wc * x[(n * classes + (int) c) * inner + i];
                total += out[k];
                weightSum += wc;
            }
        }
        return switch ((int) reduction) {
            case 0 -> Reductions.result(out, target.sizesRaw(), input.dtype());
            case 1 -> Reductions.result(new double[] {total / weightSum}, new long[0], input.dtype());
            default -> Reductions.result(new double[] {total}, new long[0], input.dtype());
        };
    }

    /** {@code cross_entropy}: log-softmax over the class dim, then NLL (index targets) or the soft-label sum. */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long reduction, long ignoreIndex,
            double labelSmoothing) {
        int classDim = input.dim() == 1 ? 0 : 1;
        long classes = input.size(classDim);
        Tensor logp = Reductions.softmax(input, classDim, input.dtype(), true);
        Tensor weightView = weight == null ? null : classView(weight, input.dim(), classDim);
        if (target.dtype().isFloatingPoint()) {
            if (!Arrays.equals(input.sizesRaw(), target.sizesRaw())) {
                throw TorchException.runtime("Expected target size "
                    + Shapes.str(input.sizesRaw()) + ", got " + Shapes.str(target.sizesRaw()));
            }
            Tensor soft = labelSmoothing > 0 ? Ops.add(Ops.mul(target, Scalar.of(1 - labelSmoothing)),
                    Scalar.of(labelSmoothing / classes), ONE) : target;
            Tensor terms = Ops.neg(Ops.mul(weightView == null ? logp : Ops.mul(logp, weightView), soft));
            return switch ((int) reduction) {
                case 0 -> Reductions.sum(terms, new long[] {classDim}, false, null);
                case 1 -> Ops.div(Reductions.sum(terms, null, false, null), Scalar.of(
                        input.numel() == 0 ? Double.NaN : (double) (input.numel() / classes)));
                default -> Reductions.sum(terms, null, false, null);
            };
        }
        Tensor nll = nll(logp, target, weight, reduction, ignoreIndex);
        if (labelSmoothing <= 0) {
            return nll;
        }
        Tensor ignored = Pointwise.binary(BinaryOp.EQ, target, Scalar.of(ignoreIndex));
        Tensor smooth = Ops.neg(Reductions.sum(weightView == null ? logp : Ops.mul(logp, weightView),
                new long[] {classDim}, false, null));
        smooth = Pointwise.maskedFill(smooth, ignored, Scalar.of(0.0));
        Tensor kept = Pointwise.unary(UnaryOp.LOGICAL_NOT, ignored);
        Tensor ret = switch ((int) reduction) {
            case 0 -> smooth;
            case 1 -> Ops.div(Reductions.sum(smooth, null, false, null), weight == null
                    ? Reductions.sum(kept, null, false, null)
                    : Reductions.sum(Scatter.take(weight, Scatter.maskedSelect(target, kept)), null, false, null));
            default -> Reductions.sum(smooth, null, false, null);
        };
        return Ops.add(Ops.mul(nll, Scalar.of(1 - labelSmoothing)), Ops.mul(ret, Scalar.of(labelSmoothing
                / classes)), ONE);
    }

    /** The 1-d {@code weight} shaped to broadcast along {@code classDim} of a rank-{@code rank} input. */
    private static Tensor classView(Tensor weight, int rank, int classDim) {
        long[] shape = new long[rank];
        Arrays.fill(shape, 1);
        shape[classDim] = weight.numel();
        return Views.view(weight, shape);
    }

    /** A {@code [frames, dim]} view of a 0-, 1- or 2-d score tensor, as the margin losses take it. */
    private record Frames(int frames, int dim) {
        static Frames of(Tensor input, String what) {
            if (!(input.dim() <= 2 && (input.dim() < 2 || input.size(1) != 0))) {
                throw TorchException.runtime("Expected non-empty "
                    + "vector or matrix with optional 0-dim batch size, but got: " + Shapes.str(input.sizesRaw())
                    + " (" + what + ")");
            }
            return input.dim() <= 1 ? new Frames(1, (int) input.numel()) : new Frames((int) input.size(0),
                    (int) input.size(1));
        }
    }

    /** Per-frame losses (or their sum/mean over frames), shaped {@code [frames]} or 0-dim. */
    private static Tensor frameResult(double[] perFrame, long reduction, boolean vector, ScalarType dtype) {
        if (reduction == 0) {
            return Reductions.result(perFrame, vector ? new long[] {perFrame.length} : new long[0], dtype);
        }
        double sum = 0;
        for (double v : perFrame) {
            sum += v;
        }
        return Reductions.result(new double[] {reduction == 1 ? sum / perFrame.length : sum}, new long[0], dtype);
    }

    /** {@code multi_margin_loss}: {@code sum_{i != y} max(0, margin - x[y] + x[i])^p * w[y] / dim} per frame. */
    public static Tensor multiMargin(Tensor input, Tensor target, Scalar p, Scalar margin, Tensor weight,
            long reduction) {
        TorchException.check(p.toDouble() == 1 || p.toDouble() == 2, "only p == 1 and p == 2 supported");
        Frames f = Frames.of(input, "multi_margin_loss");
        if (!(target.dim() <= 1 && target.numel() == f.frames())) {
            throw TorchException.runtime("inconsistent target size, "
                + "expected " + f.frames() + " but got " + Shapes.str(target.sizesRaw()));
        }
        double[] x = input.toDoubleArray();
        long[] t = target.toLongArray();
        double[] w = weight == null ? null : weight.toDoubleArray();
        double m = margin.toDouble();
        double[] out = new double[f.frames()];
        for (int n = 0; n < f.frames(); n++) {
            long y = t[n];
            TorchException.checkIndex(y >= 0 && y < f.dim(), "target out of range");
            int base = n * f.dim();
            double s = 0;
            for (int i = 0; i < f.dim(); i++) {
                double z = m - x[base + (int) y] + x[base + i];
                if (i != y && z > 0) {
                    double h = p.toDouble() == 1 ? z : z * z;
                    s += w == null ? h : h * w[(int) y];
                }
            }
            out[n] = s / f.dim();
        }
        return frameResult(out, reduction, target.dim() > 0, input.dtype());
    }

    /** {@code multilabel_margin_loss}: targets list class indices up to the first -1. */
    public static Tensor multilabelMargin(Tensor input, Tensor target, long reduction) {
        Frames f = Frames.of(input, "multilabel_margin_loss");
        if (!(Arrays.equals(input.sizesRaw(), target.sizesRaw()) || input.dim() <= 1
                && target.dim() <= 1 && target.numel() == f.dim())) {
            throw TorchException.runtime("inconsistent target size: "
                + Shapes.str(target.sizesRaw()) + " for input of size: " + Shapes.str(input.sizesRaw()));
        }
        double[] x = input.toDoubleArray();
        long[] t = target.toLongArray();
        double[] out = new double[f.frames()];
        for (int n = 0; n < f.frames(); n++) {
            int base = n * f.dim();
            boolean[] isTarget = new boolean[f.dim()];
            int count = 0;
            while (count < f.dim() && t[base + count] >= 0) {
                TorchException.checkIndex(t[base + count] < f.dim(), "target out of range");
                isTarget[(int) t[base + count++]] = true;
            }
            double s = 0;
            for (int j = 0; j < count; j++) {
                double xt = x[base + (int) t[base + j]];
                for (int i = 0; i < f.dim(); i++) {
                    double z = 1 - xt + x[base + i];
                    if (!isTarget[i] && z > 0) {
                        s += z;
                    }
                }
            }
            out[n] = s / f.dim();
        }
        return frameResult(out, reduction, target.dim() > 1, input.dtype());
    }
}
