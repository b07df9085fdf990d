package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.longs;
import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.scalar;
import static kiln.runtime.interp.kernels.Args.str;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.tensors;
import static kiln.runtime.interp.kernels.Args.toLong;
import static kiln.runtime.interp.kernels.ShapeKernels.tensorList;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import kiln.runtime.tensor.IndexPatterns;
import kiln.runtime.tensor.Joining;
import kiln.runtime.tensor.Rearrange;
import kiln.runtime.tensor.Tensor;

/**
 * Kernels that rearrange elements: the {@code *_copy} forms of the views, the {@code *_scatter} writes into
 * views, flips, repeats, padding, splits, stacks and grids.
 */
final class LayoutKernels {
    private LayoutKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::expand_copy", a -> tensor(a[0]).expand(longs(a[1])).clone());
        r.register("aten::view_copy", a -> tensor(a[0]).view(longs(a[1])).clone());
        r.register("aten::permute_copy", a -> tensor(a[0]).permute(longs(a[1])).clone());
        r.register("aten::transpose_copy.int", a -> tensor(a[0]).transpose(toLong(a[1]), toLong(a[2])).clone());
        r.register("aten::t_copy", a -> tensor(a[0]).t().clone());
        r.register("aten::unsqueeze_copy", a -> tensor(a[0]).unsqueeze(toLong(a[1])).clone());
        r.register("aten::squeeze_copy", a -> tensor(a[0]).squeeze().clone());
        r.register("aten::squeeze_copy.dim", a -> tensor(a[0]).squeeze(toLong(a[1])).clone());
        r.register("aten::squeeze_copy.dims", a -> tensor(a[0]).squeezeDims(longs(a[1])).clone());
        r.register("aten::narrow_copy", a -> tensor(a[0]).narrow(toLong(a[1]), toLong(a[2]), toLong(a[3])).clone());
        r.register("aten::diagonal_copy",
                a -> tensor(a[0]).diagonal(toLong(a[1]), toLong(a[2]), toLong(a[3])).clone());
        r.register("aten::unfold_copy",
                a -> Rearrange.unfold(tensor(a[0]), toLong(a[1]), toLong(a[2]), toLong(a[3])).clone());
        r.register("aten::unbind_copy.int", a -> copies(tensor(a[0]).unbind(toLong(a[1]))));
        r.register("aten::split_with_sizes_copy", a -> copies(tensor(a[0]).splitWithSizes(longs(a[1]), toLong(a[2]))));
        r.register("aten::ravel", a -> tensor(a[0]).reshape(-1));
        r.register("aten::unfold", a -> Rearrange.unfold(tensor(a[0]), toLong(a[1]), toLong(a[2]), toLong(a[3])));

        r.register("aten::select_scatter", a -> into(a, t -> t.select(toLong(a[2]), toLong(a[3]))));
        r.register("aten::slice_scatter",
                a -> into(a, t -> t.slice(toLong(a[2]), optLong(a[3]), optLong(a[4]), toLong(a[5]))));
        r.register("aten::diagonal_scatter",
                a -> into(a, t -> t.diagonal(toLong(a[2]), toLong(a[3]), toLong(a[4]))));
        r.register("aten::as_strided_scatter",
                a -> into(a, t -> t.asStrided(longs(a[2]), longs(a[3]), optLong(a[4]))));

