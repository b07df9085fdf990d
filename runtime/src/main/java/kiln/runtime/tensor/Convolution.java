package kiln.runtime.tensor;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.Im2Col.Axis;

/**
 * {@code conv1d/2d/3d} and {@code conv_transpose1d/2d/3d} with stride, zero padding, dilation, groups and (for
 * the transposed ones) output padding; unbatched inputs are accepted as PyTorch does. Every convolution runs
 * over three spatial dims (fewer dims get dims of size 1). A convolution is, per sample and group, the product
 * of the weights {@code [out, in * taps]} with the input's patch matrix ({@link Im2Col}, no copy for 1x1
 * kernels); float32 depthwise 2-d convolutions (one input and one output channel per group, as MobileNet's)
 * run directly on {@link Depthwise}. A transposed convolution is the weights' transpose times the input,
 * summed back by {@code col2im}.
 */
public final class Convolution {
    private Convolution() {
    }

    /** The common checks and shapes: the input and weight as 5-d tensors (batched) and the spatial axes. */
    private record Setup(Tensor input, Tensor weight, boolean unbatched, int spatial) {
        static Setup of(String op, Tensor input, Tensor weight, int spatial) {
            boolean unbatched = input.dim() == spatial + 1;
            if (!(input.dim() == spatial + 2 || unbatched)) {
                throw TorchException.runtime("Expected " + (spatial + 1)
                    + "D (unbatched) or " + (spatial + 2) + "D (batched) input to " + op + ", but got input of size: "
                    + Shapes.str(input.sizesRaw()));
            }
            if (weight.dim() != spatial + 2) {
                throw TorchException.runtime("weight should have " + (spatial + 2)
                    + " dimensions for " + op + ", but got " + Shapes.str(weight.sizesRaw()));
            }
            if (input.dtype() != weight.dtype()) {
                throw TorchException.runtime("Input type (" + input.dtype() + ") and weight "
                    + "type (" + weight.dtype() + ") should be the same");
            }
            Tensor in = unbatched ? Views.unsqueeze(input, 0) : input;
            Tensor w = weight;
            for (int d = spatial; d < 3; d++) {
                in = Views.unsqueeze(in, 2);
                w = Views.unsqueeze(w, 2);
            }
            return new Setup(in, w, unbatched, spatial);
        }

        /** The 5-d result back in the caller's rank. */
        Tensor finish(Tensor out) {
            Tensor r = out;
            for (int d = spatial; d < 3; d++) {
                r = Views.squeeze(r, new long[] {2});
            }
            return unbatched ? Views.squeeze(r, new long[] {0}) : r;
        }
    }

