package kiln.runtime.tensor;

import java.util.Arrays;

/**
 * {@code F.grid_sample} ({@code aten::grid_sampler_2d}/{@code _3d}) and {@code F.affine_grid}
 * ({@code affine_grid_generator}), as {@code GridSampler.h} defines them: each output point reads the input at the
 * grid's normalized coordinates in {@code [-1, 1]} (x first), with (bi/tri)linear, nearest or (2-d) bicubic
 * interpolation and zeros, border or reflection padding. Computed in double.
 */
public final class GridSampling {
    private GridSampling() {
    }

    /** The padding mode's handling of out-of-range source coordinates. */
    private enum Padding {
        ZEROS, BORDER, REFLECTION
    }

    /** {@code torch.grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners)}. */
    public static Tensor gridSample(Tensor input, Tensor grid, long interpolation, long padding,
            boolean alignCorners) {
        int k = input.dim() - 2;
        if (!((k == 2 || k == 3) && grid.dim() == input.dim())) {
            throw TorchException.runtime("grid_sampler(): expected 4D or 5D "
                + "input and grid with same number of dimensions, but got input with sizes "
                + Shapes.str(input.sizesRaw()) + " and grid with sizes " + Shapes.str(grid.sizesRaw()));
        }
        if (!(input.size(0) == grid.size(0) && grid.size(-1) == k)) {
            throw TorchException.runtime("grid_sampler(): expected grid "
                + "to have size " + k + " in last dimension and the same batch size as input, but got grid with sizes "
                + Shapes.str(grid.sizesRaw()));
        }
        TorchException.check(interpolation >= 0 && interpolation <= 2 && padding >= 0 && padding <= 2,
                "grid_sampler(): unknown interpolation or padding mode");
        if (!(interpolation != 2 || k == 2)) {
            throw TorchException.runtime("grid_sampler(): bicubic interpolation only supports "
                + "4D input");
        }
        long[] in = Arrays.copyOfRange(input.sizesRaw(), 2, input.dim());
        Sampler s = new Sampler(input.toDoubleArray(), in, Padding.values()[(int) padding], alignCorners);
        int n = (int) input.size(0);
        int c = (int) input.size(1);
        long[] outSpatial = Arrays.copyOfRange(grid.sizesRaw(), 1, grid.dim() - 1);
        int points = (int) Shapes.numel(outSpatial);
        double[] g = grid.toDoubleArray();
        double[] out = new double[n * c * points];
        double[] coords = new double[k];
        for (int b = 0; b < n; b++) {
            for (int p = 0; p < points; p++) {
                for (int d = 0; d < k; d++) {
                    coords[d] = g[(b * points + p) * k + (k - 1 - d)];
                }
                for (int ch = 0; ch < c; ch++) {
                    int plane = b * c + ch;
                    out[plane * points + p] = switch ((int) interpolation) {
                        case 0 -> s.linear(plane, coords);
                        case 1 -> s.nearest(plane, coords);
                        default -> s.bicubic(plane, coords[1], coords[0]);
                    };
                }
            }
        }
        long[] shape = new long[input.dim()];
        shape[0] = n;
        shape[1] = c;
        System.arraycopy(outSpatial, 0, shape, 2, k);
        return Reductions.result(out, shape, input.dtype());
    }

    /**
     * {@code affine_grid_generator(theta, size, align_corners)}: the base grid of normalized {@code (x, y[, z], 1)}
     * over {@code size}'s spatial dims, times each batch's {@code theta} transposed.
     */
    public static Tensor affineGrid(Tensor theta, long[] size, boolean alignCorners) {
        int k = size.length - 2;
        if (!((k == 2 || k == 3) && theta.dim() == 3 && theta.size(0) == size[0]
                && theta.size(1) == k && theta.size(2) == k + 1)) {
            throw TorchException.runtime("affine_grid: expected theta of shape [N, " + k
                + ", " + (k + 1) + "] for size " + Shapes.str(size) + ", but got " + Shapes.str(theta.sizesRaw()));
        }
        long[] spatial = Arrays.copyOfRange(size, 2, size.length);
        int points = (int) Shapes.numel(spatial);
        double[] t = theta.toDoubleArray();
        double[] out = new double[(int) size[0] * points * k];
        double[] base = new double[k + 1];
        base[k] = 1;
        for (int p = 0; p < points; p++) {
            long rest = p;
            for (int d = k - 1; d >= 0; d--) {
                base[k - 1 - d] = linspace(rest % spatial[d], spatial[d], alignCorners);
                rest /= spatial[d];
            }
            for (int b = 0; b < size[0]; b++) {
                for (int row = 0; row < k; row++) {
                    double v = 0;
                    for (int j = 0; j <= k; j++) {
                        v += base[j] * t[(b * k + row) * (k + 1) + j];
                    }
                    out[(b * points + p) * k + row] = v;
                }
            }
        }
        long[] shape = new long[k + 2];
        shape[0] = size[0];
        System.arraycopy(spatial, 0, shape, 1, k);
        shape[k + 1] = k;
        return Reductions.result(out, shape, theta.dtype());
    }

