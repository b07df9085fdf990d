import torch
from typing import List


def scale(x, factor):
    # type: (torch.Tensor, float) -> torch.Tensor
    return x * factor


def count(xs, value):  # type: (List[int], int) -> int
    n = 0
    for x in xs:
        if x == value:
            n += 1
    return n


def only_return(a, b):
    # type: (...) -> int
    return a + b


class Model(torch.nn.Module):
    def forward(self, x, n):
        # type: (torch.Tensor, int) -> torch.Tensor
        buf = []  # type: List[torch.Tensor]
        for _ in range(n):
            buf.append(x)
        return torch.cat(buf)

    def all_typed(self, x):
        # type: (Model, int) -> int
        y = x  # type: ignore
        return y
