package kiln.runtime.tensor;

/**
 * {@code aten::pad}: constant padding, and the index-mapping modes ({@code reflect}, {@code replicate},
 * {@code circular}), each built as one {@code index_select} per padded dim with the source index of every output
 * position. Pad pairs name the last dim first, as in {@code F.pad}.
 */
public final class Padding {
    private Padding() {
    }

    /** Where output position {@code i - before} (an index that may fall outside {@code [0, n)}) reads from. */
    private enum Mode {
        REFLECT("reflect") {
            @Override
            long source(long i, long n) {
                return i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
            }
        },
        REPLICATE("replicate") {
            @Override
            long source(long i, long n) {
                return Math.min(Math.max(i, 0), n - 1);
            }
        },
        CIRCULAR("circular") {
            @Override
            long source(long i, long n) {
                return Math.floorMod(i, n);
            }
        };

        final String name;

        Mode(String name) {
            this.name = name;
        }

        abstract long source(long i, long n);
    }

    /** {@code torch._C._nn.pad(self, pad, mode, value)}. */
    public static Tensor pad(Tensor self, long[] pad, String mode, Double value) {
        TorchException.check(pad.length % 2 == 0, "Padding length must be divisible by 2");
        if (pad.length > self.dim() * 2L) {
            throw TorchException.runtime("Padding length should be less than or equal to two times "
                + "the input dimension but got padding length " + pad.length + " and input of dimension "
                + self.dim());
        }
        if (mode.equals("constant")) {
            return Rearrange.constantPad(self, pad, value == null ? Scalar.of(0L) : Scalar.of(value));
        }
        Mode m = switch (mode) {
            case "reflect" -> Mode.REFLECT;
            case "replicate" -> Mode.REPLICATE;
            case "circular" -> Mode.CIRCULAR;
            default -> throw TorchException.runtime("Unrecognised padding mode " + mode);
        };
        if (!(value == null || value == 0)) {
            throw TorchException.runtime("Padding mode \"" + m.name
                + "\" doesn't take in value argument");
        }
        int spatial = pad.length / 2;
        if (spatial < 1 || spatial > 3 || self.dim() != spatial + 1 && self.dim() != spatial + 2) {
            throw new TorchException(TorchException.Kind.NOT_IMPLEMENTED_ERROR, "Only 2D, 3D, 4D, 5D padding with "
                    + "non-constant padding are supported for now");
        }
        Tensor out = self;
        for (int i = 0; i < spatial; i++) {
            int d = self.dim() - 1 - i;
            long[] idx = sources(m, self.size(d), pad[2 * i], pad[2 * i + 1], d, self);
            out = Indexing.indexSelect(out, d, Tensor.of(idx, idx.length));
        }
        return out;
    }

    private static long[] sources(Mode m, long n, long before, long after, int d, Tensor self) {
        switch (m) {
            case REFLECT -> TorchException.check(before < n && after < n, "Argument #4: Padding size should be "
                    + "less than the corresponding input dimension, but got: padding (" + before + ", " + after
                    + ") at dimension " + d + " of input " + Shapes.str(self.sizesRaw()));
            case REPLICATE -> TorchException.check(n > 0, "Expected input's padded dims to be non-empty, but got "
                    + Shapes.str(self.sizesRaw()));
            case CIRCULAR -> TorchException.check(before <= n && after <= n, "Padding value causes wrapping around "
                    + "more than once.");
        }
        long size = n + before + after;
        if (size < 0) {
            throw TorchException.runtime("input tensor size " + n + " and padding resulted in a negative output size");
        }
        long[] idx = new long[(int) size];
        for (int o = 0; o < size; o++) {
            idx[o] = m.source(o - before, n);
        }
        return idx;
    }
}
