# Kiln's TorchScript definitions of torch.nn._reduction: how the losses' `reduction` strings (and the legacy
# `size_average` / `reduce` flags) become the reduction enum of the aten loss operators (0 none, 1 mean, 2 sum).
from typing import Optional


def get_enum(reduction: str) -> int:
    if reduction == "none":
        return 0
    if reduction == "mean":
        return 1
    if reduction == "elementwise_mean":
        warnings.warn("reduction='elementwise_mean' is deprecated. Please use reduction='mean' instead.")
        return 1
    if reduction == "sum":
        return 2
    raise ValueError("{} is not a valid value for reduction".format(reduction))


def legacy_get_string(size_average: Optional[bool], reduce: Optional[bool], emit_warning: bool = True) -> str:
    # both flags default to True; size_average only matters when reducing
    averaged = True if size_average is None else size_average
    reduced = True if reduce is None else reduce
    if averaged and reduced:
        result = "mean"
    elif reduced:
        result = "sum"
    else:
        result = "none"
    if emit_warning:
        warnings.warn("size_average and reduce args will be deprecated, please use reduction='{}' instead.".format(
            result))
    return result


def legacy_get_enum(size_average: Optional[bool], reduce: Optional[bool], emit_warning: bool = True) -> int:
    return get_enum(legacy_get_string(size_average, reduce, emit_warning))