    /** {@code conv1d}. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
            long[] dilation, long groups) {
        return convolution(input, weight, bias, stride, padding, dilation, groups, 1);
    }

    /** {@code conv2d}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
            long[] dilation, long groups) {
        return convolution(input, weight, bias, stride, padding, dilation, groups, 2);
    }

    /** {@code conv3d}. */
    public static Tensor conv3d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
            long[] dilation, long groups) {
        return convolution(input, weight, bias, stride, padding, dilation, groups, 3);
    }

    /** A convolution over the last {@code spatial} dims. */
    public static Tensor convolution(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
            long[] dilation, long groups, int spatial) {
        Setup s = Setup.of("conv" + spatial + "d", input, weight, spatial);
        Tensor in = s.input();
        Tensor w = s.weight();
        int batch = (int) in.size(0);
        int channels = (int) in.size(1);
        int outChannels = (int) w.size(0);
        int groupChannels = (int) w.size(1);
        if (!(groups > 0 && channels == groupChannels * groups && outChannels % groups == 0)) {
            throw TorchException.runtime("Given groups=" + groups + ", weight of size " + Shapes.str(weight.sizesRaw())
                        + ", expected input" + Shapes.str(input.sizesRaw()) + " to have " + groupChannels * groups
                        + " channels, but got " + channels + " channels instead");
        }
        List<Axis> axes = axes(in, w, stride, padding, dilation, spatial);
        if (!axes.stream().allMatch(a -> a.out() > 0)) {
            throw TorchException.runtime("Calculated output size is too small: input "
                + Shapes.str(input.sizesRaw()) + ", kernel " + Shapes.str(weight.sizesRaw()));
        }
        long[] outShape = {batch, outChannels, axes.get(0).out(), axes.get(1).out(), axes.get(2).out()};
        Tensor out;
        if (Depthwise.applies(in, w, groups, axes)) {
            out = Depthwise.run(in, w, axes, outShape);
        } else {
            int g = (int) groups;
            int outPerGroup = outChannels / g;
            long taps = Im2Col.taps(axes);
            boolean pointwise = taps == 1 && axes.stream().allMatch(a -> a.stride() == 1 && a.padding() == 0);
            boolean direct = in.dtype() == ScalarType.Float && !pointwise;
            float[] images = direct ? in.toFloatArray() : null;
            Tensor kernels = direct ? w.contiguous() : null;
            List<Tensor> parts = new ArrayList<>();
            for (int n = 0; n < batch; n++) {
                for (int gi = 0; gi < g; gi++) {
                    if (direct) {
                        int base = Math.toIntExact((long) (n * channels + gi * groupChannels) * in.size(2)
                                * in.size(3) * in.size(4));
                        parts.add(patchProduct(images, base, kernels, gi, outPerGroup, groupChannels * taps, axes));
                        continue;
                    }
                    Tensor image = Views.narrow(Views.select(in, 0, n), 0, (long) gi * groupChannels, groupChannels);
                    Tensor col = pointwise ? Views.reshape(image, new long[] {groupChannels, Im2Col.positions(axes)})
                            : Im2Col.im2col(image, axes);
                    Tensor kernel = Views.reshape(Views.narrow(w, 0, (long) gi * outPerGroup, outPerGroup),
                            new long[] {outPerGroup, groupChannels * taps});
                    parts.add(LinearAlgebra.weightProduct(kernel, col));
                }
            }
            out = assemble(parts, outShape, in.dtype());
        }
        return s.finish(addBias(out, bias));
    }

    /** Group {@code g}'s weights {@code [out, k]} times the patch matrix of the image at {@code base}, by GEMM. */
    private static Tensor patchProduct(float[] images, int base, Tensor kernels, int g, int out, long k,
            List<Axis> axes) {
        long positions = Im2Col.positions(axes);
        Tensor result = Tensor.empty(ScalarType.Float, out, positions);
        Gemm.Matrix weights = new Gemm.Matrix(kernels.segment(), kernels.storage(),
                kernels.storageOffset() + g * out * k, k, 1);
        Gemm.multiply(1, out, Math.toIntExact(positions), Math.toIntExact(k), weights, new long[1],
                t -> Im2Col.patches(images, base, axes), result.segment());
        Reference.reachabilityFence(kernels);
        return result;
    }

    /** {@code conv_transpose1d/2d/3d}: weight {@code [in, out / groups, taps...]}. */
    public static Tensor convTranspose(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
            long[] outputPadding, long groups, long[] dilation, int spatial) {
        Setup s = Setup.of("conv_transpose" + spatial + "d", input, weight, spatial);
        Tensor in = s.input();
        Tensor w = s.weight();
        int batch = (int) in.size(0);
        int channels = (int) in.size(1);
        if (!(groups > 0 && channels == w.size(0) && channels % groups == 0)) {
            throw TorchException.runtime("Given transposed="
                + "1, weight of size " + Shapes.str(weight.sizesRaw()) + ", expected input"
                + Shapes.str(input.sizesRaw()) + " to have " + w.size(0) + " channels, but got " + channels
                + " channels instead");
        }
        int g = (int) groups;
        int inPerGroup = channels / g;
        int outPerGroup = (int) w.size(1);
        List<Axis> axes = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            int i = d - (3 - spatial);
            long k = w.size(d + 2);
            long st = i < 0 ? 1 : at(stride, i);
            long pad = i < 0 ? 0 : at(padding, i);
            long dil = i < 0 ? 1 : at(dilation, i);
            long outPad = i < 0 ? 0 : at(outputPadding, i);
            if (!(outPad < st || outPad < dil)) {
                throw TorchException.runtime("output padding must be smaller than either stride "
                    + "or dilation, but got output_padding=" + outPad + ", stride=" + st + ", dilation=" + dil);
            }
            long size = (in.size(d + 2) - 1) * st - 2 * pad + dil * (k - 1) + outPad + 1;
            if (size <= 0) {
                throw TorchException.runtime("Given input size " + Shapes.str(input.sizesRaw())
                    + ", calculated output size is too small");
            }
            Axis a = Axis.of(size, k, st, pad, dil);
            axes.add(new Axis(a.in(), a.kernel(), a.stride(), a.padding(), a.dilation(), (int) in.size(d + 2)));
        }
        long positions = Im2Col.positions(axes);
        List<Tensor> parts = new ArrayList<>();
        for (int n = 0; n < batch; n++) {
            for (int gi = 0; gi < g; gi++) {
                Tensor image = Views.reshape(Views.narrow(Views.select(in, 0, n), 0, (long) gi * inPerGroup,
                        inPerGroup), new long[] {inPerGroup, positions});
                Tensor kernel = Views.reshape(Views.narrow(w, 0, (long) gi * inPerGroup, inPerGroup),
                        new long[] {inPerGroup, outPerGroup * Im2Col.taps(axes)});
                parts.add(Im2Col.col2im(LinearAlgebra.weightProduct(Views.t(kernel), image), outPerGroup, axes));
            }
        }
        long[] outShape = {batch, (long) outPerGroup * g, axes.get(0).in(), axes.get(1).in(), axes.get(2).in()};
        return s.finish(addBias(assemble(parts, outShape, in.dtype()), bias));
    }

    private static List<Axis> axes(Tensor in, Tensor w, long[] stride, long[] padding, long[] dilation,
            int spatial) {
        List<Axis> axes = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            int i = d - (3 - spatial);
            axes.add(i < 0 ? Axis.of(in.size(d + 2), w.size(d + 2), 1, 0, 1)
                    : Axis.of(in.size(d + 2), w.size(d + 2), at(stride, i), at(padding, i), at(dilation, i)));
        }
        return axes;
    }

    /** Per-(sample, group) results, each {@code [channels of the group, positions...]}, as one tensor. */
    private static Tensor assemble(List<Tensor> parts, long[] shape, ScalarType dtype) {
        if (parts.size() == 1) {
            return Views.reshape(parts.getFirst(), shape);
        }
        Tensor out = Tensor.empty(dtype, shape);
        int groups = parts.size() / (int) shape[0];
        long perGroup = shape[1] / groups;
        long[] groupShape = {perGroup, shape[2], shape[3], shape[4]};
        for (int i = 0; i < parts.size(); i++) {
            Tensor target = Views.narrow(Views.select(out, 0, i / groups), 0, (i % groups) * perGroup, perGroup);
            target.copyFrom(Views.reshape(parts.get(i), groupShape));
        }
        return out;
    }

    private static Tensor addBias(Tensor out, Tensor bias) {
        if (bias == null) {
            return out;
        }
        return Ops.add_(out, Views.view(bias, new long[] {1, bias.numel(), 1, 1, 1}), Scalar.of(1L));
    }

    /** Element {@code i} of an {@code int[n]} argument, a single value standing for all. */
    static long at(long[] values, int i) {
        return values.length == 1 ? values[0] : values[i];
    }
}
