package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.longs;
import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.tensors;
import static kiln.runtime.interp.kernels.Args.toLong;

import java.util.Arrays;
import java.util.List;
import kiln.dialects.torch.types.TensorType;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.tensor.Joining;
import kiln.runtime.tensor.Tensor;

/** Kernels of the view operators (results share storage) and of {@code cat}, {@code stack}, {@code clone}. */
final class ShapeKernels {
    private ShapeKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::view", a -> tensor(a[0]).view(longs(a[1])));
        r.register("aten::reshape", a -> tensor(a[0]).reshape(longs(a[1])));
        r.register("aten::view_as", a -> tensor(a[0]).viewAs(tensor(a[1])));
        r.register("aten::reshape_as", a -> tensor(a[0]).reshape(tensor(a[1]).sizes()));
        r.register("aten::permute", a -> tensor(a[0]).permute(longs(a[1])));
        r.register("aten::transpose.int", a -> tensor(a[0]).transpose(toLong(a[1]), toLong(a[2])));
        r.register("aten::t", a -> tensor(a[0]).t());
        r.register("aten::unsqueeze", a -> tensor(a[0]).unsqueeze(toLong(a[1])));
        r.register("aten::squeeze", a -> tensor(a[0]).squeeze());
        r.register("aten::squeeze.dim", a -> tensor(a[0]).squeeze(toLong(a[1])));
        r.register("aten::squeeze.dims", a -> tensor(a[0]).squeezeDims(longs(a[1])));
        r.register("aten::select.int", a -> tensor(a[0]).select(toLong(a[1]), toLong(a[2])));
        r.register("aten::slice.Tensor", a -> tensor(a[0]).slice(toLong(a[1]), optLong(a[2]), optLong(a[3]),
                toLong(a[4])));
        r.register("aten::narrow", a -> tensor(a[0]).narrow(toLong(a[1]), toLong(a[2]), toLong(a[3])));
        r.register("aten::flatten.using_ints", a -> tensor(a[0]).flatten(toLong(a[1]), toLong(a[2])));
        r.register("aten::unflatten.int", a -> tensor(a[0]).unflatten(toLong(a[1]), longs(a[2])));
        r.register("aten::expand", a -> tensor(a[0]).expand(longs(a[1])));
        r.register("aten::expand_as", a -> tensor(a[0]).expandAs(tensor(a[1])));
        r.register("aten::movedim.int", a -> tensor(a[0]).movedim(toLong(a[1]), toLong(a[2])));
        r.register("aten::movedim.intlist", a -> tensor(a[0]).movedim(longs(a[1]), longs(a[2])));
        r.register("aten::diagonal", a -> tensor(a[0]).diagonal(toLong(a[1]), toLong(a[2]), toLong(a[3])));
        r.register("aten::as_strided", a -> tensor(a[0]).asStrided(longs(a[1]), longs(a[2]), optLong(a[3])));
        r.register("aten::chunk", a -> tensorList(tensor(a[0]).chunk(toLong(a[1]), toLong(a[2]))));
        r.register("aten::unsafe_chunk", a -> tensorList(tensor(a[0]).chunk(toLong(a[1]), toLong(a[2]))));
        r.register("aten::split.Tensor", a -> tensorList(tensor(a[0]).split(toLong(a[1]), toLong(a[2]))));
        r.register("aten::unsafe_split.Tensor", a -> tensorList(tensor(a[0]).split(toLong(a[1]), toLong(a[2]))));
        r.register("aten::split", a -> tensorList(tensor(a[0]).splitWithSizes(longs(a[1]), toLong(a[2]))), "",
                "sizes");
        r.register("aten::split_with_sizes",
                a -> tensorList(tensor(a[0]).splitWithSizes(longs(a[1]), toLong(a[2]))));
        r.register("aten::unbind.int", a -> tensorList(tensor(a[0]).unbind(toLong(a[1]))));
        r.register("aten::contiguous", a -> tensor(a[0]).contiguous());
        r.register("aten::clone", a -> tensor(a[0]).clone());
        r.register("aten::cat", a -> Joining.cat(Arrays.asList(tensors(a[0])), toLong(a[1])));
        r.register("aten::concat", a -> Joining.cat(Arrays.asList(tensors(a[0])), toLong(a[1])));
        r.register("aten::stack", a -> Joining.stack(Arrays.asList(tensors(a[0])), toLong(a[1])));
    }

    static ScriptList tensorList(List<Tensor> tensors) {
        return ScriptList.of(TensorType.TENSOR, tensors);
    }
}
