package kiln.runtime.tensor;

import java.util.Arrays;
import java.util.List;

/**
 * Patch matrices for convolution by GEMM ({@code im2col}) and their adjoint ({@code col2im}), over three
 * spatial dims (convolutions of fewer dims add dims of size 1). {@code im2col} of an image {@code [C, D, H, W]}
 * is the matrix {@code [C * kD * kH * kW, oD * oH * oW]} whose column {@code l} holds the zero-padded input
 * window of output position {@code l}; it is one strided view of the (padded) image made contiguous.
 * {@code col2im} sums each column's values back into the image, one strided add per kernel tap. For float32
 * convolutions {@link #patches} feeds GEMM the patch matrix without building it.
 */
public final class Im2Col {
    private Im2Col() {
    }

    /** A convolution's geometry along one spatial dim: the input size and the output size it gives. */
    public record Axis(int in, int kernel, int stride, int padding, int dilation, int out) {
        public static Axis of(long in, long kernel, long stride, long padding, long dilation) {
            TorchException.check(stride > 0, "non-positive stride is not supported");
            TorchException.check(dilation > 0, "dilation should be greater than zero");
            TorchException.check(padding >= 0, "negative padding is not supported");
            long out = (in + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
            return new Axis((int) in, (int) kernel, (int) stride, (int) padding, (int) dilation,
                    (int) Math.max(out, 0));
        }

        /** The first output index whose tap {@code k} reads inside the input. */
        int first(int k) {
            int offset = k * dilation - padding;
            return offset >= 0 ? 0 : (-offset + stride - 1) / stride;
        }

        /** One past the last output index whose tap {@code k} reads inside the input. */
        int last(int k) {
            int offset = k * dilation - padding;
            int bound = in - 1 - offset;
            return bound < 0 ? 0 : Math.min(out, bound / stride + 1);
        }

        int padded() {
            return in + 2 * padding;
        }
    }

    /** Kernel taps of all axes. */
    static long taps(List<Axis> axes) {
        return axes.stream().mapToLong(Axis::kernel).reduce(1, (a, b) -> a * b);
    }

    /** Output positions of all axes. */
    static long positions(List<Axis> axes) {
        return axes.stream().mapToLong(Axis::out).reduce(1, (a, b) -> a * b);
    }

    /** {@code image [C, D, H, W]} (three axes) as the patch matrix {@code [C * taps, positions]}. */
    public static Tensor im2col(Tensor image, List<Axis> axes) {
        long channels = image.size(0);
        Tensor padded = image;
        if (axes.stream().anyMatch(a -> a.padding() > 0)) {
            padded = Tensor.zeros(image.dtype(), channels, axes.get(0).padded(), axes.get(1).padded(),
                    axes.get(2).padded());
            interior(padded, axes).copyFrom(image);
        }
        long[] s = padded.stridesRaw();
        long[] sizes = {channels, axes.get(0).kernel(), axes.get(1).kernel(), axes.get(2).kernel(),
            axes.get(0).out(), axes.get(1).out(), axes.get(2).out()};
        long[] strides = {s[0], axes.get(0).dilation() * s[1], axes.get(1).dilation() * s[2],
            axes.get(2).dilation() * s[3], axes.get(0).stride() * s[1], axes.get(1).stride() * s[2],
            axes.get(2).stride() * s[3]};
        Tensor windows = padded.view(sizes, strides, padded.storageOffset());
        return Views.reshape(windows, new long[] {channels * taps(axes), positions(axes)});
    }

