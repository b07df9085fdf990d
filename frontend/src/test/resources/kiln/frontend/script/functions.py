"""Hand-written TorchScript functions: annotations, defaults, keyword-only parameters, docstrings."""
from typing import List, Optional, Tuple
import torch
from torch import Tensor


def add(x: Tensor, y: Tensor, alpha: float = 1.0) -> Tensor:
    """Adds y, scaled, to x."""
    return x + alpha * y


def clamp_all(xs: List[Tensor], *, low: float = -1.0, high: float = 1.0) -> List[Tensor]:
    # keyword-only parameters after a bare star
    out: List[Tensor] = []
    for x in xs:
        out.append(torch.clamp(x, min=low, max=high))
    return out


@torch.jit.script
def first_or_none(xs: List[int]) -> Optional[int]:
    if len(xs) == 0:
        return None
    return xs[0]


@torch.jit.ignore
def untouched(x):
    return x


def split(x: Tensor, dim: int = 0) -> Tuple[Tensor, Tensor]:
    n = x.size(dim) // 2
    a, b = x.narrow(dim, 0, n), x.narrow(dim, n, x.size(dim) - n)
    return a, b


def outer(x: int) -> int:
    def inner(y: int) -> int:
        return y * 2
    return inner(x) + \
        inner(x + 1)


def one_liners(flag: bool) -> int:
    if flag: return 1
    x = 1; y = 2; z = x + y
    return z


def checks(x: Tensor) -> Tensor:
    assert x.dim() == 2, "expected a matrix"
    if x.numel() == 0:
        raise ValueError("empty input")
    del x
    return torch.zeros(1)