        r.register("aten::flip", a -> Rearrange.flip(tensor(a[0]), longs(a[1])));
        r.register("aten::fliplr", a -> Rearrange.flip(tensor(a[0]), new long[] {1}));
        r.register("aten::flipud", a -> Rearrange.flip(tensor(a[0]), new long[] {0}));
        r.register("aten::repeat", a -> Rearrange.repeat(tensor(a[0]), longs(a[1])));
        r.register("aten::tile", a -> Rearrange.tile(tensor(a[0]), longs(a[1])));
        r.register("aten::constant_pad_nd", a -> Rearrange.constantPad(tensor(a[0]), longs(a[1]), scalar(a[2])));
        r.register("aten::diag", a -> Rearrange.diag(tensor(a[0]), toLong(a[1])));
        r.register("aten::diag_embed", a -> Rearrange.diagEmbed(tensor(a[0]), toLong(a[1]), toLong(a[2]),
                toLong(a[3])));
        r.register("aten::diagflat", a -> Rearrange.diagflat(tensor(a[0]), toLong(a[1])));
        r.register("aten::rot90", a -> Rearrange.rot90(tensor(a[0]), toLong(a[1]), longs(a[2])));
        r.register("aten::sum_to_size", a -> Rearrange.sumToSize(tensor(a[0]), longs(a[1])));
        r.register("aten::pixel_shuffle", a -> Rearrange.pixelShuffle(tensor(a[0]), toLong(a[1])));
        r.register("aten::pixel_unshuffle", a -> Rearrange.pixelUnshuffle(tensor(a[0]), toLong(a[1])));
        r.register("aten::channel_shuffle", a -> Rearrange.channelShuffle(tensor(a[0]), toLong(a[1])), "");
        r.register("aten::native_channel_shuffle", a -> Rearrange.channelShuffle(tensor(a[0]), toLong(a[1])), "");
        r.register("aten::one_hot", a -> Rearrange.oneHot(tensor(a[0]), toLong(a[1])));
        for (int n = 1; n <= 3; n++) {
            int dims = n;
            r.register("aten::atleast_" + n + "d", a -> Rearrange.atLeast(tensor(a[0]), dims));
            r.register("aten::atleast_" + n + "d.Sequence", a -> tensorList(Arrays.stream(tensors(a[0]))
                    .map(t -> Rearrange.atLeast(t, dims)).toList()));
        }
        registerSplitsAndStacks(r);
    }

    private static void registerSplitsAndStacks(KernelRegistry r) {
        r.register("aten::tensor_split.sections",
                a -> tensorList(Rearrange.tensorSplit(tensor(a[0]), toLong(a[1]), toLong(a[2]))));
        r.register("aten::tensor_split.indices",
                a -> tensorList(Rearrange.tensorSplit(tensor(a[0]), longs(a[1]), toLong(a[2]))));
        r.register("aten::tensor_split.tensor_indices_or_sections", a -> {
            Tensor spec = tensor(a[1]);
            return tensorList(spec.dim() == 0 ? Rearrange.tensorSplit(tensor(a[0]), spec.item().toLong(), toLong(a[2]))
                    : Rearrange.tensorSplit(tensor(a[0]), spec.toLongArray(), toLong(a[2])));
        });
        String[] splits = {"hsplit", "vsplit", "dsplit"};
        for (String name : splits) {
            r.register("aten::" + name + ".int", a -> {
                Tensor t = tensor(a[0]);
                return tensorList(Rearrange.tensorSplit(t, toLong(a[1]), splitDim(name, t)));
            });
            r.register("aten::" + name + ".array",
                    a -> tensorList(Rearrange.tensorSplit(tensor(a[0]), longs(a[1]), splitDim(name, tensor(a[0])))));
        }
        r.register("aten::hstack", a -> {
            List<Tensor> ts = Arrays.stream(tensors(a[0])).map(t -> Rearrange.atLeast(t, 1)).toList();
            return Joining.cat(ts, ts.getFirst().dim() == 1 ? 0 : 1);
        });
        r.register("aten::vstack", a -> Joining.cat(atLeast(a[0], 2), 0));
        r.register("aten::row_stack", a -> Joining.cat(atLeast(a[0], 2), 0));
        r.register("aten::dstack", a -> Joining.cat(atLeast(a[0], 3), 2));
        r.register("aten::column_stack", a -> Joining.cat(Arrays.stream(tensors(a[0]))
                .map(t -> t.dim() <= 1 ? t.reshape(t.numel(), 1) : t).toList(), 1));
        r.register("aten::meshgrid", a -> tensorList(Rearrange.meshgrid(Arrays.asList(tensors(a[0])), "ij")));
        r.register("aten::meshgrid.indexing",
                a -> tensorList(Rearrange.meshgrid(Arrays.asList(tensors(a[0])), str(a[1]))));
        r.register("aten::broadcast_tensors",
                a -> tensorList(Rearrange.broadcastTensors(Arrays.asList(tensors(a[0])))));
        r.register("aten::roll", a -> IndexPatterns.roll(tensor(a[0]), longs(a[1]), longs(a[2])));
        r.register("aten::swapaxes", a -> tensor(a[0]).transpose(toLong(a[1]), toLong(a[2])));
        r.register("aten::swapdims", a -> tensor(a[0]).transpose(toLong(a[1]), toLong(a[2])));
        r.register("aten::moveaxis.int", a -> tensor(a[0]).movedim(toLong(a[1]), toLong(a[2])));
        r.register("aten::moveaxis.intlist", a -> tensor(a[0]).movedim(longs(a[1]), longs(a[2])));
        r.register("aten::block_diag", a -> IndexPatterns.blockDiag(Arrays.asList(tensors(a[0]))));
        r.register("aten::combinations", a -> IndexPatterns.combinations(tensor(a[0]), toLong(a[1]),
                Args.toBool(a[2])));
        r.register("aten::tril_indices", a -> IndexPatterns.triangleIndices(toLong(a[0]), toLong(a[1]),
                toLong(a[2]), true, Args.optDtype(a[3])));
        r.register("aten::triu_indices", a -> IndexPatterns.triangleIndices(toLong(a[0]), toLong(a[1]),
                toLong(a[2]), false, Args.optDtype(a[3])));
        r.register("aten::kron", a -> IndexPatterns.kron(tensor(a[0]), tensor(a[1])));
        r.register("aten::cartesian_prod", a -> {
            List<Tensor> grids = Rearrange.meshgrid(Arrays.asList(tensors(a[0])), "ij");
            if (grids.size() == 1) {
                return grids.getFirst();
            }
            return Joining.stack(grids.stream().map(g -> g.reshape(-1)).toList(), 1);
        });
    }

    /** The dim {@code hsplit} (1, or 0 for 1-d), {@code vsplit} (0) and {@code dsplit} (2) split along. */
    private static long splitDim(String name, Tensor t) {
        return switch (name) {
            case "hsplit" -> t.dim() == 1 ? 0 : 1;
            case "vsplit" -> 0;
            default -> 2;
        };
    }

    private static List<Tensor> atLeast(Object list, int n) {
        return Arrays.stream(tensors(list)).map(t -> Rearrange.atLeast(t, n)).toList();
    }

    private static Object copies(List<Tensor> views) {
        return tensorList(views.stream().map(Tensor::clone).toList());
    }

    /** {@code *_scatter(self, src, ...)}: a copy of self with {@code src} written into the view {@code view} selects. */
    private static Tensor into(Object[] a, Function<Tensor, Tensor> view) {
        Tensor out = tensor(a[0]).clone();
        view.apply(out).copyFrom(tensor(a[1]));
        return out;
    }
}