    /** Step {@code i} of {@code linspace(-1, 1, steps)}, scaled by {@code (steps - 1) / steps} unless aligned. */
    private static double linspace(long i, long steps, boolean alignCorners) {
        if (steps <= 1) {
            return 0;
        }
        double v = -1 + 2.0 * i / (steps - 1);
        return alignCorners ? v : v * (steps - 1) / steps;
    }

    /** Reads one input's planes (spatial sizes {@code in}, outermost first) at grid coordinates. */
    private record Sampler(double[] x, long[] in, Padding padding, boolean alignCorners) {
        private double unnormalize(double coord, long size) {
            return alignCorners ? (coord + 1) / 2 * (size - 1) : ((coord + 1) * size - 1) / 2;
        }

        private static double clip(double coord, long size) {
            return Math.min(size - 1, Math.max(coord, 0));
        }

        private static double reflect(double coord, double twiceLow, double twiceHigh) {
            if (twiceLow == twiceHigh) {
                return 0;
            }
            double min = twiceLow / 2;
            double span = (twiceHigh - twiceLow) / 2;
            double in = Math.abs(coord - min);
            double extra = in % span;
            return Math.floor(in / span) % 2 == 0 ? extra + min : span - extra + min;
        }

        /** {@code compute_coordinates}: the padding mode applied to an unnormalized coordinate. */
        private double pad(double coord, long size) {
            return switch (padding) {
                case ZEROS -> coord;
                case BORDER -> clip(coord, size);
                case REFLECTION -> clip(alignCorners ? reflect(coord, 0, 2.0 * (size - 1))
                        : reflect(coord, -1, 2.0 * size - 1), size);
            };
        }

        /** The element at integer {@code pos} of {@code plane}, or 0 outside the input. */
        private double at(int plane, long[] pos) {
            long flat = plane;
            for (int d = 0; d < in.length; d++) {
                if (pos[d] < 0 || pos[d] >= in[d]) {
                    return 0;
                }
                flat = flat * in[d] + pos[d];
            }
            return x[(int) flat];
        }

        /** Bilinear (2-d) or trilinear (3-d): the weighted sum over the 2^k corners around the source point. */
        double linear(int plane, double[] coords) {
            int k = in.length;
            long[] low = new long[k];
            double[] frac = new double[k];
            for (int d = 0; d < k; d++) {
                double src = pad(unnormalize(coords[d], in[d]), in[d]);
                low[d] = (long) Math.floor(src);
                frac[d] = src - low[d];
            }
            long[] pos = new long[k];
            double s = 0;
            for (int corner = 0; corner < 1 << k; corner++) {
                double w = 1;
                for (int d = 0; d < k; d++) {
                    boolean high = (corner >> (k - 1 - d) & 1) == 1;
                    pos[d] = low[d] + (high ? 1 : 0);
                    w *= high ? frac[d] : 1 - frac[d];
                }
                s += w * at(plane, pos);
            }
            return s;
        }

        double nearest(int plane, double[] coords) {
            long[] pos = new long[in.length];
            for (int d = 0; d < in.length; d++) {
                pos[d] = (long) Math.rint(pad(unnormalize(coords[d], in[d]), in[d]));
            }
            return at(plane, pos);
        }

        /** Bicubic over the 4 x 4 neighbours, each read through the padding ({@code get_value_bounded}). */
        double bicubic(int plane, double gx, double gy) {
            double ix = unnormalize(gx, in[1]);
            double iy = unnormalize(gy, in[0]);
            long x0 = (long) Math.floor(ix);
            long y0 = (long) Math.floor(iy);
            double[] wx = Interpolation.cubicWeights(ix - x0);
            double[] wy = Interpolation.cubicWeights(iy - y0);
            double s = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    long[] pos = {(long) pad(y0 - 1 + i, in[0]), (long) pad(x0 - 1 + j, in[1])};
                    s += wy[i] * wx[j] * at(plane, pos);
                }
            }
            return s;
        }
    }
}
