# Kiln's TorchScript definitions of the torch.* functions that PyTorch implements in Python (torch/functional.py),
# which TorchScript compiles from source: torch.norm, torch.cdist, torch.lu, torch.unique,
# torch.unique_consecutive, torch.tensordot and torch.stft. Signatures are PyTorch's, so that keyword calls and defaults resolve as in PyTorch.
# Where a function needs the aten operator of the same name (which `torch.NAME` would not reach here, as it names
# the Python function), it is called as torch._C._VariableFunctions.NAME, PyTorch's own _VF.
from typing import List, Optional, Tuple
import torch
from torch import Tensor


# ---- torch.norm: one compiled function per declared signature

@_overload
def norm(input: Tensor, p: str = "fro", dim: Optional[List[int]] = None, keepdim: bool = False,
         out: Optional[Tensor] = None, dtype: Optional[int] = None) -> Tensor:
    pass


@_overload
def norm(input: Tensor, p: Optional[number], dim: Optional[List[int]] = None, keepdim: bool = False,
         out: Optional[Tensor] = None, dtype: Optional[int] = None) -> Tensor:
    pass


@_overload
def norm(input: Tensor, p: Optional[number], dim: Optional[int] = None, keepdim: bool = False,
         out: Optional[Tensor] = None, dtype: Optional[int] = None) -> Tensor:
    pass


@_overload
def norm(input: Tensor, p: str = "fro", dim: Optional[int] = None, keepdim: bool = False,
         out: Optional[Tensor] = None, dtype: Optional[int] = None) -> Tensor:
    pass


def norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):
    # torch.norm is torch.linalg.vector_norm / matrix_norm for the strided tensors Kiln has (PyTorch's older
    # frobenius_norm / nuclear_norm path serves sparse and other layouts only)
    dims: Optional[List[int]] = None
    if dim is not None:
        if isinstance(dim, int):
            dims = [dim]
        else:
            dims = dim
    if isinstance(p, str):
        if p == "fro" and (dims is None or len(dims) <= 2):
            if out is None:
                return torch.linalg.vector_norm(input, 2, dims, keepdim, dtype=dtype)
            return torch.linalg.vector_norm(input, 2, dims, keepdim, dtype=dtype, out=out)
        # the matrix norms ('nuc', or 'fro' over more than two dimensions) take the dimensions explicitly
        if dims is None:
            dims = [d for d in range(input.dim())]
        if out is None:
            return torch.linalg.matrix_norm(input, p, dims, keepdim, dtype=dtype)
        return torch.linalg.matrix_norm(input, p, dims, keepdim, dtype=dtype, out=out)
    order: number = 2.0
    if p is not None:
        order = p
    if out is None:
        return torch.linalg.vector_norm(input, order, dims, keepdim, dtype=dtype)
    return torch.linalg.vector_norm(input, order, dims, keepdim, dtype=dtype, out=out)


def cdist(x1: Tensor, x2: Tensor, p: float = 2.0,
          compute_mode: str = "use_mm_for_euclid_dist_if_necessary") -> Tensor:
    # the aten operator's compute_mode: None lets it choose, 1 always uses matrix multiplication, 2 never does
    if compute_mode == "use_mm_for_euclid_dist_if_necessary":
        return torch._C._VariableFunctions.cdist(x1, x2, p, None)
    if compute_mode == "use_mm_for_euclid_dist":
        return torch._C._VariableFunctions.cdist(x1, x2, p, 1)
    if compute_mode == "donot_use_mm_for_euclid_dist":
        return torch._C._VariableFunctions.cdist(x1, x2, p, 2)
    raise ValueError("{} is not a valid value for compute_mode".format(compute_mode))


# ---- torch.lu: get_infos picks whether the LAPACK infos are returned

def _lu_impl(A: Tensor, pivot: bool = True, get_infos: bool = False) -> Tuple[Tensor, Tensor, Tensor]:
    # errors are raised only when the caller does not ask for the infos
    return torch._lu_with_info(A, pivot=pivot, check_errors=(not get_infos))


