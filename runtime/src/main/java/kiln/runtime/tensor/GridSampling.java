package kiln.runtime.tensor;

/**
 * {@code F.grid_sample} on 4-d inputs ({@code aten::grid_sampler_2d}): each output point reads the input at the
 * grid's normalized {@code (x, y)} in {@code [-1, 1]}, with bilinear, nearest or bicubic interpolation and zeros,
 * border or reflection padding ({@code GridSampler.h}). Computed in double.
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
        TorchException.check(input.dim() == 4 && grid.dim() == 4, "grid_sampler(): only 4-D input and grid are "
                + "supported here, but got input with sizes " + Shapes.str(input.sizesRaw())
                + " and grid with sizes " + Shapes.str(grid.sizesRaw()));
        TorchException.check(input.size(0) == grid.size(0) && grid.size(3) == 2, "grid_sampler(): expected grid to "
                + "have size 2 in last dimension and the same batch size as input, but got grid with sizes "
                + Shapes.str(grid.sizesRaw()));
        TorchException.check(interpolation >= 0 && interpolation <= 2 && padding >= 0 && padding <= 2,
                "grid_sampler(): unknown interpolation or padding mode");
        Sampler s = new Sampler(input.toDoubleArray(), (int) input.size(2), (int) input.size(3),
                Padding.values()[(int) padding], alignCorners);
        int n = (int) input.size(0);
        int c = (int) input.size(1);
        int oh = (int) grid.size(1);
        int ow = (int) grid.size(2);
        double[] g = grid.toDoubleArray();
        double[] out = new double[n * c * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    int at = ((b * oh + y) * ow + x) * 2;
                    for (int ch = 0; ch < c; ch++) {
                        int plane = b * c + ch;
                        out[((plane * oh) + y) * ow + x] = switch ((int) interpolation) {
                            case 0 -> s.bilinear(plane, g[at], g[at + 1]);
                            case 1 -> s.nearest(plane, g[at], g[at + 1]);
                            default -> s.bicubic(plane, g[at], g[at + 1]);
                        };
                    }
                }
            }
        }
        return Reductions.result(out, new long[] {n, c, oh, ow}, input.dtype());
    }

    /** Reads one input of {@code h x w} planes at grid coordinates. */
    private record Sampler(double[] x, int h, int w, Padding padding, boolean alignCorners) {
        private double unnormalize(double coord, int size) {
            return alignCorners ? (coord + 1) / 2 * (size - 1) : ((coord + 1) * size - 1) / 2;
        }

        private static double clip(double coord, int size) {
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
        private double pad(double coord, int size) {
            return switch (padding) {
                case ZEROS -> coord;
                case BORDER -> clip(coord, size);
                case REFLECTION -> clip(alignCorners ? reflect(coord, 0, 2.0 * (size - 1))
                        : reflect(coord, -1, 2.0 * size - 1), size);
            };
        }

        private double at(int plane, long iy, long ix) {
            return iy >= 0 && iy < h && ix >= 0 && ix < w ? x[(int) ((plane * (long) h + iy) * w + ix)] : 0;
        }

        double bilinear(int plane, double gx, double gy) {
            double ix = pad(unnormalize(gx, w), w);
            double iy = pad(unnormalize(gy, h), h);
            long x0 = (long) Math.floor(ix);
            long y0 = (long) Math.floor(iy);
            double tx = ix - x0;
            double ty = iy - y0;
            return at(plane, y0, x0) * (1 - tx) * (1 - ty) + at(plane, y0, x0 + 1) * tx * (1 - ty)
                    + at(plane, y0 + 1, x0) * (1 - tx) * ty + at(plane, y0 + 1, x0 + 1) * tx * ty;
        }

        double nearest(int plane, double gx, double gy) {
            return at(plane, (long) Math.rint(pad(unnormalize(gy, h), h)), (long) Math.rint(pad(unnormalize(gx, w),
                    w)));
        }

        /** Bicubic over the 4 x 4 neighbours, each read through the padding ({@code get_value_bounded}). */
        double bicubic(int plane, double gx, double gy) {
            double ix = unnormalize(gx, w);
            double iy = unnormalize(gy, h);
            long x0 = (long) Math.floor(ix);
            long y0 = (long) Math.floor(iy);
            double[] wx = Interpolation.cubicWeights(ix - x0);
            double[] wy = Interpolation.cubicWeights(iy - y0);
            double s = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    long yy = (long) pad(y0 - 1 + i, h);
                    long xx = (long) pad(x0 - 1 + j, w);
                    s += wy[i] * wx[j] * at(plane, yy, xx);
                }
            }
            return s;
        }
    }
}