    /**
     * The adjoint of {@link #im2col}: {@code col [channels * taps, positions]} summed into an image
     * {@code [channels, D, H, W]} of the axes' input sizes.
     */
    public static Tensor col2im(Tensor col, long channels, List<Axis> axes) {
        Axis a0 = axes.get(0);
        Axis a1 = axes.get(1);
        Axis a2 = axes.get(2);
        Tensor padded = Tensor.zeros(col.dtype(), channels, a0.padded(), a1.padded(), a2.padded());
        long[] s = padded.stridesRaw();
        Tensor taps = Views.reshape(col, new long[] {channels, a0.kernel(), a1.kernel(), a2.kernel(), a0.out(),
            a1.out(), a2.out()});
        long[] sizes = {channels, a0.out(), a1.out(), a2.out()};
        long[] strides = {s[0], a0.stride() * s[1], a1.stride() * s[2], a2.stride() * s[3]};
        for (int k0 = 0; k0 < a0.kernel(); k0++) {
            for (int k1 = 0; k1 < a1.kernel(); k1++) {
                for (int k2 = 0; k2 < a2.kernel(); k2++) {
                    long offset = k0 * a0.dilation() * s[1] + k1 * a1.dilation() * s[2] + k2 * a2.dilation() * s[3];
                    Tensor target = padded.view(sizes, strides, offset);
                    Ops.add_(target, taps.select(1, k0).select(1, k1).select(1, k2), Scalar.of(1L));
                }
            }
        }
        return interior(padded, axes);
    }

    /** {@code aten::im2col} ({@code F.unfold}): {@code [N, C, H, W]} (or {@code [C, H, W]}) to {@code [N, C*kh*kw, L]}. */
    public static Tensor unfold(Tensor input, long[] kernel, long[] dilation, long[] padding, long[] stride) {
        boolean batched = input.dim() == 4;
        if (!(batched || input.dim() == 3 && input.numel() > 0)) {
            throw TorchException.runtime("Expected 3D or 4D (batch mode) "
                + "tensor with optional 0 dim batch size for input, but got:" + Shapes.str(input.sizesRaw()));
        }
        Tensor in = batched ? input : Views.unsqueeze(input, 0);
        List<Axis> axes = List.of(Axis.of(1, 1, 1, 0, 1), Axis.of(in.size(2), kernel[0], stride[0], padding[0],
                dilation[0]), Axis.of(in.size(3), kernel[1], stride[1], padding[1], dilation[1]));
        if (positions(axes) <= 0) {
            throw TorchException.runtime("Given input with spatial size (" + in.size(2) + ", "
                + in.size(3) + "), kernel_size=(" + kernel[0] + ", " + kernel[1] + "), calculated shape of the "
                + "array of sliding blocks is non-positive");
        }
        long rows = in.size(1) * taps(axes);
        Tensor out = Tensor.empty(input.dtype(), in.size(0), rows, positions(axes));
        for (int n = 0; n < in.size(0); n++) {
            Views.select(out, 0, n).copyFrom(im2col(Views.unsqueeze(Views.select(in, 0, n), 1), axes));
        }
        return batched ? out : Views.squeeze(out, new long[] {0});
    }

    /** {@code aten::col2im} ({@code F.fold}): {@code [N, C*kh*kw, L]} (or 2-d) to {@code [N, C, H, W]}. */
    public static Tensor fold(Tensor input, long[] outputSize, long[] kernel, long[] dilation, long[] padding,
            long[] stride) {
        boolean batched = input.dim() == 3;
        if (!(batched || input.dim() == 2)) {
            throw TorchException.runtime("Expected 2D or 3D (batch mode) tensor for input with "
                + "possibly 0 batch size and non-zero dimensions for input, but got: " + Shapes.str(input.sizesRaw()));
        }
        Tensor in = batched ? input : Views.unsqueeze(input, 0);
        List<Axis> axes = List.of(Axis.of(1, 1, 1, 0, 1), Axis.of(outputSize[0], kernel[0], stride[0], padding[0],
                dilation[0]), Axis.of(outputSize[1], kernel[1], stride[1], padding[1], dilation[1]));
        long taps = taps(axes);
        if (in.size(1) % taps != 0) {
            throw TorchException.runtime("Expected size of input's dimension 1 to be divisible by the "
                + "product of kernel_size, but got input.size(1)=" + in.size(1) + " and kernel_size=(" + kernel[0]
                + ", " + kernel[1] + ")");
        }
        if (in.size(2) != positions(axes)) {
            throw TorchException.runtime("Given output_size=(" + outputSize[0] + ", "
                + outputSize[1] + "), kernel_size=(" + kernel[0] + ", " + kernel[1] + "), dilation=(" + dilation[0]
                + ", " + dilation[1] + "), padding=(" + padding[0] + ", " + padding[1] + "), stride=(" + stride[0]
                + ", " + stride[1] + "), expected size of input's dimension 2 to match the calculated number of "
                + "sliding blocks " + axes.get(1).out() + " * " + axes.get(2).out() + " = " + positions(axes)
                + ", but got input.size(2)=" + in.size(2) + ".");
        }
        long channels = in.size(1) / taps;
        Tensor out = Tensor.empty(input.dtype(), in.size(0), channels, outputSize[0], outputSize[1]);
        for (int n = 0; n < in.size(0); n++) {
            Views.select(out, 0, n).copyFrom(Views.squeeze(col2im(Views.select(in, 0, n), channels, axes),
                    new long[] {1}));
        }
        return batched ? out : Views.squeeze(out, new long[] {0});
    }

