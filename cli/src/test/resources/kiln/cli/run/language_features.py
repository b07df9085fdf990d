# Language features compiled from source and run on the interpreter (LanguageFeaturesTest); PyTorch 2.13's graphs
# for them are in language_features.graph.txt (tools/gen-language-features-graphs.py).
from typing import Any, Dict, List, Tuple
import torch
from torch import Tensor


class Ctx(object):
    def __init__(self, x: int):
        self.x = x

    def __enter__(self) -> int:
        print("enter", self.x)
        return self.x

    def __exit__(self, type: Any, value: Any, tb: Any):
        print("exit", self.x)


def nested(x: int) -> int:
    with Ctx(x) as v, Ctx(x + 1) as u:
        if v > 3:
            raise ValueError("big")
        for i in range(3):
            with Ctx(i):
                if i == 1:
                    continue
                if i == 2:
                    break
                print("body", i)
    return v + u


def early_return(x: int) -> int:
    c = Ctx(x)
    with c as v:
        y = v + 1
        if y > 3:
            return y
    return y * 2


def grad_modes(x: Tensor) -> Tuple[Tensor, bool, bool]:
    with torch.no_grad():
        y = x * 2
        inside = torch.is_grad_enabled()
    return y, inside, torch.is_grad_enabled()


def squares(xs: List[int]) -> Dict[str, int]:
    return {str(k): k * k for k in xs}


def swapped(d: Dict[str, int]) -> Dict[int, str]:
    return {v: k for k, v in d.items()}


def indexed(xs: List[Tensor]) -> Dict[int, Tensor]:
    return {i: x * 2 for i, x in enumerate(xs)}


def paired(a: List[str], b: List[int]) -> Dict[str, int]:
    return {k: v for k, v in zip(a, b)}


def scale(x: Tensor, k: int, shift: float = 0.0) -> Tensor:
    return x * k + shift


def forked(x: Tensor) -> Tensor:
    a = torch.jit.fork(scale, x, 3)
    b = torch.jit.fork(scale, x, 2, shift=1.0)
    return torch.jit.wait(a) + torch.jit.wait(b)


class Helper(torch.nn.Module):
    k: int

    def __init__(self):
        super().__init__()
        self.k = 4

    def step(self, x: Tensor, n: int) -> Tensor:
        return x * self.k + n

    def forward(self, x: Tensor) -> Tensor:
        f = torch.jit.fork(self.step, x, 1)
        g = torch.jit.fork(self.step, x, n=2)
        return torch.jit.wait(f) - torch.jit.wait(g)