def _lu_with_infos(A: Tensor, pivot: bool = True, get_infos: bool = False,
                   out: Optional[Tuple[Tensor, Tensor, Tensor]] = None) -> Tuple[Tensor, Tensor, Tensor]:
    lu, pivots, infos = _lu_impl(A, pivot, get_infos)
    if out is not None:
        out_lu, out_pivots, out_infos = out
        out_lu.resize_as_(lu).copy_(lu)
        out_pivots.resize_as_(pivots).copy_(pivots)
        out_infos.resize_as_(infos).copy_(infos)
        return out
    return lu, pivots, infos


def _lu_no_infos(A: Tensor, pivot: bool = True, get_infos: bool = False,
                 out: Optional[Tuple[Tensor, Tensor]] = None) -> Tuple[Tensor, Tensor]:
    lu, pivots, infos = _lu_impl(A, pivot, get_infos)
    if out is not None:
        out_lu, out_pivots = out
        out_lu.resize_as_(lu).copy_(lu)
        out_pivots.resize_as_(pivots).copy_(pivots)
        return out
    return lu, pivots


lu = boolean_dispatch(arg_name="get_infos", arg_index=2, default=False, if_true=_lu_with_infos,
                      if_false=_lu_no_infos)


# ---- torch.unique: return_inverse and return_counts pick what is returned

def _unique_impl(input: Tensor, sorted: bool = True, return_inverse: bool = False, return_counts: bool = False,
                 dim: Optional[int] = None) -> Tuple[Tensor, Tensor, Tensor]:
    if dim is not None:
        return torch.unique_dim(input, dim, sorted=sorted, return_inverse=return_inverse,
                                return_counts=return_counts)
    return torch._unique2(input, sorted=sorted, return_inverse=return_inverse, return_counts=return_counts)


def _return_inverse_and_counts(input: Tensor, sorted: bool = True, return_inverse: bool = False,
                               return_counts: bool = False,
                               dim: Optional[int] = None) -> Tuple[Tensor, Tensor, Tensor]:
    return _unique_impl(input, sorted, return_inverse, return_counts, dim)


def _return_output(input: Tensor, sorted: bool = True, return_inverse: bool = False, return_counts: bool = False,
                   dim: Optional[int] = None) -> Tensor:
    output, _, _ = _unique_impl(input, sorted, return_inverse, return_counts, dim)
    return output


def _return_inverse(input: Tensor, sorted: bool = True, return_inverse: bool = False, return_counts: bool = False,
                    dim: Optional[int] = None) -> Tuple[Tensor, Tensor]:
    output, inverse_indices, _ = _unique_impl(input, sorted, return_inverse, return_counts, dim)
    return output, inverse_indices


def _return_counts(input: Tensor, sorted: bool = True, return_inverse: bool = False, return_counts: bool = False,
                   dim: Optional[int] = None) -> Tuple[Tensor, Tensor]:
    output, _, counts = _unique_impl(input, sorted, return_inverse, return_counts, dim)
    return output, counts


_return_inverse_false = boolean_dispatch(arg_name="return_counts", arg_index=3, default=False,
                                         if_true=_return_counts, if_false=_return_output)

_return_inverse_true = boolean_dispatch(arg_name="return_counts", arg_index=3, default=False,
                                        if_true=_return_inverse_and_counts, if_false=_return_inverse)

unique = boolean_dispatch(arg_name="return_inverse", arg_index=2, default=False, if_true=_return_inverse_true,
                          if_false=_return_inverse_false)


def _unique_consecutive_impl(input: Tensor, return_inverse: bool = False, return_counts: bool = False,
                             dim: Optional[int] = None) -> Tuple[Tensor, Tensor, Tensor]:
    return torch._C._VariableFunctions.unique_consecutive(input, return_inverse=return_inverse,
                                                          return_counts=return_counts, dim=dim)


def _consecutive_return_inverse_and_counts(input: Tensor, return_inverse: bool = False, return_counts: bool = False,
                                           dim: Optional[int] = None) -> Tuple[Tensor, Tensor, Tensor]:
    return _unique_consecutive_impl(input, return_inverse, return_counts, dim)


def _consecutive_return_output(input: Tensor, return_inverse: bool = False, return_counts: bool = False,
                               dim: Optional[int] = None) -> Tensor:
    output, _, _ = _unique_consecutive_impl(input, return_inverse, return_counts, dim)
    return output


def _consecutive_return_inverse(input: Tensor, return_inverse: bool = False, return_counts: bool = False,
                                dim: Optional[int] = None) -> Tuple[Tensor, Tensor]:
    output, inverse_indices, _ = _unique_consecutive_impl(input, return_inverse, return_counts, dim)
    return output, inverse_indices


