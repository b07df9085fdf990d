import torch
from typing import Dict, List, Tuple


def sum_pairs(pairs: List[Tuple[int, int]]) -> int:
    total = 0
    for a, b in pairs:
        total += a * b
    return total


def nested(n: int) -> List[int]:
    out: List[int] = []
    i = 0
    while i < n:
        i += 1
        if i % 2 == 0:
            continue
        for j in range(i):
            if j > 3:
                break
            out.append(i * j)
    return out


def enumerate_dict(d: Dict[str, int]) -> int:
    acc = 0
    for i, (k, v) in enumerate(d.items()):
        if k == "skip":
            pass
        elif v < 0:
            acc -= v
        elif v == 0:
            acc = acc
        else:
            acc += i
    return acc


def unpack(xs: List[int]) -> Tuple[int, int, int]:
    first, *rest = xs
    a = b = c = first
    return a, b, c


def with_blocks(x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        y = x * 2
    with torch.jit.strict_fusion(), torch.autograd.profiler.record_function("mul") as rf:
        y = y * 3
    return y


def augmented(x: int) -> int:
    x += 1
    x -= 2
    x *= 3
    x //= 4
    x %= 5
    x **= 2
    x <<= 1
    x >>= 1
    x &= 255
    x |= 1
    x ^= 3
    return x


def float_aug(x: float, t: torch.Tensor) -> torch.Tensor:
    x /= 2.0
    t @= t
    return t * x