    /**
     * The patch matrix of a float32 image {@code [C, D, H, W]} (row-major in {@code image} from {@code base}) as
     * a GEMM operand that packs its panels straight from the image, so that the matrix never exists whole.
     */
    static Gemm.Source patches(float[] image, int base, List<Axis> axes) {
        Axis a0 = axes.get(0);
        Axis a1 = axes.get(1);
        Axis a2 = axes.get(2);
        return (p0, kc, j0, nc, dst, row) -> {
            for (int p = 0; p < kc; p++) {
                int r = p0 + p;
                int k2 = r % a2.kernel();
                int k1 = r / a2.kernel() % a1.kernel();
                int k0 = r / a2.kernel() / a1.kernel() % a0.kernel();
                int plane = base + r / a2.kernel() / a1.kernel() / a0.kernel() * a0.in() * a1.in() * a2.in();
                int from = a2.first(k2);
                int to = a2.last(k2);
                int shift = k2 * a2.dilation() - a2.padding();
                int j = j0;
                int o2 = j % a2.out();
                int o1 = j / a2.out() % a1.out();
                int o0 = j / a2.out() / a1.out();
                for (int q = 0; q < nc; ) {
                    int len = Math.min(a2.out() - o2, nc - q);
                    int i0 = o0 * a0.stride() - a0.padding() + k0 * a0.dilation();
                    int i1 = o1 * a1.stride() - a1.padding() + k1 * a1.dilation();
                    int lo = Math.max(o2, from);
                    int hi = Math.min(o2 + len, to);
                    if (i0 < 0 || i0 >= a0.in() || i1 < 0 || i1 >= a1.in() || lo >= hi) {
                        Arrays.fill(row, q, q + len, 0f);
                    } else {
                        Arrays.fill(row, q, q + lo - o2, 0f);
                        int src = plane + (i0 * a1.in() + i1) * a2.in() + shift;
                        if (a2.stride() == 1) {
                            System.arraycopy(image, src + lo, row, q + lo - o2, hi - lo);
                        } else {
                            for (int o = lo; o < hi; o++) {
                                row[q + o - o2] = image[src + o * a2.stride()];
                            }
                        }
                        Arrays.fill(row, q + hi - o2, q + len, 0f);
                    }
                    q += len;
                    o2 = 0;
                    if (++o1 == a1.out()) {
                        o1 = 0;
                        o0++;
                    }
                }
                Gemm.scatterRow(row, nc, kc, Gemm.NR, p, dst, 0);
            }
            Gemm.zeroTail(nc, kc, Gemm.NR, dst, 0);
            return new Gemm.Panels(dst, 0);
        };
    }

    /** The unpadded part of a padded image. */
    private static Tensor interior(Tensor padded, List<Axis> axes) {
        Tensor t = padded;
        for (int d = 0; d < 3; d++) {
            t = Views.narrow(t, d + 1, axes.get(d).padding(), axes.get(d).in());
        }
        return t;
    }
}