def _consecutive_return_counts(input: Tensor, return_inverse: bool = False, return_counts: bool = False,
                               dim: Optional[int] = None) -> Tuple[Tensor, Tensor]:
    output, _, counts = _unique_consecutive_impl(input, return_inverse, return_counts, dim)
    return output, counts


_consecutive_return_inverse_false = boolean_dispatch(arg_name="return_counts", arg_index=1, default=False,
                                                     if_true=_consecutive_return_counts,
                                                     if_false=_consecutive_return_output)

_consecutive_return_inverse_true = boolean_dispatch(arg_name="return_counts", arg_index=1, default=False,
                                                    if_true=_consecutive_return_inverse_and_counts,
                                                    if_false=_consecutive_return_inverse)

unique_consecutive = boolean_dispatch(arg_name="return_inverse", arg_index=2, default=False,
                                      if_true=_consecutive_return_inverse_true,
                                      if_false=_consecutive_return_inverse_false)


# ---- torch.tensordot: dims is a count, a pair of dimension lists, or a tensor holding either

@_overload
def tensordot(a: Tensor, b: Tensor, dims: int = 2, out: Optional[Tensor] = None) -> Tensor:
    pass


@_overload
def tensordot(a: Tensor, b: Tensor, dims: Tuple[List[int], List[int]], out: Optional[Tensor] = None) -> Tensor:
    pass


@_overload
def tensordot(a: Tensor, b: Tensor, dims: List[List[int]], out: Optional[Tensor] = None) -> Tensor:
    pass


@_overload
def tensordot(a: Tensor, b: Tensor, dims: Tensor, out: Optional[Tensor] = None) -> Tensor:
    pass


def tensordot(a, b, dims=2, out=None):
    dims_a = torch.jit.annotate(List[int], [])
    dims_b = torch.jit.annotate(List[int], [])
    if isinstance(dims, int):
        if dims < 0:
            raise RuntimeError("tensordot expects dims >= 0, but got dims={}".format(dims))
        if dims > min(a.dim(), b.dim()):
            raise RuntimeError("tensordot expects dims < ndim_a or ndim_b, but got dims={}".format(dims))
        # the last `dims` dimensions of a against the first `dims` of b
        dims_a = [d for d in range(-dims, 0)]
        dims_b = [d for d in range(dims)]
    elif isinstance(dims, Tensor):
        if dims.numel() > 1:
            assert dims.size()[0] == 2, "dims tensor must have size 2 in first dimension, got {}".format(
                dims.size()[0])
            dims_a = torch.jit.annotate(List[int], dims[0].tolist())
            dims_b = torch.jit.annotate(List[int], dims[1].tolist())
        else:
            count = int(dims.item())
            if count < 0:
                raise RuntimeError("tensordot expects dims >= 0, but got dims={}".format(dims))
            dims_a = [d for d in range(-count, 0)]
            dims_b = [d for d in range(count)]
    else:
        dims_a, dims_b = dims
    if out is None:
        return torch._C._VariableFunctions.tensordot(a, b, dims_a, dims_b)
    return torch._C._VariableFunctions.tensordot(a, b, dims_a, dims_b, out=out)


def stft(input: Tensor, n_fft: int, hop_length: Optional[int] = None, win_length: Optional[int] = None,
         window: Optional[Tensor] = None, center: bool = True, pad_mode: str = "reflect", normalized: bool = False,
         onesided: Optional[bool] = None, return_complex: Optional[bool] = None,
         align_to_window: Optional[bool] = None) -> Tensor:
    if center and align_to_window is not None:
        raise RuntimeError("stft align_to_window should only be set when center = false")
    if center:
        # pad n_fft // 2 on both sides of the signal, padding as a batch of one-channel signals
        signal_dim = input.dim()
        extended_shape = [1] * (3 - signal_dim) + list(input.size())
        half = n_fft // 2
        padded = torch.nn.functional.pad(input.view(extended_shape), [half, half], pad_mode)
        input = padded.view(padded.size()[-signal_dim:])
    return torch._C._VariableFunctions.stft(input, n_fft, hop_length, win_length, window, normalized, onesided,
                                            return_complex, align_to_window)
