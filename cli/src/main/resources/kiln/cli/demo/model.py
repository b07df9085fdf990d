# Kiln's bundled demo: a small TorchScript program, compiled without Python or libtorch.
from typing import List
import torch
from torch import Tensor


def mlp(x: Tensor, w1: Tensor, b1: Tensor, w2: Tensor, steps: int) -> Tensor:
    h = torch.relu(torch.nn.functional.linear(x, w1, b1))
    for _ in range(steps):
        h = h + h * 0.5
    if steps > 0:
        return torch.matmul(h, w2)
    return h


def lengths(words: List[str]) -> List[int]:
    return [len(w) for w in words if w != ""]


def main() -> Tensor:
    # the inputs are built in TorchScript too, so the demo needs no files
    x = torch.arange(8.0).view(2, 4) / 8.0
    w1 = torch.ones(3, 4) * 0.25
    b1 = torch.tensor([0.0, -0.5, 0.5])
    w2 = torch.tensor([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    y = mlp(x, w1, b1, w2, 2)
    print("mlp:", y)
    print("lengths:", lengths(["kiln", "", "lowers", "torchscript"]))
    return y
